// One report in the inbox list: reference and category (the link that opens it), a short
// description, address, status, priority, acute, who has it, its age and due time.
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import type { InboxItem } from '../types.ts';

interface Props {
  item: InboxItem;
  k: string;
  open: boolean;
  selected: boolean;
  active: boolean;
  search: string;
  onSelect(id: string, on: boolean): void;
  onFocus(id: string): void;
}

export function InboxRow({ item, k, open, selected, active, search, onSelect, onFocus }: Props) {
  const t = useT();
  const who = [item.team?.name, item.assignee?.name].filter(Boolean).join(' · ');
  return (
    <li
      className={[
        'inbox-row',
        open ? 'is-open' : null,
        active ? 'is-active' : null,
        selected ? 'is-selected' : null,
      ]
        .filter(Boolean)
        .join(' ')}
      data-id={item.id}
    >
      <input
        type="checkbox"
        className="inbox-row-check"
        checked={selected}
        aria-label={t('inbox.selectRow', { ref: item.ref })}
        onChange={(e) => onSelect(item.id, e.target.checked)}
      />
      <div className="inbox-row-body">
        <p className="inbox-row-title">
          <Link
            to={{ pathname: `/m/${k}/reports/${item.id}`, search }}
            className="inbox-row-link"
            aria-current={open ? 'true' : undefined}
            onFocus={() => onFocus(item.id)}
          >
            <span className="inbox-ref">{item.ref}</span> {item.category.name}
          </Link>
        </p>
        <div className="inbox-row-badges">
          <StatusBadge status={item.status} />
          {item.acute ? <span className="tag tag-acute">{t('inbox.acute')}</span> : null}
          {item.priority !== 'normal' ? (
            <span className={`tag tag-priority-${item.priority}`}>
              {t('inbox.priorityShort', { priority: t(`case.priority.${item.priority}`) })}
            </span>
          ) : null}
          {item.overdue ? <span className="tag tag-overdue">{t('inbox.overdue')}</span> : null}
        </div>
        {item.description ? <p className="inbox-row-text">{item.description}</p> : null}
        {item.address ? <p className="inbox-row-address">{item.address}</p> : null}
        <p className="inbox-row-meta">
          <span>{who ? t('inbox.assignedTo', { who }) : t('inbox.unassigned')}</span>
          <span>
            {t('inbox.received')}{' '}
            <time dateTime={item.createdAt} title={t.dateTime(item.createdAt)}>
              {t.relative(item.createdAt)}
            </time>
          </span>
          {item.dueAt ? (
            <span className={item.overdue ? 'is-overdue' : undefined}>
              {t('inbox.due')} <time dateTime={item.dueAt}>{t.dateTime(item.dueAt)}</time>
            </span>
          ) : null}
        </p>
      </div>
    </li>
  );
}

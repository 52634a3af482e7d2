// One report in the inbox list, in two lines so a screen holds many: reference and category (the
// link that opens it) and when it came; then status, acute, priority and overdue, the start of the
// description and the address, who has it and its due time. Long text is cut at the line's end.
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
  const summary = [item.description, item.address].filter(Boolean).join(' — ');
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
        <p className="inbox-row-line">
          <Link
            to={{ pathname: `/m/${k}/reports/${item.id}`, search }}
            className="inbox-row-link"
            aria-current={open ? 'true' : undefined}
            onFocus={() => onFocus(item.id)}
          >
            <span className="inbox-ref">{item.ref}</span>{' '}
            <span className="inbox-row-title">{item.category.name}</span>
          </Link>
          <span className="inbox-row-end">
            <span className="visually-hidden">{t('inbox.received')} </span>
            <time dateTime={item.createdAt} title={`${t('inbox.received')} ${t.dateTime(item.createdAt)}`}>
              {t.relative(item.createdAt)}
            </time>
          </span>
        </p>
        <p className="inbox-row-line inbox-row-meta">
          <span className="inbox-row-badges">
            <StatusBadge status={item.status} />
            {item.acute ? <span className="tag tag-acute">{t('inbox.acute')}</span> : null}
            {item.priority !== 'normal' ? (
              <span className={`tag tag-priority-${item.priority}`}>
                {t('inbox.priorityShort', { priority: t(`case.priority.${item.priority}`) })}
              </span>
            ) : null}
            {item.overdue ? <span className="tag tag-overdue">{t('inbox.overdue')}</span> : null}
          </span>
          {summary ? <span className="inbox-row-text">{summary}</span> : null}
          <span className="inbox-row-end">
            <span>{who ? t('inbox.assignedTo', { who }) : t('inbox.unassigned')}</span>
            {item.dueAt ? (
              <span className={item.overdue ? 'is-overdue' : undefined}>
                {t('inbox.due')}{' '}
                <time dateTime={item.dueAt} title={t.dateTime(item.dueAt)}>
                  {t.dateTime(item.dueAt, {
                    day: 'numeric',
                    month: 'numeric',
                    hour: '2-digit',
                    minute: '2-digit',
                  })}
                </time>
              </span>
            ) : null}
          </span>
        </p>
      </div>
    </li>
  );
}

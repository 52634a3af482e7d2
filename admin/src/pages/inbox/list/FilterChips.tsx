// The filters in use besides the status view, as chips under the status bar: each says what it
// filters on and removes it when pressed, so what the drawer hides is never forgotten.
import { Button } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import type { Directory } from '../directory.ts';
import { EMPTY_FILTER, type InboxFilter, statusViewOf } from '../filters.ts';

interface Chip {
  key: string;
  text: string;
  without: Partial<InboxFilter>;
}

function nameIn(list: readonly { id: string; name: string }[], id: string): string {
  return list.find((x) => x.id === id)?.name ?? id;
}

export function FilterChips({
  filter,
  directory,
  onApply,
}: {
  filter: InboxFilter;
  directory: Directory;
  onApply(filter: InboxFilter): void;
}) {
  const t = useT();
  const chip = (label: string, value: string) => t('inbox.chip', { label, value });
  const chips: Chip[] = [];
  if (filter.q.trim())
    chips.push({ key: 'q', text: chip(t('inbox.search'), `«${filter.q.trim()}»`), without: { q: '' } });
  if (filter.statuses.length > 0 && statusViewOf(filter.statuses) === null)
    chips.push({
      key: 'status',
      text: chip(t('inbox.status'), filter.statuses.map((s) => t(`status.${s}`)).join(', ')),
      without: { statuses: [] },
    });
  if (filter.team)
    chips.push({
      key: 'team',
      text: chip(
        t('inbox.team'),
        filter.team === 'none' ? t('inbox.noTeam') : nameIn(directory.teams, filter.team),
      ),
      without: { team: '' },
    });
  if (filter.assignee) {
    const who =
      filter.assignee === 'me'
        ? t('inbox.me')
        : filter.assignee === 'none'
          ? t('inbox.nobody')
          : nameIn(directory.people, filter.assignee);
    chips.push({ key: 'assignee', text: chip(t('inbox.assignee'), who), without: { assignee: '' } });
  }
  if (filter.overdue)
    chips.push({ key: 'overdue', text: t('inbox.overdueOnly'), without: { overdue: false } });
  if (filter.acute) chips.push({ key: 'acute', text: t('inbox.acuteOnly'), without: { acute: false } });
  if (filter.group)
    chips.push({
      key: 'group',
      text: chip(t('inbox.group'), nameIn(directory.groups, filter.group)),
      without: { group: '', category: '' },
    });
  if (filter.category)
    chips.push({
      key: 'category',
      text: chip(t('inbox.category'), nameIn(directory.categories, filter.category)),
      without: { category: '' },
    });
  if (filter.channels.length > 0)
    chips.push({
      key: 'channel',
      text: chip(t('inbox.channel'), filter.channels.map((c) => t(`inbox.channel.${c}`)).join(', ')),
      without: { channels: [] },
    });
  if (filter.from)
    chips.push({
      key: 'from',
      text: chip(t('inbox.from'), t.dateTime(filter.from, { dateStyle: 'medium' })),
      without: { from: '' },
    });
  if (filter.to)
    chips.push({
      key: 'to',
      text: chip(t('inbox.to'), t.dateTime(filter.to, { dateStyle: 'medium' })),
      without: { to: '' },
    });
  if (chips.length === 0) return null;

  return (
    <ul className="filter-chips" aria-label={t('inbox.activeFilters')}>
      {chips.map((c) => (
        <li key={c.key}>
          <button type="button" className="filter-chip" onClick={() => onApply({ ...filter, ...c.without })}>
            {c.text}
            <span aria-hidden="true"> ×</span>
            <span className="visually-hidden"> ({t('inbox.removeFilter')})</span>
          </button>
        </li>
      ))}
      {chips.length > 1 ? (
        <li>
          <Button
            variant="link"
            onClick={() =>
              onApply({
                ...EMPTY_FILTER,
                statuses: statusViewOf(filter.statuses) === null ? [] : filter.statuses,
                sort: filter.sort,
              })
            }
          >
            {t('inbox.removeAll')}
          </Button>
        </li>
      ) : null}
    </ul>
  );
}

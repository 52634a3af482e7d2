// The status bar above the list: the usual views of the inbox (all, open, each open status, solved
// and closed) as toggle buttons with their counts. One press applies it; any other set of statuses
// is made in the filter drawer, and then no view is pressed.
import { useT } from '../../../i18n/index.ts';
import {
  type InboxFilter,
  STATUS_VIEW_NAMES,
  STATUS_VIEWS,
  type StatusView,
  statusViewOf,
} from '../filters.ts';
import type { Counts } from '../types.ts';
import { StatusCount } from './StatusCount.tsx';

function useViewName(): (view: StatusView) => string {
  const t = useT();
  return (view) =>
    view === 'all'
      ? t('inbox.view.all')
      : view === 'open'
        ? t('inbox.view.open')
        : view === 'closed'
          ? t('inbox.view.closed')
          : t(`status.${view}`);
}

export function StatusViews({
  filter,
  counts,
  onApply,
}: {
  filter: InboxFilter;
  counts: Counts | null;
  onApply(filter: InboxFilter): void;
}) {
  const t = useT();
  const name = useViewName();
  const current = statusViewOf(filter.statuses);
  return (
    <fieldset className="status-views">
      <legend className="visually-hidden">{t('inbox.status')}</legend>
      {STATUS_VIEW_NAMES.map((view) => (
        <button
          key={view}
          type="button"
          className="status-view"
          aria-pressed={view === current}
          onClick={() => onApply({ ...filter, statuses: [...STATUS_VIEWS[view]] })}
        >
          {name(view)} <StatusCount counts={counts} statuses={STATUS_VIEWS[view]} />
        </button>
      ))}
    </fieldset>
  );
}

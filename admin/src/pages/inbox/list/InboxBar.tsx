// The inbox's bar: its heading, the search, the filter drawer's button (with how many of its
// filters are in use), the order, saved filters, the map's toggle on a narrow screen, and the
// shortcuts. One row on a laptop; it wraps on a narrow screen.
import './inbox-bar.css';
import { Button } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import type { Directory } from '../directory.ts';
import { drawerFilterCount, filterToRecord, type InboxFilter } from '../filters.ts';
import type { Counts } from '../types.ts';
import { FilterDrawer } from './FilterDrawer.tsx';
import { SavedFilters } from './SavedFilters.tsx';
import { SearchForm } from './SearchForm.tsx';
import { SortSelect } from './SortSelect.tsx';

interface Props {
  k: string;
  filter: InboxFilter;
  counts: Counts | null;
  directory: Directory;
  /** Whether the heading takes focus (on arriving at the inbox, not on a change of filter). */
  focusHeading: boolean;
  drawerOpen: boolean;
  onDrawer(open: boolean): void;
  /** The map's toggle (narrow screens, no case open), or null. */
  mapToggle: { open: boolean; toggle(): void } | null;
  onHelp(): void;
  onApply(filter: InboxFilter): void;
  onSavedFilter(query: Record<string, string>): void;
}

export function InboxBar({
  k,
  filter,
  counts,
  directory,
  focusHeading,
  drawerOpen,
  onDrawer,
  mapToggle,
  onHelp,
  onApply,
  onSavedFilter,
}: Props) {
  const t = useT();
  const drawerCount = drawerFilterCount(filter);
  return (
    <div className="inbox-bar">
      <PageHeading title={t('inbox.title')} focusOnNavigate={focusHeading} />
      <SearchForm value={filter.q} onSearch={(q) => onApply({ ...filter, q })} />
      <div className="inbox-bar-tools">
        <Button
          variant="secondary"
          className="inbox-filter-button"
          aria-haspopup="dialog"
          aria-expanded={drawerOpen}
          aria-controls="inbox-filter-drawer"
          aria-keyshortcuts="f"
          onClick={() => onDrawer(true)}
        >
          {t('inbox.filters')}
          {drawerCount > 0 ? (
            <>
              {' '}
              <span className="badge">{drawerCount}</span>
              <span className="visually-hidden"> {t('inbox.filtersInUse')}</span>
            </>
          ) : null}
        </Button>
        <FilterDrawer
          open={drawerOpen}
          filter={filter}
          counts={counts}
          directory={directory}
          onApply={onApply}
          onClose={() => onDrawer(false)}
        />
        <SortSelect value={filter.sort} onChange={(sort) => onApply({ ...filter, sort })} />
        <SavedFilters k={k} current={filterToRecord(filter)} onApply={onSavedFilter} />
        {mapToggle ? (
          <Button
            variant="secondary"
            className="inbox-map-toggle"
            aria-expanded={mapToggle.open}
            aria-controls="inbox-map-pane"
            onClick={mapToggle.toggle}
          >
            {t('inbox.map')}
          </Button>
        ) : null}
        <Button
          variant="secondary"
          className="inbox-keys-button"
          onClick={() => onHelp()}
          aria-keyshortcuts="?"
        >
          {t('inbox.keys.button')}
        </Button>
      </div>
    </div>
  );
}

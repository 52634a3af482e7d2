// The inbox, laid out like a ticket tool's: one bar with the search, the filter drawer's button,
// the order and saved filters; a status bar with the counts; the filters in use as chips; then the
// list on the left and, on the right, the map of the listed reports or, once one is opened
// (/m/:k/reports/:id), its case view. On a wide screen the page fills the window and list and case
// scroll on their own. New reports arrive live; shortcuts (the "?" dialog) move through the list
// and into the case.
import './inbox.css';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Outlet, useMatch, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { useMembership } from '../../session/index.ts';
import { IncidentsPanel } from '../incidents/IncidentsPanel.tsx';
import { useDirectory } from './directory.ts';
import { filterFromParams, filterToParams, type InboxFilter, isFiltered } from './filters.ts';
import { type CaseControl, focusCaseControl, InboxContext, type InboxContextValue } from './inbox-context.ts';
import { BulkBar } from './list/BulkBar.tsx';
import { FilterChips } from './list/FilterChips.tsx';
import { InboxBar } from './list/InboxBar.tsx';
import { InboxList } from './list/InboxList.tsx';
import { LiveBanner } from './list/LiveBanner.tsx';
import { ShortcutsDialog } from './list/ShortcutsDialog.tsx';
import { CountNote, ReportCount } from './list/StatusCount.tsx';
import { StatusViews } from './list/StatusViews.tsx';
import { useInboxList } from './list/useInboxList.ts';
import { useShortcuts } from './list/useShortcuts.ts';
import { can } from './permissions.ts';
import { type MapPoint, ReportMap } from './ReportMap.tsx';

function focusRow(id: string): void {
  document.querySelector<HTMLAnchorElement>(`.inbox-row[data-id="${id}"] .inbox-row-link`)?.focus();
}

export default function InboxPage() {
  const t = useT();
  const membership = useMembership();
  const k = membership.kommunenummer;
  const navigate = useNavigate();
  const chosen = useMatch('/m/:kommunenummer/reports/:id');
  const openId = chosen?.params.id;
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const search = params.toString() ? `?${params.toString()}` : '';
  const directory = useDirectory();
  const listRef = useRef<HTMLDivElement>(null);
  const list = useInboxList(k, filter, listRef, t.language);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [help, setHelp] = useState(false);
  const [mapOpen, setMapOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const pendingControl = useRef<CaseControl | null>(null);
  const mayBulk = can(membership, 'case.bulk');
  // The heading takes focus when the inbox is arrived at, not when its filter or case changes.
  const firstRender = useRef(true);
  const focusHeading = firstRender.current && !chosen;
  useEffect(() => {
    firstRender.current = false;
  }, []);

  const apply = (next: InboxFilter) => {
    setSelected(new Set());
    setParams(filterToParams(next));
  };
  const openCase = useCallback(
    (id: string) => {
      void navigate({ pathname: `/m/${k}/reports/${id}`, search });
    },
    [navigate, k, search],
  );

  const move = (step: number) => {
    const items = list.items;
    if (items.length === 0) return;
    const at = items.findIndex((i) => i.id === (activeId ?? openId));
    const next = items[Math.min(items.length - 1, Math.max(0, at === -1 ? 0 : at + step))];
    if (!next) return;
    setActiveId(next.id);
    focusRow(next.id);
  };
  const toggleSelected = (id: string, on: boolean) =>
    setSelected((known) => {
      const next = new Set(known);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  useShortcuts({
    next: () => move(1),
    previous: () => move(-1),
    open: () => {
      const id = activeId ?? list.items[0]?.id;
      if (id) openCase(id);
    },
    search: () => document.getElementById('inbox-search')?.focus(),
    select: () => {
      if (mayBulk && activeId) toggleSelected(activeId, !selected.has(activeId));
    },
    control: (which) => {
      if (focusCaseControl(which)) return;
      const id = openId ? null : activeId;
      if (id) {
        pendingControl.current = which;
        openCase(id);
      }
    },
    close: () => {
      if (!openId) return;
      const id = openId;
      void navigate({ pathname: `/m/${k}/inbox`, search });
      setActiveId(id);
      requestAnimationFrame(() => focusRow(id));
    },
    help: () => setHelp(true),
    filters: () => setDrawerOpen(true),
    inbox: () => {
      void navigate({ pathname: `/m/${k}/inbox`, search });
    },
  });

  const context = useMemo<InboxContextValue>(
    () => ({
      directory,
      search,
      onCaseChanged: list.updateItem,
      onListChanged: list.reload,
      closeCase: () => {
        const id = openId;
        void navigate({ pathname: `/m/${k}/inbox`, search });
        if (id) requestAnimationFrame(() => focusRow(id));
      },
      takePendingControl: () => {
        const control = pendingControl.current;
        pendingControl.current = null;
        return control;
      },
    }),
    [directory, search, list.updateItem, list.reload, navigate, k, openId],
  );

  const points: MapPoint[] = list.items.flatMap((i) =>
    i.lat !== null && i.lon !== null
      ? [
          {
            id: i.id,
            lat: i.lat,
            lon: i.lon,
            status: i.status,
            label: `${i.ref} · ${t(`status.${i.status}`)}`,
          },
        ]
      : [],
  );

  return (
    <InboxContext value={context}>
      <div className={chosen ? 'inbox-layout has-case' : 'inbox-layout'}>
        <InboxBar
          k={k}
          filter={filter}
          counts={list.counts}
          directory={directory}
          focusHeading={focusHeading}
          drawerOpen={drawerOpen}
          onDrawer={setDrawerOpen}
          mapToggle={chosen ? null : { open: mapOpen, toggle: () => setMapOpen((open) => !open) }}
          onHelp={() => setHelp(true)}
          onApply={apply}
          onSavedFilter={(query) => setParams(new URLSearchParams(query))}
        />
        <IncidentsPanel k={k} />
        <div className="inbox-status-bar">
          <StatusViews filter={filter} counts={list.counts} onApply={apply} />
          <ReportCount counts={list.counts} statuses={filter.statuses} loading={list.loading} />
          <CountNote counts={list.counts} />
          <p className="inbox-live" data-live={list.live}>
            {t(`inbox.live.${list.live}`)}
          </p>
        </div>
        <FilterChips filter={filter} directory={directory} onApply={apply} />
        <div className={['two-panes', 'inbox-page', chosen ? 'has-case' : null].filter(Boolean).join(' ')}>
          <section className="pane inbox-list" aria-labelledby="inbox-list-title">
            <h2 id="inbox-list-title" className="visually-hidden">
              {t('inbox.listTitle')}
            </h2>
            <LiveBanner
              count={list.pending}
              onShow={() => {
                list.showPending();
                listRef.current?.scrollTo({ top: 0 });
                window.scrollTo({ top: 0 });
              }}
            />
            {mayBulk && selected.size > 0 ? (
              <BulkBar
                k={k}
                ids={[...selected]}
                items={list.items}
                directory={directory}
                onDone={list.reload}
                onClear={() => setSelected(new Set())}
              />
            ) : null}
            <div ref={listRef} className="inbox-list-scroll">
              <InboxList
                k={k}
                list={list}
                openId={openId}
                activeId={activeId}
                selected={mayBulk ? selected : new Set()}
                search={search}
                filtered={isFiltered(filter)}
                onSelect={toggleSelected}
                onFocusRow={setActiveId}
                onReset={() => apply({ ...filter, ...filterFromParams(new URLSearchParams()) })}
              />
            </div>
          </section>
          <div className="pane inbox-case">
            {chosen ? (
              <Suspense fallback={<Loading />}>
                <Outlet />
              </Suspense>
            ) : (
              <div id="inbox-map-pane" className={mapOpen ? 'inbox-map-pane is-open' : 'inbox-map-pane'}>
                <ReportMap
                  points={points}
                  tiles={directory.map}
                  onSelect={openCase}
                  label={t('inbox.mapLabel')}
                  assetLayer
                />
                <p className="field-hint">{t('inbox.chooseReport')}</p>
              </div>
            )}
          </div>
        </div>
      </div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </InboxContext>
  );
}

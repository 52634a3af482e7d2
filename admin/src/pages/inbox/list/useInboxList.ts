// The inbox list for a filter: the first page, "Vis flere" for the next, counts per status, and
// live updates from the server's event stream (EventSource reconnects by itself).
import { useCallback, useEffect, useRef, useState } from 'react';
import { countsQuery, filterToQuery, type InboxFilter, type InboxQuery, mayMatch } from '../filters.ts';
import { caseApi, inboxApi } from '../inbox-api.ts';
import type { Case, Counts, InboxItem, LiveEvent } from '../types.ts';

export interface InboxList {
  items: InboxItem[];
  nextCursor: string | null;
  counts: Counts | null;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  /** Reports announced live that are not in the list yet (the "new" banner). */
  pending: number;
  live: 'connecting' | 'open' | 'closed';
  loadMore(): void;
  /** Shows the announced reports: the first page again, the new ones on top. */
  showPending(): void;
  reload(): void;
  /** A case changed in the case view: its row shows the change at once. */
  updateItem(item: Case): void;
}

function toItem(c: Case): InboxItem {
  const { id, ref, status, priority, acute, channel, category, group, address, lat, lon, team } = c;
  return {
    id,
    ref,
    status,
    priority,
    acute,
    channel,
    category,
    group,
    description: c.description.slice(0, 200),
    address,
    lat,
    lon,
    team,
    assignee: c.assignee,
    dueAt: c.dueAt,
    overdue: c.overdue,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** Whether new rows may be put in without moving what the person is looking at. */
function quietAtTop(listElement: HTMLElement | null): boolean {
  const focusInList = listElement?.contains(document.activeElement) ?? false;
  return window.scrollY < 40 && (listElement?.scrollTop ?? 0) < 10 && !focusInList;
}

/** The least time between two count requests caused by live events. */
const COUNTS_REFRESH_MS = 3000;

export function useInboxList(
  k: string,
  filter: InboxFilter,
  listRef: React.RefObject<HTMLElement | null>,
  /** The UI language: the rows' names (category, group) come in it, so a change loads them again. */
  language: string,
): InboxList {
  const [items, setItems] = useState<InboxItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pendingIds, setPendingIds] = useState<string[]>([]);
  const [live, setLive] = useState<InboxList['live']>('connecting');
  const [generation, setGeneration] = useState(0);
  const query = filterToQuery(filter);
  const key = JSON.stringify(query);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const itemsRef = useRef(items);
  itemsRef.current = items;

  // Live events can arrive many a second at a busy time; the counts are asked for at most once per
  // COUNTS_REFRESH_MS (the last event always leads to a refresh), so a screen costs the server
  // one count query per interval, however busy.
  const countsTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const countsLastAsked = useRef(0);
  const refreshCounts = useCallback(() => {
    const ask = () => {
      countsTimer.current = null;
      countsLastAsked.current = Date.now();
      inboxApi
        .counts(k, countsQuery(filterRef.current))
        .then(setCounts)
        .catch(() => setCounts(null));
    };
    if (countsTimer.current) return;
    const wait = countsLastAsked.current + COUNTS_REFRESH_MS - Date.now();
    if (wait <= 0) ask();
    else countsTimer.current = setTimeout(ask, wait);
  }, [k]);
  useEffect(
    () => () => {
      if (countsTimer.current) clearTimeout(countsTimer.current);
    },
    [],
  );

  // The first page, whenever the filter or the language changes (or a reload is asked for).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the query; generation forces a reload; `language` is sent by the API client.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    setPendingIds([]);
    inboxApi
      .list(k, JSON.parse(key) as InboxQuery, controller.signal)
      .then((page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      });
    inboxApi
      .counts(k, countsQuery(filterRef.current), controller.signal)
      .then(setCounts)
      .catch(() => undefined);
    return () => controller.abort();
  }, [k, key, generation, language]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    setLoadingMore(true);
    inboxApi
      .list(k, { ...filterToQuery(filterRef.current), cursor: nextCursor })
      .then((page) => {
        setItems((known) => {
          const seen = new Set(known.map((i) => i.id));
          return [...known, ...page.items.filter((i) => !seen.has(i.id))];
        });
        setNextCursor(page.nextCursor);
      })
      .catch(setError)
      .finally(() => setLoadingMore(false));
  }, [k, nextCursor]);

  /** Puts the newest reports of the first page that are not listed yet on top. */
  const insertNew = useCallback(
    (only?: string[]) => {
      inboxApi
        .list(k, filterToQuery(filterRef.current))
        .then((page) => {
          setItems((known) => {
            const seen = new Set(known.map((i) => i.id));
            const fresh = page.items.filter((i) => !seen.has(i.id) && (!only || only.includes(i.id)));
            return fresh.length ? [...fresh, ...known] : known;
          });
          setPendingIds((ids) => (only ? ids.filter((id) => !page.items.some((i) => i.id === id)) : []));
        })
        .catch(() => undefined);
      refreshCounts();
    },
    [k, refreshCounts],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const updateItem = useCallback((c: Case) => {
    setItems((known) => known.map((i) => (i.id === c.id ? toItem(c) : i)));
  }, []);

  // Live updates.
  const handle = useRef<(event: LiveEvent) => void>(() => undefined);
  handle.current = (event) => {
    const listed = itemsRef.current.some((i) => i.id === event.id);
    if (event.op === 'update') {
      if (listed)
        caseApi
          .get(k, event.id)
          .then(updateItem)
          .catch(() => undefined);
      refreshCounts();
      return;
    }
    if (listed || !mayMatch(filterRef.current, event.status)) return;
    if (quietAtTop(listRef.current)) insertNew([event.id]);
    else {
      setPendingIds((ids) => (ids.includes(event.id) ? ids : [...ids, event.id]));
      refreshCounts();
    }
  };

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(inboxApi.eventsUrl(k));
    setLive('connecting');
    source.onopen = () => setLive('open');
    source.onerror = () => setLive(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    source.addEventListener('report', (message) => {
      try {
        handle.current(JSON.parse((message as MessageEvent<string>).data) as LiveEvent);
      } catch {
        // A notice we cannot read is skipped.
      }
    });
    return () => source.close();
  }, [k]);

  return {
    items,
    nextCursor,
    counts,
    loading,
    loadingMore,
    error,
    pending: pendingIds.length,
    live,
    loadMore,
    showPending: () => insertNew(),
    reload,
    updateItem,
  };
}

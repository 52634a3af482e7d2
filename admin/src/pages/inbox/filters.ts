// The inbox filter lives in the address's query string, so a filter can be bookmarked, shared
// and stepped back through. These are the names the API takes; the page passes them on as they are.
import type { QueryOf } from '../../api/types.ts';
import { REPORT_STATUSES, type ReportStatus } from '../../components/index.ts';
import { CHANNELS, type Channel, SORTS, type Sort } from './types.ts';

export interface InboxFilter {
  statuses: ReportStatus[];
  group: string;
  category: string;
  team: string;
  assignee: string;
  overdue: boolean;
  acute: boolean;
  channels: Channel[];
  from: string;
  to: string;
  q: string;
  sort: Sort;
}

export const EMPTY_FILTER: InboxFilter = {
  statuses: [],
  group: '',
  category: '',
  team: '',
  assignee: '',
  overdue: false,
  acute: false,
  channels: [],
  from: '',
  to: '',
  q: '',
  sort: '-created',
};

const OPEN: ReportStatus[] = ['mottatt', 'under_behandling', 'planlagt'];

function list<T extends string>(text: string | null, allowed: readonly T[]): T[] {
  if (!text) return [];
  const wanted = new Set<string>();
  for (const part of text.split(',')) {
    if (part === 'open') for (const s of OPEN) wanted.add(s);
    else wanted.add(part);
  }
  return allowed.filter((value) => wanted.has(value));
}

export function filterFromParams(params: URLSearchParams): InboxFilter {
  const sort = params.get('sort');
  return {
    statuses: list(params.get('status'), REPORT_STATUSES),
    group: params.get('group') ?? '',
    category: params.get('category') ?? '',
    team: params.get('team') ?? '',
    assignee: params.get('assignee') ?? '',
    overdue: params.get('overdue') === 'true',
    acute: params.get('acute') === 'true',
    channels: list(params.get('channel'), CHANNELS),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    q: params.get('q') ?? '',
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : '-created',
  };
}

/** The filter as query parameters, leaving out what is not set (and the default sort). */
export function filterToRecord(filter: InboxFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.statuses.length > 0) out.status = filter.statuses.join(',');
  if (filter.group) out.group = filter.group;
  if (filter.category) out.category = filter.category;
  if (filter.team) out.team = filter.team;
  if (filter.assignee) out.assignee = filter.assignee;
  if (filter.overdue) out.overdue = 'true';
  if (filter.acute) out.acute = 'true';
  if (filter.channels.length > 0) out.channel = filter.channels.join(',');
  if (filter.from) out.from = filter.from;
  if (filter.to) out.to = filter.to;
  if (filter.q.trim()) out.q = filter.q.trim();
  if (filter.sort !== '-created') out.sort = filter.sort;
  return out;
}

export function filterToParams(filter: InboxFilter): URLSearchParams {
  return new URLSearchParams(filterToRecord(filter));
}

/** The list's query parameters, as the API types them. */
export type InboxQuery = QueryOf<'/api/v1/staff/m/{kommunenummer}/reports'>;
export type CountsQuery = QueryOf<'/api/v1/staff/m/{kommunenummer}/reports/counts'>;

/** The filter as the list's query: what filterToRecord gives, with the flags as booleans. */
export function filterToQuery(filter: InboxFilter): InboxQuery {
  const { overdue: _overdue, acute: _acute, sort: _sort, ...text } = filterToRecord(filter);
  return {
    ...text,
    ...(filter.overdue ? { overdue: true } : {}),
    ...(filter.acute ? { acute: true } : {}),
    ...(filter.sort !== '-created' ? { sort: filter.sort } : {}),
  };
}

/** The query for /reports/counts: every filter but status and sort. */
export function countsQuery(filter: InboxFilter): CountsQuery {
  const { status: _status, sort: _sort, ...rest } = filterToQuery(filter);
  return rest;
}

/**
 * Whether a report the live feed announces may belong in the list. The feed says only its id,
 * reference and status, so every filter but status counts as "may match".
 */
export function mayMatch(filter: InboxFilter, status: ReportStatus): boolean {
  if (filter.statuses.length > 0) return filter.statuses.includes(status);
  return status !== 'duplikat';
}

export function isFiltered(filter: InboxFilter): boolean {
  const { sort: _sort, ...rest } = filterToRecord(filter);
  return Object.keys(rest).length > 0;
}

/**
 * The status views of the inbox's status bar, each a set of statuses. "all" is no status filter
 * (every report but duplicates, as the API lists them). Any other set is made in the filter drawer.
 */
export const STATUS_VIEWS = {
  all: [],
  open: OPEN,
  mottatt: ['mottatt'],
  under_behandling: ['under_behandling'],
  planlagt: ['planlagt'],
  closed: ['utfort', 'privat_ansvar', 'videresendt', 'avvist', 'lukket'],
} as const satisfies Record<string, readonly ReportStatus[]>;
export type StatusView = keyof typeof STATUS_VIEWS;
export const STATUS_VIEW_NAMES = Object.keys(STATUS_VIEWS) as StatusView[];

/** The view whose statuses are exactly these, or null for a set made in the drawer. */
export function statusViewOf(statuses: readonly ReportStatus[]): StatusView | null {
  const wanted = new Set(statuses);
  return (
    STATUS_VIEW_NAMES.find((view) => {
      const own: readonly ReportStatus[] = STATUS_VIEWS[view];
      return own.length === wanted.size && own.every((s) => wanted.has(s));
    }) ?? null
  );
}

/** How many filters besides the status view and the search are set (the drawer button's badge). */
export function drawerFilterCount(filter: InboxFilter): number {
  const custom = statusViewOf(filter.statuses) === null ? 1 : 0;
  return (
    custom +
    [filter.group, filter.category, filter.team, filter.assignee, filter.from, filter.to].filter(Boolean)
      .length +
    (filter.overdue ? 1 : 0) +
    (filter.acute ? 1 : 0) +
    (filter.channels.length > 0 ? 1 : 0)
  );
}

// The one place the figures about handling reports are defined, for the staff dashboard and the
// public accountability page (/{slug}/statistikk) alike, so both show the same numbers:
//   - median hours from receipt to the first public reply (over reports that got one),
//   - median hours from receipt to done (done_at: when work was first marked done),
//   - the share done within the deadline: of reports with a due time (due_at, from the
//     category's deadline) that are done (done_at set, on time or late) or still open
//     (mottatt, under_behandling, planlagt) past it, those done on or before it. Reports closed
//     without being done (avvist, duplikat …) and those not yet due count in neither.
// Reports count by when they were received, in Norwegian time. docs/statistics.md says more.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { LocalizedText } from '../../shared/language.ts';
import type { DateRange } from './resolve-dashboard-range.ts';

/** Aggregate expressions over rows that have created_at, first_public_reply_at, done_at, due_at, status. */
export const figureColumns: SQL = sql`count(*)::int as received,
  percentile_cont(0.5) within group (
    order by extract(epoch from first_public_reply_at - created_at)::double precision / 3600)
    filter (where first_public_reply_at is not null) as median_hours_to_first_reply,
  percentile_cont(0.5) within group (
    order by extract(epoch from done_at - created_at)::double precision / 3600)
    filter (where done_at is not null) as median_hours_to_done,
  (count(*) filter (where due_at is not null and done_at <= due_at))::int as done_in_time,
  (count(*) filter (where due_at is not null and (done_at is not null
    or (status in ('mottatt', 'under_behandling', 'planlagt') and due_at < now()))))::int as done_or_overdue`;

/** The Oslo-time bounds of a period of calendar dates, both ends included. */
export function boundsCte(range: DateRange): SQL {
  return sql`bounds as (
      select (${range.from}::date)::timestamp at time zone 'Europe/Oslo' as start_at,
        (${range.to}::date + 1)::timestamp at time zone 'Europe/Oslo' as end_at
    )`;
}

export interface FigureRow {
  received: number;
  median_hours_to_first_reply: number | null;
  median_hours_to_done: number | null;
  done_in_time: number;
  done_or_overdue: number;
}

export interface Figures {
  received: number;
  medianHoursToFirstReply: number | null;
  medianHoursToDone: number | null;
  /** 0–1; null when no report counts (none done or overdue with a due time). */
  shareDoneWithinDeadline: number | null;
}

export function rounded(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function presentFigures(row: FigureRow | undefined): Figures {
  if (!row) {
    return {
      received: 0,
      medianHoursToFirstReply: null,
      medianHoursToDone: null,
      shareDoneWithinDeadline: null,
    };
  }
  return {
    received: row.received,
    medianHoursToFirstReply: rounded(row.median_hours_to_first_reply, 2),
    medianHoursToDone: rounded(row.median_hours_to_done, 2),
    shareDoneWithinDeadline:
      row.done_or_overdue === 0 ? null : rounded(row.done_in_time / row.done_or_overdue, 4),
  };
}

export interface MonthlyGroupRow extends FigureRow {
  /** Null on the rows for all groups together. */
  group_id: string | null;
  month: string;
}

export interface CategoryGroupRow {
  id: string;
  code: string;
  name: LocalizedText;
}

/**
 * Per month received (YYYY-MM, Oslo) and category group, and per month for all groups together
 * (grouping sets: medians cannot be added up from the groups'). One pass over the municipality's
 * reports received in the period, by the (kommunenummer, created_at) index.
 */
export async function queryMonthlyByGroup(
  db: Queryable,
  kommunenummer: string,
  range: DateRange,
): Promise<MonthlyGroupRow[]> {
  return queryRows<MonthlyGroupRow>(
    db,
    sql`with ${boundsCte(range)},
      received as (
        select c.group_id, to_char(r.created_at at time zone 'Europe/Oslo', 'YYYY-MM') as month,
          r.status, r.created_at, r.first_public_reply_at, r.done_at, r.due_at
        from reports r join categories c on c.id = r.category_id, bounds b
        where r.kommunenummer = ${kommunenummer} and r.created_at >= b.start_at and r.created_at < b.end_at
      )
      select group_id, month, ${figureColumns}
      from received
      group by grouping sets ((group_id, month), (month))`,
  );
}

/** The municipality's category groups in display order, the inactive ones too (old reports). */
export async function queryCategoryGroups(db: Queryable, kommunenummer: string): Promise<CategoryGroupRow[]> {
  return queryRows<CategoryGroupRow>(
    db,
    sql`select id, code, name from category_groups
      where kommunenummer = ${kommunenummer} order by sort_order, code`,
  );
}

/** Every month from `from`'s to `to`'s (YYYY-MM), so months without reports show too. */
export function monthsOf(range: DateRange): string[] {
  const [fy = 0, fm = 1] = range.from.split('-').map(Number);
  const [ty = 0, tm = 1] = range.to.split('-').map(Number);
  const months: string[] = [];
  for (let index = fy * 12 + fm - 1; index <= ty * 12 + tm - 1; index++) {
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

export interface MonthFigures extends Figures {
  month: string;
}

export interface GroupSeries {
  /** Null for all groups together. */
  id: string | null;
  code: string | null;
  name: LocalizedText | null;
  months: MonthFigures[];
}

/**
 * All groups together first, then each group, each with every month of the period (zero and
 * null where nothing came in). Groups without any report in the period are left out.
 */
export async function computeMonthlyByGroup(
  db: Queryable,
  kommunenummer: string,
  range: DateRange,
): Promise<GroupSeries[]> {
  const [rows, groups] = await Promise.all([
    queryMonthlyByGroup(db, kommunenummer, range),
    queryCategoryGroups(db, kommunenummer),
  ]);
  const months = monthsOf(range);
  const byKey = new Map(rows.map((row) => [`${row.group_id ?? ''}/${row.month}`, row]));
  const series = (groupId: string | null) =>
    months.map((month) => ({ month, ...presentFigures(byKey.get(`${groupId ?? ''}/${month}`)) }));
  const withReports = new Set(rows.map((row) => row.group_id));
  return [
    { id: null, code: null, name: null, months: series(null) },
    ...groups
      .filter((g) => withReports.has(g.id))
      .map((g) => ({ id: g.id, code: g.code, name: g.name, months: series(g.id) })),
  ];
}

// Counts per status under the inbox's filters (all but status), for the status tabs and the number
// above the list. Counting every matching row took 120–350 ms with a million reports, so a count is
// exact only up to a limit (INBOX_EXACT_COUNT_LIMIT, 10,000), and says what it is:
//
// - When an index leads from the filter to each status (no filter; one of team, person, category or
//   group; dates with either), each status is counted on its own with LIMIT limit+1: an index-only
//   scan of at most limit+1 entries (reports_inbox_status, reports_counts_*). Above the limit the
//   count is `moreThan` the limit.
// - Otherwise (free text, channel, acute, overdue, or two of team, person and category) there is no
//   such index, and counting one status could mean reading every match. The matches are read once,
//   at most limit+1 of them, whatever their status: if that was all of them, every count is exact.
//   If not, or if PostgreSQL expects more than twice the limit (then nothing is read), each count
//   is PostgreSQL's estimate (EXPLAIN), raised to what was seen, rounded to two digits, `about`.
//
// Nothing here writes: intake never waits on a counter.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { estimateRows } from '../../db/estimate-rows.ts';
import { REPORT_STATUSES, type ReportStatus } from '../reports/statuses.ts';
import { filterConditions, type InboxFilter, statusCanMatch } from './inbox-filters.ts';

export const COUNT_ACCURACIES = ['exact', 'moreThan', 'about'] as const;
export type CountAccuracy = (typeof COUNT_ACCURACIES)[number];

export interface InboxCount {
  /** The count (`exact`), the limit there are more than (`moreThan`), or an estimate (`about`). */
  count: number;
  accuracy: CountAccuracy;
}

export interface InboxCounts {
  counts: Record<ReportStatus, InboxCount>;
  /** Every matching report except duplicates, as the unfiltered list shows them. */
  total: InboxCount;
}

/** Whether an index leads from each of the filter's conditions straight to every status. */
export function countsByIndex(filter: InboxFilter): boolean {
  if (filter.text || filter.overdue || filter.acute || (filter.channels?.length ?? 0) > 0) return false;
  const leading = [
    filter.teamId !== undefined,
    filter.assigneeId !== undefined,
    filter.categoryId !== undefined || filter.groupId !== undefined,
  ];
  return leading.filter(Boolean).length <= 1;
}

/** An estimate as people say it: two significant digits (31 234 → 31 000), small ones as they are. */
export function roughly(n: number): number {
  return n < 100 ? n : Number(n.toPrecision(2));
}

type Row = { status: ReportStatus; n: number | string };

async function countEachStatus(
  db: Queryable,
  filter: InboxFilter,
  statuses: ReportStatus[],
  limit: number,
): Promise<Map<ReportStatus, InboxCount>> {
  if (statuses.length === 0) return new Map();
  const selects = statuses.map(
    (status) => sql`select ${status}::text as status, count(*)::int as n
      from (select 1 from reports r where ${filterConditions(filter, { status })} limit ${limit + 1}) capped`,
  );
  const rows = await queryRows<Row>(db, sql.join(selects, sql` union all `));
  return new Map(
    rows.map(({ status, n }) => {
      const count = Number(n);
      return [status, count > limit ? { count: limit, accuracy: 'moreThan' } : { count, accuracy: 'exact' }];
    }),
  );
}

/** When PostgreSQL expects more than this many times the limit, the matches are not even sampled. */
const SURELY_ABOVE = 2;

/** The statuses of at most limit + 1 matches, counted (all of them when there are no more). */
async function sampleStatuses(
  db: Queryable,
  filter: InboxFilter,
  limit: number,
): Promise<Map<ReportStatus, number>> {
  const rows = await queryRows<Row>(
    db,
    sql`select status, count(*)::int as n
      from (select r.status from reports r where ${filterConditions(filter, { ignoreStatus: true })}
            limit ${limit + 1}) seen
      group by status`,
  );
  return new Map(rows.map(({ status, n }) => [status, Number(n)]));
}

async function countOnceOrEstimate(
  db: Queryable,
  filter: InboxFilter,
  statuses: ReportStatus[],
  limit: number,
): Promise<Map<ReportStatus, InboxCount>> {
  // Reading limit + 1 matches costs tens of milliseconds at a million reports (a free-text word's
  // bitmap alone is 100,000 entries); when PostgreSQL expects far more, go straight to estimates.
  const expected = await estimateRows(
    db,
    sql`select 1 from reports r where ${filterConditions(filter, { ignoreStatus: true })}`,
  );
  const seen = expected > SURELY_ABOVE * limit ? undefined : await sampleStatuses(db, filter, limit);
  const all = seen ? [...seen.values()].reduce((sum, n) => sum + n, 0) : Number.POSITIVE_INFINITY;
  const counts = new Map<ReportStatus, InboxCount>();
  for (const status of statuses) {
    const counted = seen?.get(status) ?? 0;
    if (all <= limit) {
      counts.set(status, { count: counted, accuracy: 'exact' });
      continue;
    }
    // One after the other: each is only planned (about a millisecond), and `db` may be a
    // transaction, which has one connection.
    const estimate = await estimateRows(
      db,
      sql`select 1 from reports r where ${filterConditions(filter, { status })}`,
    );
    counts.set(status, { count: Math.max(roughly(estimate), counted), accuracy: 'about' });
  }
  return counts;
}

function totalOf(counts: Record<ReportStatus, InboxCount>): InboxCount {
  const parts = REPORT_STATUSES.filter((s) => s !== 'duplikat').map((s) => counts[s]);
  const sum = parts.reduce((total, part) => total + part.count, 0);
  if (parts.some((part) => part.accuracy === 'about')) return { count: roughly(sum), accuracy: 'about' };
  if (parts.some((part) => part.accuracy === 'moreThan')) return { count: sum, accuracy: 'moreThan' };
  return { count: sum, accuracy: 'exact' };
}

export async function countInbox(db: Queryable, filter: InboxFilter, limit: number): Promise<InboxCounts> {
  // Only open reports are overdue: the other statuses are 0 without asking.
  const statuses = REPORT_STATUSES.filter((status) => statusCanMatch(filter, status));
  const found = countsByIndex(filter)
    ? await countEachStatus(db, filter, statuses, limit)
    : await countOnceOrEstimate(db, filter, statuses, limit);
  const counts = Object.fromEntries(
    REPORT_STATUSES.map((status): [ReportStatus, InboxCount] => [
      status,
      found.get(status) ?? { count: 0, accuracy: 'exact' },
    ]),
  ) as Record<ReportStatus, InboxCount>;
  return { counts, total: totalOf(counts) };
}

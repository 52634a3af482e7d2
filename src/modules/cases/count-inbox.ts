// Counts per status under the inbox's filters (all but status), for the status tabs.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { REPORT_STATUSES, type ReportStatus } from '../reports/statuses.ts';
import { filterConditions, type InboxFilter } from './inbox-filters.ts';

export interface InboxCounts {
  counts: Record<ReportStatus, number>;
  /** Every matching report except duplicates, as the unfiltered list shows them. */
  total: number;
}

export async function countInbox(db: Queryable, filter: InboxFilter): Promise<InboxCounts> {
  const rows = await queryRows<{ status: ReportStatus; n: number | string }>(
    db,
    sql`select r.status, count(*) as n from reports r
      where ${filterConditions(filter, { ignoreStatus: true })}
      group by r.status`,
  );
  const counts = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  const total = REPORT_STATUSES.filter((s) => s !== 'duplikat').reduce((sum, s) => sum + counts[s], 0);
  return { counts, total };
}

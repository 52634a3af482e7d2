// Scans per day of report links, for the sparkline in admin: the last 30 Oslo days, oldest first,
// today last. One query for a whole municipality's list, whatever its length.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

export const SCAN_DAYS = 30;

export function noScanDays(): number[] {
  return Array.from({ length: SCAN_DAYS }, () => 0);
}

/** Link id → scans on each of the last 30 days. Links without scans are absent. */
export async function recentScanDays(
  db: Queryable,
  filter: { kommunenummer: string } | { linkIds: string[] },
): Promise<Map<string, number[]>> {
  if ('linkIds' in filter && filter.linkIds.length === 0) return new Map();
  const which =
    'kommunenummer' in filter
      ? sql`l.kommunenummer = ${filter.kommunenummer}`
      : sql`l.id in (${sql.join(
          filter.linkIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  const rows = await queryRows<{ link_id: string; ago: number; scans: number }>(
    db,
    sql`select d.link_id, ((now() at time zone 'Europe/Oslo')::date - d.day)::int as ago, d.scans
        from report_link_scan_days d join report_links l on l.id = d.link_id
        where ${which} and d.day > (now() at time zone 'Europe/Oslo')::date - ${SCAN_DAYS}::int`,
  );
  const days = new Map<string, number[]>();
  for (const row of rows) {
    const ago = Number(row.ago);
    if (ago < 0 || ago >= SCAN_DAYS) continue;
    const series = days.get(row.link_id) ?? noScanDays();
    series[SCAN_DAYS - 1 - ago] = Number(row.scans);
    days.set(row.link_id, series);
  }
  return days;
}

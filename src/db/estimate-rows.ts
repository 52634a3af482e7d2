// PostgreSQL's own estimate of how many rows a query would return, from EXPLAIN: planned, never
// run, so it costs about a millisecond however many rows there are. For figures that are shown as
// estimates where counting them would read too much (the inbox's counts above their limit).
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from './client.ts';

function planRows(output: unknown): number | undefined {
  const parsed: unknown = typeof output === 'string' ? JSON.parse(output) : output;
  if (!Array.isArray(parsed)) return undefined;
  const top: unknown = parsed[0];
  if (typeof top !== 'object' || top === null || !('Plan' in top)) return undefined;
  const plan: unknown = top.Plan;
  if (typeof plan !== 'object' || plan === null || !('Plan Rows' in plan)) return undefined;
  return typeof plan['Plan Rows'] === 'number' ? plan['Plan Rows'] : undefined;
}

/** The planner's estimate of the rows `query` returns (a whole number, at least 0). */
export async function estimateRows(db: Queryable, query: SQL): Promise<number> {
  const [row] = await queryRows<Record<string, unknown>>(db, sql`explain (format json) ${query}`);
  const rows = planRows(row?.['QUERY PLAN']);
  if (rows === undefined) throw new Error('EXPLAIN gave no row estimate');
  return Math.max(0, Math.round(rows));
}

// Slows password guessing down for every process at once: after MAX_FAILURES failed logins for
// an email address (or from one client address) within the window, that key is locked for a while.
// Kept in the database, because an attacker's requests are spread over all server processes.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
/** A client address gets more room: a whole town hall may share one. */
const MAX_FAILURES_PER_ADDRESS = 50;

export function throttleKeys(email: string, clientAddress: string): { key: string; max: number }[] {
  return [
    { key: `email:${email.toLowerCase()}`, max: MAX_FAILURES },
    { key: `ip:${clientAddress}`, max: MAX_FAILURES_PER_ADDRESS },
  ];
}

/** Minutes left on the longest lock among the keys, or 0 when none is locked. */
export async function lockedMinutes(db: Queryable, keys: string[]): Promise<number> {
  const [row] = await queryRows<{ minutes: number | null }>(
    db,
    sql`select ceil(extract(epoch from max(locked_until) - now()) / 60)::int as minutes
      from login_throttle where key in ${keys} and locked_until > now()`,
  );
  return row?.minutes ?? 0;
}

export async function recordFailure(db: Queryable, keys: { key: string; max: number }[]): Promise<void> {
  for (const { key, max } of keys) {
    await db.execute(sql`insert into login_throttle as t (key, failures, window_started_at)
      values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when t.window_started_at < now() - ${`${FAILURE_WINDOW_MINUTES} minutes`}::interval
          then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at < now() - ${`${FAILURE_WINDOW_MINUTES} minutes`}::interval
          then now() else t.window_started_at end,
        locked_until = case when t.window_started_at >= now() - ${`${FAILURE_WINDOW_MINUTES} minutes`}::interval
            and t.failures + 1 >= ${max}
          then now() + ${`${LOCK_MINUTES} minutes`}::interval else t.locked_until end`);
  }
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.execute(sql`delete from login_throttle where key = ${key}`);
}

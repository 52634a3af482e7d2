// Slows password guessing down without letting anyone lock a colleague out (security review,
// finding 10: five wrong passwords used to lock an address for everyone). Three counters per
// login attempt, kept in the database because an attacker's requests are spread over all
// server processes:
//
// - address × client: three failures are free; after the n-th (n ≥ 3) that client must wait
//   2^(n-3) s before its next try for that address, at most 15 minutes. A login clears it, and it
//   starts over after an hour without failures. Someone else's failures never slow you down.
// - address, from anywhere: a guessing campaign spread over many clients; 100 failures within an
//   hour lock the address for 15 minutes. One person never gets near it.
// - client, for any address: 50 failures within 15 minutes lock the client (a whole town hall may
//   share one address, so it gets room).
//
// An attempt counts as a failure from the moment it starts (the counters are taken under a row
// lock before the password is checked), so parallel requests cannot slip past a wait; a login
// that succeeds gives its count back.
import { sql } from 'drizzle-orm';
import { type Database, type Queryable, queryRows } from '../../db/client.ts';

export const FREE_FAILURES = 3;
export const MAX_DELAY_SECONDS = 15 * 60;
/** A client's count for an address starts over after this long without a failure. */
export const PAIR_QUIET_MINUTES = 60;
export const ADDRESS_MAX_FAILURES = 100;
export const ADDRESS_WINDOW_MINUTES = 60;
export const CLIENT_MAX_FAILURES = 50;
export const CLIENT_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

const MINUTE = 60_000;

type Rule =
  | { key: string; kind: 'progressive' }
  | { key: string; kind: 'cap'; max: number; windowMinutes: number };

export interface ThrottleRow {
  failures: number;
  windowStartedAt: Date;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

/** The wait after the n-th failure of one client for one address. */
export function progressiveDelaySeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS);
}

export function throttleRules(email: string, client: string): Rule[] {
  const address = email.trim().toLowerCase();
  return [
    { key: `pair:${address}|${client}`, kind: 'progressive' },
    {
      key: `email:${address}`,
      kind: 'cap',
      max: ADDRESS_MAX_FAILURES,
      windowMinutes: ADDRESS_WINDOW_MINUTES,
    },
    { key: `client:${client}`, kind: 'cap', max: CLIENT_MAX_FAILURES, windowMinutes: CLIENT_WINDOW_MINUTES },
  ];
}

/** Seconds until the key lets the next attempt through (0: now). */
export function waitSeconds(row: ThrottleRow, now: Date): number {
  if (!row.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** The key's state once one more failure is counted at `now`. */
export function withFailure(rule: Rule, row: ThrottleRow, now: Date): ThrottleRow {
  if (rule.kind === 'progressive') {
    const quiet =
      row.lastFailureAt === null || now.getTime() - row.lastFailureAt.getTime() > PAIR_QUIET_MINUTES * MINUTE;
    const failures = quiet ? 1 : row.failures + 1;
    const delay = progressiveDelaySeconds(failures);
    return {
      failures,
      windowStartedAt: quiet ? now : row.windowStartedAt,
      lastFailureAt: now,
      lockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null,
    };
  }
  const expired = now.getTime() - row.windowStartedAt.getTime() > rule.windowMinutes * MINUTE;
  const failures = expired ? 1 : row.failures + 1;
  return {
    failures,
    windowStartedAt: expired ? now : row.windowStartedAt,
    lastFailureAt: now,
    lockedUntil: failures >= rule.max ? new Date(now.getTime() + LOCK_MINUTES * MINUTE) : row.lockedUntil,
  };
}

interface StoredRow {
  key: string;
  failures: number;
  window_started_at: string | Date;
  last_failure_at: string | Date | null;
  locked_until: string | Date | null;
  now: string | Date;
}

const asDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));

function fromStored(row: StoredRow): ThrottleRow {
  return {
    failures: row.failures,
    windowStartedAt: asDate(row.window_started_at),
    lastFailureAt: row.last_failure_at === null ? null : asDate(row.last_failure_at),
    lockedUntil: row.locked_until === null ? null : asDate(row.locked_until),
  };
}

async function lockRows(tx: Queryable, rules: Rule[]): Promise<Map<string, StoredRow>> {
  const keys = rules.map((r) => r.key).sort();
  // The rows exist before they are locked, so two first attempts cannot both miss each other.
  await tx.execute(
    sql`insert into login_throttle (key) values ${sql.join(
      keys.map((k) => sql`(${k})`),
      sql`, `,
    )} on conflict (key) do nothing`,
  );
  const rows = await queryRows<StoredRow>(
    tx,
    sql`select key, failures, window_started_at, last_failure_at, locked_until, now() as now
          from login_throttle where key in ${keys} order by key for update`,
  );
  return new Map(rows.map((row) => [row.key, row]));
}

async function store(tx: Queryable, key: string, row: ThrottleRow): Promise<void> {
  await tx.execute(sql`update login_throttle set failures = ${row.failures},
      window_started_at = ${row.windowStartedAt.toISOString()}::timestamptz,
      last_failure_at = ${row.lastFailureAt?.toISOString() ?? null}::timestamptz,
      locked_until = ${row.lockedUntil?.toISOString() ?? null}::timestamptz
    where key = ${key}`);
}

/**
 * Takes one attempt for this address from this client. Returns the seconds to wait when any
 * counter says not yet (nothing is counted then), or 0 when the attempt may go ahead; it is then
 * counted as a failure until `attemptSucceeded` or `attemptFailed` says how it went.
 */
export async function reserveAttempt(db: Database, email: string, client: string): Promise<number> {
  const rules = throttleRules(email, client);
  return db.transaction(async (tx) => {
    const rows = await lockRows(tx, rules);
    let wait = 0;
    for (const rule of rules) {
      const row = rows.get(rule.key);
      if (row) wait = Math.max(wait, waitSeconds(fromStored(row), asDate(row.now)));
    }
    if (wait > 0) return wait;
    for (const rule of rules) {
      const row = rows.get(rule.key);
      if (row) await store(tx, rule.key, withFailure(rule, fromStored(row), asDate(row.now)));
    }
    return 0;
  });
}

/**
 * The attempt failed. Its client's wait is counted from now, when the answer goes out, rather
 * than from when the attempt began (checking a password takes a moment).
 */
export async function attemptFailed(db: Queryable, email: string, client: string): Promise<void> {
  const [pair] = throttleRules(email, client);
  if (!pair) return;
  await db.execute(sql`update login_throttle
      set locked_until = now() + (locked_until - last_failure_at), last_failure_at = now()
    where key = ${pair.key} and locked_until is not null and last_failure_at is not null`);
}

/** The attempt succeeded: this client's count for the address is gone, the others get theirs back. */
export async function attemptSucceeded(db: Queryable, email: string, client: string): Promise<void> {
  const [pair, ...caps] = throttleRules(email, client);
  if (pair) await db.execute(sql`delete from login_throttle where key = ${pair.key}`);
  for (const cap of caps) {
    if (cap.kind !== 'cap') continue;
    await db.execute(sql`update login_throttle
        set failures = greatest(failures - 1, 0),
            locked_until = case when failures - 1 < ${cap.max} then null else locked_until end
      where key = ${cap.key}`);
  }
}

/** After a password reset (the holder proved their mailbox): no count against the address remains. */
export async function clearAddress(db: Queryable, email: string): Promise<void> {
  const address = email.trim().toLowerCase();
  await db.execute(sql`delete from login_throttle where key = ${`email:${address}`}
    or key like ${`pair:${address.replace(/[\\%_]/g, '\\$&')}|%`}`);
}

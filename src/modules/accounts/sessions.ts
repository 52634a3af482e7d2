// Server-side sessions: the browser holds a random token in an HttpOnly cookie; the database holds
// its SHA-256, the account and a CSRF token. Sessions slide: each use within the idle limit extends
// them, up to an absolute limit, after which the staff member logs in again. A session opened
// through one municipality's identity provider is scoped to that municipality: that provider
// vouches for the person there, and nowhere else (see principal.ts). A session opened for a named
// device (the field app on a crew's phone, `device_name`) lives by the longer device lifetime in
// SESSION_LIFETIMES: it stays logged in out in the field, and an admin revokes it when the phone
// is lost (device-sessions.ts).
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

export const SESSION_COOKIE = 'mp_staff';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A browser's session, or one kept on a named device (the field app). */
export type SessionKind = 'browser' | 'device';

export interface SessionLifetime {
  /** A session unused for this long has ended. */
  idleMs: number;
  /** No session lives longer than this, however busy. */
  maxMs: number;
}

/**
 * How long each kind of session lives. A browser: a working day with a long lunch, a week at most.
 * A device: a crew's phone is used every few days and must not log them out in the field, so a
 * month unused and three months at most; it is listed by name, so it can be revoked alone.
 */
export const SESSION_LIFETIMES: Record<SessionKind, SessionLifetime> = {
  browser: { idleMs: 12 * HOUR_MS, maxMs: 7 * DAY_MS },
  device: { idleMs: 30 * DAY_MS, maxMs: 90 * DAY_MS },
};
export const SESSION_IDLE_MS = SESSION_LIFETIMES.browser.idleMs;
export const SESSION_MAX_MS = SESSION_LIFETIMES.browser.maxMs;
/** What a device may call itself: "Servicebil 3", "Karis telefon". */
export const DEVICE_NAME_MAX_LENGTH = 80;

const ms = (value: number) => sql`${`${value} milliseconds`}::interval`;
/** The idle and absolute limits of the row's kind, in SQL over staff_sessions. */
const idleSql = sql`case when device_name is null then ${ms(SESSION_LIFETIMES.browser.idleMs)} else ${ms(SESSION_LIFETIMES.device.idleMs)} end`;
const maxSql = sql`case when device_name is null then ${ms(SESSION_LIFETIMES.browser.maxMs)} else ${ms(SESSION_LIFETIMES.device.maxMs)} end`;
/** last_seen_at is written at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export interface NewSession {
  token: string;
  csrfToken: string;
}

/** How a session was opened: with the account's password, or through a municipality's provider. */
export type SessionOrigin = { method: 'password' } | { method: 'oidc'; kommunenummer: string };

export async function createSession(
  db: Queryable,
  userId: string,
  origin: SessionOrigin,
  userAgent: string | undefined,
  deviceName?: string | null,
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const device = deviceName?.trim().slice(0, DEVICE_NAME_MAX_LENGTH) || null;
  const lifetime = SESSION_LIFETIMES[device === null ? 'browser' : 'device'];
  const csrfToken = randomBytes(24).toString('base64url');
  const method = origin.method === 'oidc' ? `oidc:${origin.kommunenummer}` : 'password';
  const scope = origin.method === 'oidc' ? origin.kommunenummer : null;
  await db.execute(sql`insert into staff_sessions
      (token_hash, user_id, csrf_token, method, scope_kommunenummer, user_agent, device_name, expires_at)
    values (${hashToken(token)}, ${userId}::uuid, ${csrfToken}, ${method}, ${scope},
      ${userAgent?.slice(0, 300) ?? null}, ${device}, now() + ${ms(lifetime.idleMs)})`);
  return { token, csrfToken };
}

export interface ActiveSession {
  userId: string;
  csrfToken: string;
  /** The only municipality this session may act in; null: every municipality of the account. */
  scope: string | null;
}

/**
 * The session for a cookie token, extended when used; null when unknown, expired or too old.
 * `touch: false` only looks (an open live stream asking again must not keep an idle session alive).
 */
export async function findSession(
  db: Queryable,
  token: string,
  { touch = true }: { touch?: boolean } = {},
): Promise<ActiveSession | null> {
  const [row] = await queryRows<{
    user_id: string;
    csrf_token: string;
    scope_kommunenummer: string | null;
    stale: boolean;
  }>(
    db,
    sql`select user_id, csrf_token, scope_kommunenummer,
        last_seen_at < now() - ${`${TOUCH_INTERVAL_MS} milliseconds`}::interval as stale
      from staff_sessions
      where token_hash = ${hashToken(token)} and expires_at > now()
        and created_at > now() - ${maxSql}`,
  );
  if (!row) return null;
  if (row.stale && touch) {
    await db.execute(sql`update staff_sessions set last_seen_at = now(), expires_at = now() + ${idleSql}
      where token_hash = ${hashToken(token)}`);
  }
  return { userId: row.user_id, csrfToken: row.csrf_token, scope: row.scope_kommunenummer };
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.execute(sql`delete from staff_sessions where token_hash = ${hashToken(token)}`);
}

/** "Log out everywhere", and what a password reset or deactivation does. */
export async function endAllSessions(db: Queryable, userId: string): Promise<void> {
  await db.execute(sql`delete from staff_sessions where user_id = ${userId}::uuid`);
}

/** What the holder's own password change does: every session but the one that made the change. */
export async function endOtherSessions(db: Queryable, userId: string, keepToken: string): Promise<void> {
  await db.execute(
    sql`delete from staff_sessions where user_id = ${userId}::uuid and token_hash <> ${hashToken(keepToken)}`,
  );
}

export async function forgetExpiredSessions(db: Queryable): Promise<number> {
  // OIDC logins the user never came back from (the provider's page was closed).
  await db.execute(sql`delete from oidc_logins where created_at < now() - interval '1 hour'`);
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with gone as (delete from staff_sessions where expires_at < now()
        or created_at < now() - ${maxSql} returning 1)
      select count(*)::int as n from gone`,
  );
  return rows[0]?.n ?? 0;
}

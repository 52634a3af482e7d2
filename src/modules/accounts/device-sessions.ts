// A staff member's sessions as a list they (or an administrator) can read and end one of: "the
// phone in Servicebil 3", "Firefox on the office PC". A session is named by a public id, the
// SHA-256 of its token's SHA-256: it identifies the row, and neither it nor anything in the list
// can be turned back into the cookie that would open the session.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { DEVICE_NAME_MAX_LENGTH, hashToken, SESSION_LIFETIMES } from './sessions.ts';

export interface SessionListItem {
  id: string;
  deviceName: string | null;
  userAgent: string | null;
  /** 'password' or 'oidc' (the municipality's identity provider). */
  method: string;
  /** The one municipality an OIDC session may act in; null: all of the account's. */
  scope: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** The session this request came with. */
  current: boolean;
}

/** The public id, in SQL over staff_sessions. */
const publicIdSql = sql`encode(sha256(token_hash), 'hex')`;

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/**
 * Which of the account's sessions a caller may see and end: all of them, or, from a session
 * opened through one municipality's identity provider for an account that works elsewhere too,
 * only the sessions opened the same way (that login counts in that municipality and nowhere else,
 * docs/authorisation.md).
 */
export type SessionReach = { all: true } | { all: false; scope: string };

export function sessionReachOf(principal: { coversAccount: boolean; scope: string | null }): SessionReach {
  return principal.coversAccount || principal.scope === null
    ? { all: true }
    : { all: false, scope: principal.scope };
}

function withinReach(reach: SessionReach) {
  return reach.all ? sql`true` : sql`scope_kommunenummer = ${reach.scope}`;
}

/** The account's live sessions within reach, the most recently used first. */
export async function listSessions(
  db: Queryable,
  userId: string,
  currentToken: string | undefined,
  reach: SessionReach = { all: true },
): Promise<SessionListItem[]> {
  const current = currentToken === undefined ? null : hashToken(currentToken);
  const rows = await queryRows<{
    id: string;
    device_name: string | null;
    user_agent: string | null;
    method: string;
    scope_kommunenummer: string | null;
    created_at: Date | string;
    last_seen_at: Date | string;
    expires_at: Date | string;
    current: boolean;
  }>(
    db,
    sql`select ${publicIdSql} as id, device_name, user_agent, method, scope_kommunenummer,
        created_at, last_seen_at, expires_at, coalesce(token_hash = ${current}, false) as current
      from staff_sessions
      where user_id = ${userId}::uuid and expires_at > now() and ${withinReach(reach)}
      order by last_seen_at desc, created_at desc`,
  );
  return rows.map((row) => ({
    id: row.id,
    deviceName: row.device_name,
    userAgent: row.user_agent,
    method: row.method.startsWith('oidc:') ? 'oidc' : row.method,
    scope: row.scope_kommunenummer,
    createdAt: iso(row.created_at),
    lastSeenAt: iso(row.last_seen_at),
    expiresAt: iso(row.expires_at),
    current: row.current,
  }));
}

export interface EndedSession {
  /** The stored token hash, to end the session's open live streams in this process. */
  tokenHash: Buffer;
  deviceName: string | null;
}

/** Ends one of the account's sessions within reach by its public id; null when it has no such session. */
export async function endSessionById(
  db: Queryable,
  userId: string,
  publicId: string,
  reach: SessionReach = { all: true },
): Promise<EndedSession | null> {
  if (!/^[0-9a-f]{64}$/.test(publicId)) return null;
  const [row] = await queryRows<{ token_hash: Buffer | Uint8Array; device_name: string | null }>(
    db,
    sql`delete from staff_sessions where user_id = ${userId}::uuid and ${publicIdSql} = ${publicId}
        and ${withinReach(reach)}
      returning token_hash, device_name`,
  );
  return row ? { tokenHash: Buffer.from(row.token_hash), deviceName: row.device_name } : null;
}

/**
 * Keeps the current session on a named device from now on (an identity-provider login, which has
 * no device name of its own, then lives as long as a password login with `deviceName` would).
 * Its absolute limit still counts from when it was opened.
 */
export async function nameCurrentDevice(db: Queryable, token: string, deviceName: string): Promise<boolean> {
  const name = deviceName.trim().slice(0, DEVICE_NAME_MAX_LENGTH);
  if (name === '') return false;
  const rows = await queryRows<{ one: number }>(
    db,
    sql`update staff_sessions set device_name = ${name}, last_seen_at = now(),
        expires_at = now() + ${`${SESSION_LIFETIMES.device.idleMs} milliseconds`}::interval
      where token_hash = ${hashToken(token)} and expires_at > now() returning 1 as one`,
  );
  return rows.length > 0;
}

/** Ends the account's sessions within reach; the token hashes ended, to close their live streams. */
export async function endSessionsWithinReach(
  db: Queryable,
  userId: string,
  reach: SessionReach,
): Promise<Buffer[]> {
  const rows = await queryRows<{ token_hash: Buffer | Uint8Array }>(
    db,
    sql`delete from staff_sessions where user_id = ${userId}::uuid and ${withinReach(reach)} returning token_hash`,
  );
  return rows.map((row) => Buffer.from(row.token_hash));
}

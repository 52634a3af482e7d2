// The field app's copy on the device (IndexedDB through `idb`): the session to start without a
// network, the task lists and task details, the directory (categories, map tiles) and the queue of
// changes made offline. Everything but the queue's order is keyed by the staff user's id, and
// everything is dropped on logout and when the server answers 401 (session ended or revoked), so
// another person on the same device never sees it. Personal data is never put in the service
// worker's caches (see admin/src/sw.ts): only here, where it can be dropped per user.
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';

export const FIELD_DB = 'meldepunkt-felt';

export interface StoredSession<S> {
  userId: string;
  /** The session without its CSRF token (that stays in memory only). */
  session: S;
  savedAt: string;
}

export interface Cached<T> {
  key: string;
  userId: string;
  value: T;
  savedAt: string;
}

export type QueueKind = 'status' | 'note' | 'photo' | 'report';
export type QueueState = 'pending' | 'conflict' | 'failed';

export interface QueuedChange {
  seq?: number;
  userId: string;
  kommunenummer: string;
  kind: QueueKind;
  /** The task it changes (not for a new report). */
  reportId?: string;
  /** The task's reference, for the list of pending changes. */
  reportRef?: string;
  idempotencyKey: string;
  createdAt: string;
  state: QueueState;
  /** Why it failed or what the other change was (text for people). */
  problem?: string;
  /** The task's version the crew saw when acting (own earlier changes move it on, see sync). */
  baseVersion?: string;
  status?: { status: string; version: string; note?: string; noteKey?: string };
  note?: { message: string };
  photo?: { blob: Blob; name: string };
  report?: {
    /** The category's code (what the field report endpoint takes). */
    category: string;
    categoryName: string;
    description: string;
    lat?: number;
    lon?: number;
    address?: string;
    /** Photos taken with it, sent in the same request. */
    photos?: { blob: Blob; name: string }[];
  };
  /** The other change, on a 409: its status and when it was made. */
  theirs?: { status: string; version: string; updatedAt: string; by?: string };
  attempts: number;
}

interface FieldDb extends DBSchema {
  session: { key: string; value: StoredSession<unknown> };
  cache: { key: string; value: Cached<unknown>; indexes: { byUser: string } };
  queue: { key: number; value: QueuedChange; indexes: { byUser: string } };
}

let opening: Promise<IDBPDatabase<FieldDb>> | null = null;

/**
 * Whose data may be written: the logged-in user, set by the session (SessionProvider). A write
 * that finishes after a logout (a fetch that was under way) would otherwise bring the dropped
 * data back; for anyone else it is ignored.
 */
let owner: string | null = null;
export function setStoreOwner(userId: string | null): void {
  owner = userId;
}

function mayWrite(userId: string): boolean {
  return owner !== null && owner === userId;
}

function db(): Promise<IDBPDatabase<FieldDb>> {
  opening ??= openDB<FieldDb>(FIELD_DB, 1, {
    upgrade(database) {
      database.createObjectStore('session');
      database.createObjectStore('cache', { keyPath: 'key' }).createIndex('byUser', 'userId');
      database
        .createObjectStore('queue', { keyPath: 'seq', autoIncrement: true })
        .createIndex('byUser', 'userId');
    },
    // Another tab deletes the database (logout there): let it, and open again next time.
    blocking() {
      void opening?.then((d) => d.close());
      opening = null;
    },
  });
  return opening;
}

const SESSION_KEY = 'current';

export async function saveSession<S>(userId: string, session: S): Promise<void> {
  if (!mayWrite(userId)) return;
  await (await db()).put('session', { userId, session, savedAt: new Date().toISOString() }, SESSION_KEY);
}

export async function loadSession<S>(): Promise<StoredSession<S> | undefined> {
  return (await (await db()).get('session', SESSION_KEY)) as StoredSession<S> | undefined;
}

function cacheKey(userId: string, key: string): string {
  return `${userId}|${key}`;
}

export async function putCached<T>(userId: string, key: string, value: T): Promise<void> {
  if (!mayWrite(userId)) return;
  await (await db()).put('cache', {
    key: cacheKey(userId, key),
    userId,
    value,
    savedAt: new Date().toISOString(),
  });
}

export async function getCached<T>(userId: string, key: string): Promise<Cached<T> | undefined> {
  return (await (await db()).get('cache', cacheKey(userId, key))) as Cached<T> | undefined;
}

export async function enqueue(change: Omit<QueuedChange, 'seq'>): Promise<number> {
  if (!mayWrite(change.userId)) throw new Error("not logged in as the change's user");
  return (await db()).add('queue', change as QueuedChange);
}

/** The user's queued changes, oldest first. */
export async function queued(userId: string): Promise<QueuedChange[]> {
  const all = await (await db()).getAllFromIndex('queue', 'byUser', userId);
  return all.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

export async function updateQueued(change: QueuedChange): Promise<void> {
  if (!mayWrite(change.userId)) return;
  await (await db()).put('queue', change);
}

export async function removeQueued(seq: number): Promise<void> {
  await (await db()).delete('queue', seq);
}

/**
 * Drops everything kept on this device: the session copy, every user's cached tasks and queued
 * changes. Called on logout and on a 401, when the session is over.
 */
export async function dropAll(): Promise<void> {
  owner = null;
  const open = opening;
  opening = null;
  if (open) (await open.catch(() => null))?.close();
  await deleteDB(FIELD_DB);
}

// The queue of changes made in the field and its sending (docs/field-app.md, "Offline"). Every
// action goes into the queue in IndexedDB first, with its own Idempotency-Key, and is sent in
// order: at start, on the browser's `online` event, right after it is queued and then with backoff
// while the network or the server fails. A 409 (someone else changed the task) stops that change
// and shows both sides; the crew chooses. Nothing is sent twice: a retry carries the same key.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, NETWORK_ERROR, setCsrfToken } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import {
  enqueue,
  putCached,
  type QueuedChange,
  queued,
  removeQueued,
  saveSession,
  updateQueued,
} from '../../offline/field-store.ts';
import { sessionApi, useSession, useStaffSession } from '../../session/index.ts';
import { fieldApi, onFieldUnauthorized } from './field-api.ts';
import { describe, send } from './send-change.ts';

export type Tone = 'saved' | 'queued' | 'synced' | 'problem';

export interface Announcement {
  id: number;
  tone: Tone;
  text: string;
}

interface SyncValue {
  changes: QueuedChange[];
  online: boolean;
  syncing: boolean;
  announcement: Announcement | null;
  announce(tone: Tone, text: string): void;
  /** Queues a change and starts sending. */
  add(
    change: Omit<QueuedChange, 'seq' | 'userId' | 'idempotencyKey' | 'createdAt' | 'state' | 'attempts'>,
  ): Promise<void>;
  keepTheirs(seq: number): Promise<void>;
  applyMineAgain(seq: number): Promise<void>;
  discard(seq: number): Promise<void>;
  syncNow(): void;
}

const SyncContext = createContext<SyncValue | null>(null);

const MAX_BACKOFF_MS = 60_000;

function detailKey(k: string, id: string): string {
  return `detail|${k}|${id}`;
}

export function SyncProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const session = useStaffSession();
  const { refresh } = useSession();
  const userId = session.user.id;
  const [changes, setChanges] = useState<QueuedChange[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const [syncing, setSyncing] = useState(false);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const running = useRef(false);
  const again = useRef(false);
  const backoff = useRef(2000);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const counter = useRef(0);
  const tRef = useRef(t);
  tRef.current = t;

  const announce = useCallback((tone: Tone, text: string) => {
    counter.current += 1;
    setAnnouncement({ id: counter.current, tone, text });
  }, []);

  const reload = useCallback(async () => {
    setChanges(await queued(userId));
  }, [userId]);

  // The copy of the session that lets the app start without a network (never the CSRF token).
  useEffect(() => {
    const { csrfToken: _token, ...rest } = session;
    void saveSession(userId, { ...rest, csrfToken: '' }).catch(() => undefined);
  }, [session, userId]);

  useEffect(() => {
    onFieldUnauthorized(() => void refresh());
    return () => onFieldUnauthorized(() => undefined);
  }, [refresh]);

  const sync = useCallback(async (): Promise<void> => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    setSyncing(true);
    clearTimeout(timer.current);
    let retry = false;
    try {
      const list = (await queued(userId)).filter((c) => c.state === 'pending');
      if (list.length === 0) return;
      // A fresh CSRF token (the app may have started offline, without one).
      const current = await sessionApi.current();
      setCsrfToken(current.csrfToken);
      /** Versions our own earlier changes moved a task to: base version → new version. */
      const moved = new Map<string, { from: string; to: string }>();
      for (const change of list) {
        try {
          const detail = await send(change, moved);
          if (change.seq !== undefined) await removeQueued(change.seq);
          if (detail && change.reportId) {
            moved.set(change.reportId, { from: change.baseVersion ?? '', to: detail.version });
            await putCached(userId, detailKey(change.kommunenummer, change.reportId), detail);
          }
          announce('synced', tRef.current('field.synced', { what: describe(tRef.current, change) }));
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          if (error.status === 0 || error.status >= 500 || error.status === 429) {
            change.attempts += 1;
            await updateQueued(change);
            retry = true;
            break;
          }
          if (error.status === 401) break;
          if (error.status === 409 && change.kind === 'status' && change.reportId) {
            const theirs = await fieldApi.task(change.kommunenummer, change.reportId).then(
              (r) => r.body,
              () => null,
            );
            const last = theirs?.history.findLast((h) => h.kind === 'status_changed');
            await updateQueued({
              ...change,
              state: 'conflict',
              problem: error.message,
              ...(theirs
                ? {
                    theirs: {
                      status: theirs.status,
                      version: theirs.version,
                      updatedAt: theirs.updatedAt,
                      ...(last && 'name' in last.actor ? { by: last.actor.name } : {}),
                    },
                  }
                : {}),
            });
            if (theirs) await putCached(userId, detailKey(change.kommunenummer, change.reportId), theirs);
            announce('problem', tRef.current('field.conflict.announce', { ref: change.reportRef ?? '' }));
            continue;
          }
          await updateQueued({ ...change, state: 'failed', problem: error.message });
          announce('problem', tRef.current('field.failed', { what: describe(tRef.current, change) }));
        }
      }
      backoff.current = 2000;
    } catch (error) {
      if (error instanceof ApiError && (error.code === NETWORK_ERROR || error.status >= 500)) retry = true;
      else if (!(error instanceof ApiError)) throw error;
    } finally {
      running.current = false;
      setSyncing(false);
      await reload();
      if (again.current) {
        again.current = false;
        void sync();
      } else if (retry && navigator.onLine) {
        timer.current = setTimeout(() => void sync(), backoff.current);
        backoff.current = Math.min(backoff.current * 2, MAX_BACKOFF_MS);
      }
    }
  }, [userId, announce, reload]);

  useEffect(() => {
    void reload().then(() => sync());
    const up = () => {
      setOnline(true);
      backoff.current = 2000;
      void sync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      clearTimeout(timer.current);
    };
  }, [reload, sync]);

  const add = useCallback<SyncValue['add']>(
    async (change) => {
      await enqueue({
        ...change,
        userId,
        idempotencyKey: crypto.randomUUID(),
        createdAt: new Date().toISOString(),
        state: 'pending',
        attempts: 0,
      });
      await reload();
      announce(
        navigator.onLine ? 'saved' : 'queued',
        tRef.current(navigator.onLine ? 'field.sending' : 'field.queuedOffline', {
          what: describe(tRef.current, { ...change, kind: change.kind }),
        }),
      );
      void sync();
    },
    [userId, reload, sync, announce],
  );

  const find = useCallback(
    async (seq: number) => (await queued(userId)).find((c) => c.seq === seq),
    [userId],
  );

  const keepTheirs = useCallback(
    async (seq: number) => {
      await removeQueued(seq);
      await reload();
      announce('saved', tRef.current('field.conflict.keptTheirs'));
    },
    [reload, announce],
  );

  const applyMineAgain = useCallback(
    async (seq: number) => {
      const change = await find(seq);
      if (!change?.status || !change.theirs) return;
      await updateQueued({
        ...change,
        state: 'pending',
        baseVersion: change.theirs.version,
        status: { ...change.status, version: change.theirs.version },
        problem: undefined,
        theirs: undefined,
      } as QueuedChange);
      await reload();
      announce('saved', tRef.current('field.conflict.appliedMine'));
      void sync();
    },
    [find, reload, sync, announce],
  );

  const discard = useCallback(
    async (seq: number) => {
      await removeQueued(seq);
      await reload();
      announce('saved', tRef.current('field.discarded'));
    },
    [reload, announce],
  );

  const value = useMemo<SyncValue>(
    () => ({
      changes,
      online,
      syncing,
      announcement,
      announce,
      add,
      keepTheirs,
      applyMineAgain,
      discard,
      syncNow: () => void sync(),
    }),
    [changes, online, syncing, announcement, announce, add, keepTheirs, applyMineAgain, discard, sync],
  );
  return <SyncContext value={value}>{children}</SyncContext>;
}

export function useSync(): SyncValue {
  const value = useContext(SyncContext);
  if (!value) throw new Error('useSync() needs a <SyncProvider>');
  return value;
}

export { describe, detailKey };

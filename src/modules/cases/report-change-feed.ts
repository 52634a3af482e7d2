// Live inbox updates: one LISTEN per server process on 'report_changes' (the worker's announcer,
// report-change-announcer.ts, sends a JSON array of {op, id, ref, kommunenummer, status} per
// batch), fanned out to the staff screens this process serves, each only for its own
// municipality. Whichever process took the report, every process hears it, because the database
// carries the notification.
//
// On a PostgreSQL server the LISTEN needs its own connection (a pooled one would be handed to
// other queries), kept open and reopened with backoff when it drops. PGlite has listen() built in.
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { DatabaseHandle } from '../../db/client.ts';
import { type LongLivedTimeouts, longLivedClientConfig } from '../../db/long-lived-connection.ts';

export const REPORT_CHANGES_CHANNEL = 'report_changes';

export interface ReportChange {
  op: 'insert' | 'update';
  id: string;
  ref: string;
  kommunenummer: string;
  status: string;
}

/**
 * An incident raised or grown (incidents/announce-incident.ts): sent on the same channel by the
 * worker, in the transaction that made it, so the same screens hear of it.
 */
export interface IncidentChange {
  op: 'incident';
  id: string;
  kommunenummer: string;
  status: string;
  reportCount: number;
}

export type LiveChange = ReportChange | IncidentChange;

export type ReportChangeListener = (change: LiveChange) => void;

export interface ReportChangeFeed {
  /** Starts listening if not yet started; resolves once LISTEN is active. Returns the unsubscribe. */
  subscribe(kommunenummer: string, listener: ReportChangeListener): Promise<() => void>;
  /** How many screens are subscribed (for tests and health). */
  subscriberCount(): number;
  stop(): Promise<void>;
}

function changeOf(value: Partial<ReportChange> | Partial<IncidentChange>): LiveChange | undefined {
  if (
    value.op === 'incident' &&
    typeof value.id === 'string' &&
    typeof value.kommunenummer === 'string' &&
    typeof value.status === 'string' &&
    typeof value.reportCount === 'number'
  ) {
    return {
      op: 'incident',
      id: value.id,
      kommunenummer: value.kommunenummer,
      status: value.status,
      reportCount: value.reportCount,
    };
  }
  if (value.op === 'incident') return undefined;
  if (
    (value.op === 'insert' || value.op === 'update') &&
    typeof value.id === 'string' &&
    typeof value.ref === 'string' &&
    typeof value.kommunenummer === 'string' &&
    typeof value.status === 'string'
  ) {
    return {
      op: value.op,
      id: value.id,
      ref: value.ref,
      kommunenummer: value.kommunenummer,
      status: value.status,
    };
  }
  return undefined;
}

/** A batch (array) or a single change; undefined when not understood. */
export function parseChanges(payload: string): LiveChange[] | undefined {
  try {
    const value = JSON.parse(payload) as unknown;
    const items = (Array.isArray(value) ? value : [value]) as Partial<ReportChange>[];
    const changes = items.map(changeOf);
    if (changes.every((c) => c !== undefined)) return changes as LiveChange[];
  } catch {
    // ignored below
  }
  return undefined;
}

const MAX_BACKOFF_MS = 30_000;

export function createReportChangeFeed(
  handle: DatabaseHandle,
  log: FastifyBaseLogger,
  options: { initialBackoffMs?: number; heartbeatMs?: number; timeouts?: LongLivedTimeouts } = {},
): ReportChangeFeed {
  const listeners = new Map<string, Set<ReportChangeListener>>();
  let started: Promise<void> | undefined;
  let stopped = false;
  let client: pg.Client | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let backoff = options.initialBackoffMs ?? 500;

  function dispatch(payload: string): void {
    const changes = parseChanges(payload);
    if (!changes) {
      log.warn('report change notification not understood');
      return;
    }
    for (const change of changes) {
      for (const listener of listeners.get(change.kommunenummer) ?? []) {
        try {
          listener(change);
        } catch (error) {
          log.error({ err: error }, 'report change listener failed');
        }
      }
    }
  }

  async function connectServer(url: string): Promise<void> {
    const next = new pg.Client(longLivedClientConfig(url, 'meldepunkt-listen', options.timeouts));
    next.on('notification', (message) => {
      if (message.channel === REPORT_CHANGES_CHANNEL && message.payload) dispatch(message.payload);
    });
    // Until LISTEN is active, a failure is the caller's to handle (it retries or reports it).
    let live = false;
    let dropped = false;
    let heartbeat: NodeJS.Timeout | undefined;
    const onDrop = (error?: Error) => {
      if (!live || dropped) return;
      dropped = true;
      clearInterval(heartbeat);
      if (client === next) client = undefined;
      next.end().catch(() => {});
      if (stopped) return;
      log.warn(
        { err: error, retryInMs: backoff },
        'report change listener lost its connection; reconnecting',
      );
      scheduleReconnect(url);
    };
    next.on('error', onDrop);
    next.on('end', () => onDrop());
    try {
      await next.connect();
      await next.query(`LISTEN ${REPORT_CHANGES_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      dropped = true;
      await next.end();
      return;
    }
    client = next;
    live = true;
    backoff = options.initialBackoffMs ?? 500;
    // A LISTEN connection only receives: without a statement now and then, a connection that
    // died silently would go unnoticed. One that does not answer in time is dropped and made again.
    heartbeat = setInterval(() => {
      next.query('select 1').catch((error: Error) => onDrop(error));
    }, options.heartbeatMs ?? 30_000);
    heartbeat.unref();
  }

  function scheduleReconnect(url: string): void {
    const wait = backoff;
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connectServer(url).then(
        () => log.info('report change listener reconnected'),
        (error: unknown) => {
          if (stopped) return;
          log.error({ err: error, retryInMs: backoff }, 'report change listener could not reconnect');
          scheduleReconnect(url);
        },
      );
    }, wait);
    retryTimer.unref();
  }

  async function start(): Promise<void> {
    if (handle.kind === 'pglite') {
      unlisten = await handle.pglite.listen(REPORT_CHANGES_CHANNEL, dispatch);
      return;
    }
    await connectServer(handle.url);
  }

  return {
    async subscribe(kommunenummer, listener) {
      if (stopped) throw new Error('Report change feed is stopped');
      started ??= start().catch((error: unknown) => {
        started = undefined;
        throw error;
      });
      await started;
      let set = listeners.get(kommunenummer);
      if (!set) {
        set = new Set();
        listeners.set(kommunenummer, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(kommunenummer);
      };
    },
    subscriberCount() {
      let n = 0;
      for (const set of listeners.values()) n += set.size;
      return n;
    },
    async stop() {
      stopped = true;
      listeners.clear();
      if (retryTimer) clearTimeout(retryTimer);
      await started?.catch(() => {});
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
      await unlisten?.().catch(() => {});
      unlisten = undefined;
    },
  };
}

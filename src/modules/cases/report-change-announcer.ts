// Tells web processes which reports changed, without touching the transactions that change them.
// Every report change writes a history row (report_events: intake, case actions, fix-check
// answers), so the worker reads new rows every ~250 ms and sends one NOTIFY per batch on
// 'report_changes' from a connection of its own. A trigger calling pg_notify in each report
// transaction (migration 0004, dropped in 0011) made every report commit wait for a database-wide
// lock; this way commits never wait, and web processes hear of a change within a poll interval.
//
// Event ids come from a sequence, so a row with a lower id can commit after a higher one is seen.
// Ids skipped over are remembered as gaps and looked for again for GAP_TTL_MS (a rolled-back
// insert leaves a gap that never fills). One announcer runs at a time: on a PostgreSQL server the
// worker that holds a session advisory lock; the others wait to take over. A worker that takes
// over starts a few seconds back, so a change around a takeover may be announced twice, never lost.
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { DatabaseHandle } from '../../db/client.ts';
import { type LongLivedTimeouts, longLivedClientConfig } from '../../db/long-lived-connection.ts';
import { REPORT_CHANGES_CHANNEL, type ReportChange } from './report-change-feed.ts';

/** Arbitrary but fixed: identifies "the report change announcer" among advisory locks. */
const ANNOUNCER_LOCK_KEY = 40_012_027;
const GAP_TTL_MS = 10_000;
const MAX_GAPS = 10_000;
const BATCH = 1000;
/** NOTIFY payloads must stay under 8000 bytes. */
const MAX_PAYLOAD = 7000;

export interface ReportChangeAnnouncerOptions {
  intervalMs?: number;
  /** How often a process without the lock asks for it again (server mode). */
  takeoverMs?: number;
  /** Called with each batch after it is announced (the worker starts the relay on new events). */
  onChanges?: (changes: ReportChange[]) => void;
  /** Connect and statement time limits of the leader's connection (server mode; 10 s each). */
  timeouts?: LongLivedTimeouts;
}

export interface ReportChangeAnnouncer {
  /** One poll now (tests); resolves with how many changes it announced. */
  pollNow(): Promise<number>;
  stop(): Promise<void>;
}

interface EventRow {
  id: string | number;
  kind: string;
  report_id: string;
  ref: string;
  kommunenummer: string;
  status: string;
}

type Run = (text: string, values: unknown[]) => Promise<unknown[]>;

const POLL_SQL = `select e.id, e.kind, r.id as report_id, r.ref, r.kommunenummer, r.status
  from report_events e join reports r on r.id = e.report_id
  where e.id > $1 or e.id = any($2::bigint[]) order by e.id limit ${BATCH}`;
const START_SQL = `select coalesce((select id from report_events where created_at < now() - interval '5 seconds'
  order by id desc limit 1), 0) as id`;

/** Splits the changes into NOTIFY payloads (JSON arrays) small enough for PostgreSQL. */
export function changePayloads(changes: ReportChange[]): string[] {
  const payloads: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const change of changes) {
    const item = JSON.stringify(change);
    if (current.length > 0 && size + item.length + 1 > MAX_PAYLOAD) {
      payloads.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(item);
    size += item.length + 1;
  }
  if (current.length > 0) payloads.push(`[${current.join(',')}]`);
  return payloads;
}

/** The poll's state: the highest id seen and the ids below it not yet seen (with when they were). */
function createCursor(high: number) {
  const gaps = new Map<number, number>();
  return {
    get high() {
      return high;
    },
    gapIds: () => [...gaps.keys()],
    /** Takes a batch of rows (ordered by id) and returns those not seen before. */
    take(rows: EventRow[], now: number): EventRow[] {
      const fresh: EventRow[] = [];
      for (const row of rows) {
        const id = Number(row.id);
        if (gaps.delete(id)) {
          fresh.push(row);
          continue;
        }
        if (id <= high) continue;
        for (let missing = high + 1; missing < id && gaps.size < MAX_GAPS; missing++) gaps.set(missing, now);
        high = id;
        fresh.push(row);
      }
      for (const [id, since] of gaps) if (now - since > GAP_TTL_MS) gaps.delete(id);
      return fresh;
    },
  };
}

/** Several events of one report in a batch are one change; the report as it is now. */
function changesOf(rows: EventRow[]): ReportChange[] {
  const byReport = new Map<string, ReportChange>();
  for (const row of rows) {
    const earlier = byReport.get(row.report_id);
    byReport.set(row.report_id, {
      op: earlier?.op === 'insert' || row.kind === 'received' ? 'insert' : 'update',
      id: row.report_id,
      ref: row.ref,
      kommunenummer: row.kommunenummer,
      status: row.status,
    });
  }
  return [...byReport.values()];
}

export function startReportChangeAnnouncer(
  handle: DatabaseHandle,
  log: Pick<FastifyBaseLogger, 'warn' | 'error' | 'info'>,
  options: ReportChangeAnnouncerOptions = {},
): ReportChangeAnnouncer {
  const intervalMs = options.intervalMs ?? 250;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let cursor: ReturnType<typeof createCursor> | undefined;
  let client: pg.Client | undefined;
  let run: Run | undefined;

  if (handle.kind === 'pglite') {
    const pglite = handle.pglite;
    run = async (text, values) => (await pglite.query(text, values)).rows;
  }

  /** Server mode: a connection of its own that holds the lock while this process announces. */
  async function lead(url: string): Promise<Run | undefined> {
    const next = new pg.Client(longLivedClientConfig(url, 'meldepunkt-announcer', options.timeouts));
    next.on('error', (error) => {
      if (client !== next) return;
      if (!stopped) log.warn({ err: error }, 'report change announcer lost its connection');
      dropLead();
    });
    let leader: boolean;
    try {
      await next.connect();
      const result = await next.query<{ leader: boolean }>('select pg_try_advisory_lock($1) as leader', [
        ANNOUNCER_LOCK_KEY,
      ]);
      leader = result.rows[0]?.leader === true;
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (!leader || stopped) {
      await next.end();
      return undefined;
    }
    client = next;
    log.info('this process announces report changes');
    return async (text, values) => (await next.query(text, values)).rows;
  }

  let nextTry = 0;
  async function poll(): Promise<number> {
    if (!run) {
      if (handle.kind !== 'pg' || Date.now() < nextTry) return 0;
      nextTry = Date.now() + (options.takeoverMs ?? 2000);
      run = await lead(handle.url);
      if (!run) return 0;
    }
    const query = run;
    if (!cursor) {
      const [start] = (await query(START_SQL, [])) as { id: string | number }[];
      cursor = createCursor(Number(start?.id ?? 0));
    }
    const rows = (await query(POLL_SQL, [cursor.high, cursor.gapIds()])) as EventRow[];
    const changes = changesOf(cursor.take(rows, Date.now()));
    if (changes.length === 0) return 0;
    for (const payload of changePayloads(changes)) {
      await query('select pg_notify($1, $2)', [REPORT_CHANGES_CHANNEL, payload]);
    }
    options.onChanges?.(changes);
    return changes.length;
  }

  /**
   * A failed or timed-out statement on the leader's connection ends it: the lock goes with it, so
   * this or another worker takes over on a fresh connection instead of waiting on a dead one.
   */
  function dropLead(): void {
    if (handle.kind !== 'pg') return;
    const current = client;
    client = undefined;
    cursor = undefined;
    run = undefined;
    current?.end().catch(() => {});
  }

  function pollNow(): Promise<number> {
    running ??= poll()
      .catch((error: unknown) => {
        dropLead();
        throw error;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      pollNow()
        .catch((error: unknown) => {
          if (!stopped) log.error({ err: error }, 'report change announcer failed');
        })
        .finally(schedule);
    }, intervalMs);
  }
  schedule();
  // In server mode, try for the lock at once rather than after the first interval.
  pollNow().catch(() => {});

  return {
    pollNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
      const current = client;
      client = undefined;
      // Ending the connection releases the advisory lock: another worker takes over.
      await current?.end().catch(() => {});
    },
  };
}

// What /healthz reports: this process's role and whether what that role depends on answers. Every
// role needs the database; workers (and 'all') also need their job queue running. A web process
// does not run the job queue, so it reports it as notRunning and is healthy without it. Each check
// is a cached probe (cached-probe.ts): asked every second by a load balancer it costs one `select 1`
// a second, and a database that hangs turns into a 503 within the timeout instead of a request
// that hangs with it. An embedded database is healthy while it is open (see below).
import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { DatabaseHandle } from '../../db/client.ts';
import { cachedProbe, type ProbeResult } from './cached-probe.ts';
import { type ProcessRole, runsJobs } from './process-role.ts';

export interface HealthReport {
  status: 'ok' | 'fail';
  role: ProcessRole;
  checks: { database: ProbeResult; jobQueue: ProbeResult | 'notRunning' };
}

export interface HealthCheck {
  check(): Promise<HealthReport>;
}

export interface HealthCheckOptions {
  db: DatabaseHandle;
  /** The process's job queue; absent (or a web role) means it runs none. */
  boss: PgBoss | undefined;
  role: ProcessRole;
  /** How long a result is reused (default 1 s). */
  cacheMs?: number;
  /** How long a probe may take before it counts as failed (default 1 s). */
  timeoutMs?: number;
}

export function createHealthCheck(options: HealthCheckOptions): HealthCheck {
  const timing = { cacheMs: options.cacheMs ?? 1000, timeoutMs: options.timeoutMs ?? 1000 };
  const handle = options.db;
  // An embedded database lives in this process: it is up while it is open. Asking it `select 1`
  // would only queue behind the statements already waiting (db/query-gate.ts), and a busy
  // database is not a broken one: a load balancer must not take the only process out for that.
  const database =
    handle.kind === 'pglite'
      ? async (): Promise<ProbeResult> => (handle.pglite.closed ? 'fail' : 'ok')
      : cachedProbe(() => handle.db.execute(sql`select 1`), timing);
  const boss = options.boss;
  let jobQueue: (() => Promise<ProbeResult>) | undefined;
  if (runsJobs(options.role)) {
    let stopped = false;
    boss?.on('stopped', () => {
      stopped = true;
    });
    // pg-boss has a connection of its own on a PostgreSQL server: asking through it checks that too.
    // Embedded, it shares the one database in this process, which is judged above without a
    // query for the same reason: the job queue is up while it has not stopped.
    const probe =
      handle.kind === 'pglite'
        ? async (): Promise<ProbeResult> => 'ok'
        : cachedProbe(async () => {
            if (!boss || stopped) throw new Error('job queue is not running');
            await boss.getDb().executeSql('select 1');
          }, timing);
    jobQueue = () => (stopped || !boss ? Promise.resolve('fail') : probe());
  }
  return {
    async check() {
      const [db, jobs] = await Promise.all([database(), jobQueue ? jobQueue() : ('notRunning' as const)]);
      const ok = db === 'ok' && jobs !== 'fail';
      return { status: ok ? 'ok' : 'fail', role: options.role, checks: { database: db, jobQueue: jobs } };
    },
  };
}

// Background jobs run on pg-boss, a queue inside PostgreSQL. A job that must agree with a data
// change is enqueued in the same transaction as that change: committed together or not at all.
import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import type { DatabaseHandle, Queryable } from '../db/client.ts';

/** Every queue the product uses, and the data its jobs carry. */
export interface JobPayloads {
  /** A report came in. Its consumers (notifications to the reporter and staff) arrive later. */
  'report.received': { reportId: string; ref: string; kommunenummer: string };
  /** Hourly housekeeping: forget Idempotency-Key answers older than their retention. */
  'maintenance.idempotency': Record<string, never>;
}
export type JobName = keyof JobPayloads;
export const JOB_NAMES: readonly JobName[] = ['report.received', 'maintenance.idempotency'];

export interface JobQueue {
  /** Enqueues inside the caller's transaction. */
  enqueue<N extends JobName>(tx: Queryable, name: N, data: JobPayloads[N]): Promise<void>;
  readonly boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  /** Background supervision and cron; off in tests that only enqueue. */
  supervise?: boolean;
  onError?: (error: Error) => void;
}

export async function startJobQueue(
  handle: DatabaseHandle,
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  const supervise = options.supervise ?? true;
  const common = { schema: 'pgboss', supervise, schedule: supervise, migrate: true } as const;
  if (!handle.pglite && !handle.url) throw new Error('The database handle has neither PGlite nor a URL');
  const boss = handle.pglite
    ? new PgBoss({ ...common, db: fromPglite(handle.pglite), backend: 'pglite' })
    : new PgBoss({ ...common, connectionString: handle.url, max: 3 });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  for (const name of JOB_NAMES) {
    await boss.createQueue(name, { retryLimit: 10, retryBackoff: true, retryDelay: 5 });
  }
  return {
    boss,
    async enqueue(tx, name, data) {
      // Drizzle's transaction type is generic over the driver; pg-boss only calls tx.execute(sql).
      const db = fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql);
      await boss.send(name, data, { db });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000, close: true });
    },
  };
}

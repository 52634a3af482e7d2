// Background jobs run on pg-boss, a queue inside PostgreSQL. A job that must agree with a data
// change is enqueued in the same transaction as that change: committed together or not at all.
// Every process opens the queue (web processes enqueue, e.g. staff emails); only the worker role
// supervises it and runs workers and schedules (see registry.ts and src/assemble.ts).
import { type SQL, sql } from 'drizzle-orm';
import { fromPglite, PgBoss } from 'pg-boss';
import type { DatabaseHandle, Queryable } from '../db/client.ts';

/** Every queue the product uses, and the data its jobs carry. */
export interface JobPayloads {
  /** Daily: this year's and next year's reference sequences for every municipality (see reports/reference.ts). */
  'reports.sequences': Record<string, never>;
  /** Hourly housekeeping: forget Idempotency-Key answers older than their retention. */
  'maintenance.idempotency': Record<string, never>;
  /** Hourly housekeeping: delete web-form drafts (and their photos) never sent within a day. */
  'maintenance.drafts': Record<string, never>;
  /** Hourly housekeeping: delete ended staff sessions and abandoned OIDC logins. */
  'maintenance.sessions': Record<string, never>;
  /** Hourly housekeeping: forget follow requests nobody confirmed within a day, and the caps' log. */
  'maintenance.followers': Record<string, never>;
  /** Send one email or SMS (a row in messages); retried with backoff on transient failures. */
  'message.send': { messageId: string };
  /**
   * Send up to 100 queued messages written together (a notice's fan-out): one job instead of one per
   * message. A message that must wait or be retried leaves the group for a `message.send` job of its own.
   */
  'message.send-group': { messageIds: string[] };
  /**
   * After a new report's receipt is relayed: link it to a notice that explains it, and look for an
   * incident (see incidents/intake-followup.ts). Enqueued by the relay, never by intake itself.
   */
  'reports.intake-followup': { reportId: string };
  /** Every minute: turn public report events not yet notified into messages (see notifications/relay). */
  'notifications.relay': Record<string, never>;
  /** Every minute (and at once after a publish, update or end): notices' pending fan-outs (see notices/fan-out-notice.ts). */
  'notices.fanout': Record<string, never>;
  /** Hourly: the one reminder of unanswered "is it really fixed?" questions (see notifications/remind-fix-checks). */
  'notifications.fix-reminders': Record<string, never>;
  /** 07:00 Oslo: each staff member's digest of the reports their teams received the day before. */
  'staff.digest': Record<string, never>;
  /** Hourly: staff emails about reports due within 24 hours or overdue. */
  'staff.deadlines': Record<string, never>;
}
export type JobName = keyof JobPayloads;
export const JOB_NAMES: readonly JobName[] = [
  'reports.sequences',
  'maintenance.idempotency',
  'maintenance.drafts',
  'maintenance.sessions',
  'maintenance.followers',
  'message.send',
  'message.send-group',
  'notifications.relay',
  'reports.intake-followup',
  'notifications.fix-reminders',
  'staff.digest',
  'staff.deadlines',
  'notices.fanout',
];

export interface JobQueue {
  readonly boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  /** Background supervision and cron: the worker role's; off in web processes and tests that only enqueue. */
  supervise?: boolean;
  onError?: (error: Error) => void;
}

export async function startJobQueue(
  handle: DatabaseHandle,
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  const supervise = options.supervise ?? true;
  const common = { schema: 'pgboss', supervise, schedule: supervise, migrate: true } as const;
  const boss =
    handle.kind === 'pglite'
      ? new PgBoss({ ...common, db: fromPglite(handle.pglite), backend: 'pglite' })
      : new PgBoss({ ...common, connectionString: handle.url, max: 3 });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  // One query for the queues that exist; a restart then creates none (each creation is a locked
  // statement and a cache reload).
  const existing = new Set((await boss.getQueues([...JOB_NAMES])).map((queue) => queue.name));
  for (const name of JOB_NAMES) {
    if (existing.has(name)) continue;
    await boss.createQueue(name, { retryLimit: 10, retryBackoff: true, retryDelay: 5 });
  }
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000, close: true });
    },
  };
}

/**
 * A pg-boss `db` that runs its statements inside the caller's transaction, so jobs sent with it
 * (`boss.send(name, data, { db })`) commit or roll back with the caller's data.
 */
export function transactionDb(tx: Queryable): {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
} {
  return {
    async executeSql(text, values) {
      return (await tx.execute(withParameters(text, values ?? []))) as unknown as { rows: unknown[] };
    },
  };
}

/** Turns SQL text with $1, $2… placeholders into a Drizzle SQL object with those parameters. */
export function withParameters(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)\b/);
  let query = sql.raw(parts[0] ?? '');
  for (let i = 1; i < parts.length; i += 2) {
    const index = Number(parts[i]) - 1;
    if (!(index in values)) throw new Error(`No value for placeholder $${index + 1}`);
    query = sql`${query}${values[index]}${sql.raw(parts[i + 1] ?? '')}`;
  }
  return query;
}

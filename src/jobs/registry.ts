// The one way jobs are defined, started and enqueued: each queue's name is a key of JobPayloads,
// so its payload, its schedule and its handler are checked against each other. The parts of the
// worker (maintenance, notifications, staff alerts, reference sequences) describe their jobs as
// JobDefinitions; only the worker role starts them (see src/assemble.ts).
import type { JobWithMetadata, PgBoss, WorkOptions } from 'pg-boss';
import type { Queryable } from '../db/client.ts';
import { type JobName, type JobPayloads, transactionDb } from './queue.ts';

/** What a handler that reports per job returns (see pg-boss `perJobResults`). */
export interface JobResult {
  id: string;
  status: 'completed' | 'failed';
  output?: object;
}

export interface JobDefinition<N extends JobName = JobName> {
  name: N;
  /** Cron (UTC unless tz); pg-boss runs each occurrence once, however many workers are up. */
  schedule?: { cron: string; tz?: string };
  options?: Omit<WorkOptions, 'includeMetadata' | 'perJobResults' | 'transactional'>;
  /** With perJobResults the handler answers for each job; otherwise a throw fails the batch. */
  perJobResults?: boolean;
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler either returns nothing or, with perJobResults, a result per job
  handler(jobs: JobWithMetadata<JobPayloads[N]>[]): Promise<void | JobResult[]>;
}

/** Keeps each definition's name and payload together when definitions are listed side by side. */
export function defineJob<N extends JobName>(definition: JobDefinition<N>): JobDefinition<N> {
  return definition;
}

export interface RunningJobs {
  /** The pg-boss worker id of a queue's worker (to wake it with boss.notifyWorker). */
  workerId(name: JobName): string | undefined;
  stop(): Promise<void>;
}

/** Schedules and starts workers for these definitions on one pg-boss instance. */
export async function startJobWorkers(
  boss: PgBoss,
  definitions: readonly JobDefinition<JobName>[],
): Promise<RunningJobs> {
  const ids = new Map<JobName, string>();
  for (const definition of definitions) {
    if (definition.schedule) {
      const { cron, tz } = definition.schedule;
      await boss.schedule(definition.name, cron, {}, tz ? { tz } : {});
    }
    const options = {
      ...definition.options,
      includeMetadata: true as const,
      ...(definition.perJobResults ? { perJobResults: true as const } : {}),
    };
    // pg-boss types the handler by the options' literal types; the definition checked it already.
    const id = await boss.work(definition.name, options, definition.handler as never);
    ids.set(definition.name, id);
  }
  return {
    workerId: (name) => ids.get(name),
    async stop() {
      for (const definition of definitions) await boss.offWork(definition.name, { wait: true });
    },
  };
}

/** Enqueues jobs of one queue, inside the caller's transaction when `tx` is given. */
export async function insertJobs<N extends JobName>(
  boss: PgBoss,
  name: N,
  jobs: { data: JobPayloads[N]; startAfter?: Date; priority?: number }[],
  tx?: Queryable,
): Promise<void> {
  if (jobs.length === 0) return;
  await boss.insert(name, jobs, tx ? { db: transactionDb(tx) } : undefined);
}

// Starts the notice fan-out in a worker process. A publish, update or end writes its notice_fanouts
// row in its own transaction (write-version.ts); a timer here looks for such rows every
// `intervalMs` (one lookup on a partial index of unfinished rows, so a notice goes out within a
// fraction of a second whichever process published it), and a pg-boss schedule every minute is
// the backstop. Any number of workers may run it: SKIP LOCKED keeps them off each other's batch.
import type { AppContext } from '../../app-context.ts';
import { defineJob, type RunningJobs, startJobWorkers } from '../../jobs/registry.ts';
import { type FanoutDeps, type FanoutLimits, fanOutPending } from './fan-out-notice.ts';
import { hasPendingFanout } from './fan-out-queries.ts';

export interface NoticeFanoutOptions {
  /** How often the worker looks for pending fan-outs (default 250 ms, as the relay reads the outbox). */
  intervalMs?: number;
  /** Subscribers read per transaction (default 20,000, embedded 500). */
  batchSubscribers?: number;
  /** The timer off: tests that run the fan-out by hand. */
  timer?: boolean;
  log?: { error(obj: object, message: string): void };
}

export interface NoticeFanout {
  /** Runs every pending fan-out now (tests, the schedule and the timer). */
  fanOutNow(): Promise<{ batches: number; messages: number }>;
  stop(): Promise<void>;
}

/** Embedded, a batch holds the event loop from its first statement to its commit: keep it short. */
const EMBEDDED_LIMITS: Record<'pglite' | 'pg', FanoutLimits> = {
  pglite: { subscribers: 500 },
  pg: {},
};

export async function startNoticeFanout(
  ctx: AppContext,
  wakeSenders: () => void,
  options: NoticeFanoutOptions = {},
): Promise<NoticeFanout> {
  const deps: FanoutDeps = {
    db: ctx.db.db,
    boss: ctx.jobs.boss,
    publicUrl: ctx.config.publicUrl,
    configured: { email: ctx.config.smtpUrl !== undefined, sms: ctx.config.smsGatewayUrl !== undefined },
    onCommitted: wakeSenders,
  };
  const limits: FanoutLimits = {
    ...EMBEDDED_LIMITS[ctx.db.kind],
    ...(options.batchSubscribers ? { subscribers: options.batchSubscribers } : {}),
  };
  let running: Promise<{ batches: number; messages: number }> | undefined;
  // One run at a time in this process; a caller during a run waits for that run.
  const fanOutNow = () => {
    running ??= fanOutPending(deps, limits).finally(() => {
      running = undefined;
    });
    return running;
  };
  const jobs: RunningJobs = await startJobWorkers(ctx.jobs.boss, [
    defineJob({
      name: 'notices.fanout',
      schedule: { cron: '* * * * *' },
      handler: async () => {
        await fanOutNow();
      },
    }),
  ]);
  let timer: NodeJS.Timeout | undefined;
  if (options.timer !== false) {
    timer = setInterval(() => {
      if (running) return;
      hasPendingFanout(ctx.db.db)
        .then((pending) => (pending ? fanOutNow() : undefined))
        .catch((error: unknown) => options.log?.error({ err: error }, 'notice fan-out failed'));
    }, options.intervalMs ?? 250);
    timer.unref();
  }
  return {
    fanOutNow,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => {});
      await jobs.stop();
    },
  };
}

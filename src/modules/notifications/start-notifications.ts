// Starts the notification machinery in a worker process: the relay (started by the change
// announcer when new history entries appear, a timer every 2 s, and a pg-boss schedule every
// minute as a backstop), and the `message.send` workers. Any number of workers may run them: SKIP
// LOCKED in the relay and pg-boss's job claims keep them from doing the same work twice.
import type { AppContext } from '../../app-context.ts';
import { defineJob, insertJobs, startJobWorkers } from '../../jobs/registry.ts';
import { intakeFollowupJob } from '../incidents/intake-followup.ts';
import { instrumentChannels } from '../metrics/instrument-channels.ts';
import type { MessageChannelAdapter } from './channels.ts';
import { type RelayLimits, relayPending } from './relay.ts';
import { remindAllFixChecks } from './remind-fix-checks.ts';
import type { MessageChannel } from './schema.ts';
import { sendMessages } from './send-message.ts';
import { createSmsGatewayChannel } from './sms-gateway-channel.ts';
import { createSmtpChannel } from './smtp-channel.ts';

export interface NotificationOptions {
  /** Retries of a transient failure before the message counts as failed (default 8). */
  retryLimit?: number;
  /** First retry delay in seconds, doubled each time with backoff (default 30). */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  relayIntervalMs?: number;
  /**
   * Whether the report change announcer starts the relay when it sees new history entries
   * (default true; see assemble.ts). Tests that run the relay by hand turn it off.
   */
  relayOnChanges?: boolean;
  pollingIntervalSeconds?: number;
  /** Jobs fetched and sent at once by one send worker (default 100, embedded 20). */
  batchSize?: number;
  /**
   * Send workers in this process (default 2): while one waits on the database, the other's
   * messages keep the SMTP connections busy.
   */
  sendWorkers?: number;
  /** Recipients the relay composes per transaction (default 500, embedded 250): what bounds its memory. */
  relayBatchRecipients?: number;
  smsTimeoutMs?: number;
  log?: { error(obj: object, message: string): void };
}

export interface Notifications {
  /** Runs the relay now (tests, and the scheduled job). */
  relayNow(): Promise<{ events: number; messages: number }>;
  /** Sends the due "is it fixed?" reminders now (tests, and the hourly schedule). */
  remindNow(): Promise<{ checks: number; messages: number }>;
  /** Wakes this process's send workers: messages were just enqueued (the notice fan-out calls it). */
  wakeSenders(): void;
  stop(): Promise<void>;
}

/**
 * Embedded, a batch is one PGlite transaction, and every other statement waits from its first
 * statement to its commit (PGlite runs in this thread, one statement at a time). A batch reads
 * its events' recipients and new-report alerts with one statement each, whatever its size, so
 * larger batches cost each report less (a batch of 100 events took 28 ms, one of 25 took 17 ms);
 * the recipient cap keeps a large event's pause short. A server database keeps its larger batches.
 */
const EMBEDDED_RELAY_LIMITS: Record<'pglite' | 'pg', RelayLimits> = {
  pglite: { events: 100, recipients: 250 },
  pg: {},
};

export const DELIVERY_REPORT_PATH = '/api/v1/notifications/sms/delivery-report';

export function configuredChannels(
  config: AppContext['config'],
  smsTimeoutMs?: number,
): Partial<Record<MessageChannel, MessageChannelAdapter>> {
  const channels: Partial<Record<MessageChannel, MessageChannelAdapter>> = {};
  if (config.smtpUrl) channels.email = createSmtpChannel({ url: config.smtpUrl, from: config.mailFrom });
  if (config.smsGatewayUrl) {
    const token = config.smsDeliveryReportToken;
    channels.sms = createSmsGatewayChannel({
      url: config.smsGatewayUrl,
      token: config.smsGatewayToken,
      sender: config.smsSender,
      callbackUrl: token
        ? `${config.publicUrl}${DELIVERY_REPORT_PATH}?token=${encodeURIComponent(token)}`
        : undefined,
      ...(smsTimeoutMs ? { timeoutMs: smsTimeoutMs } : {}),
    });
  }
  return channels;
}

export async function startNotifications(
  ctx: AppContext,
  options: NotificationOptions = {},
): Promise<Notifications> {
  const boss = ctx.jobs.boss;
  const channels = instrumentChannels(configuredChannels(ctx.config, options.smsTimeoutMs), ctx.metrics);
  let sendWorker: string | undefined;
  let groupWorker: string | undefined;
  let followupWorker: string | undefined;
  const relayDeps = {
    // A batch the relay committed is sent now, not at the send worker's next poll; a new report's
    // follow-up (notice link, incidents) runs now too.
    onCommitted: () => {
      if (sendWorker) boss.notifyWorker(sendWorker);
      if (groupWorker) boss.notifyWorker(groupWorker);
      if (followupWorker) boss.notifyWorker(followupWorker);
    },
    db: ctx.db.db,
    boss,
    publicUrl: ctx.config.publicUrl,
    secret: ctx.secret,
    configured: { email: channels.email !== undefined, sms: channels.sms !== undefined },
  };
  const sendDeps = { db: ctx.db.db, channels, publicUrl: ctx.config.publicUrl, secret: ctx.secret };

  const backoff = options.retryBackoff ?? true;
  await boss.updateQueue('message.send', {
    retryLimit: options.retryLimit ?? 8,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: backoff,
    ...(backoff ? { retryDelayMax: 3600 } : {}),
  });

  let relaying: Promise<{ events: number; messages: number }> | undefined;
  const relayNow = () => {
    // One relay at a time in this process; a caller during a run waits for that run.
    relaying ??= relayPending(relayDeps, {
      ...EMBEDDED_RELAY_LIMITS[ctx.db.kind],
      ...(options.relayBatchRecipients ? { recipients: options.relayBatchRecipients } : {}),
    }).finally(() => {
      relaying = undefined;
    });
    return relaying;
  };

  const remindNow = () => remindAllFixChecks(relayDeps);
  const running = await startJobWorkers(boss, [
    defineJob({
      name: 'message.send',
      options: {
        batchSize: options.batchSize ?? (ctx.db.kind === 'pglite' ? 50 : 100),
        localConcurrency: options.sendWorkers ?? 2,
        burstWhenBatchFull: true,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      },
      perJobResults: true,
      handler: async (jobs) => {
        const outcomes = await sendMessages(
          sendDeps,
          jobs.map((job) => ({
            messageId: job.data.messageId,
            lastAttempt: job.retryCount >= job.retryLimit,
          })),
        );
        // Not yet (SMS quiet hours): a new job for then; this one is done.
        const later = jobs.flatMap((job, i) => {
          const outcome = outcomes[i];
          return outcome?.result === 'later' ? [{ data: job.data, startAfter: outcome.at }] : [];
        });
        await insertJobs(boss, 'message.send', later);
        return jobs.map((job, i) => {
          const outcome = outcomes[i];
          return outcome?.result === 'retry'
            ? { id: job.id, status: 'failed' as const, output: { message: outcome.error.message } }
            : { id: job.id, status: 'completed' as const };
        });
      },
    }),
    defineJob({
      name: 'message.send-group',
      options: {
        batchSize: 2,
        localConcurrency: options.sendWorkers ?? 2,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      },
      handler: async (jobs) => {
        const ids = jobs.flatMap((job) => job.data.messageIds);
        const outcomes = await sendMessages(
          sendDeps,
          ids.map((messageId) => ({ messageId, lastAttempt: false })),
        );
        // The group is done; what must wait (quiet hours) or be tried again goes on alone, with
        // message.send's retries and backoff. Sent, skipped and failed ones are settled already.
        const alone = ids.flatMap((messageId, i) => {
          const outcome = outcomes[i];
          if (outcome?.result === 'later') return [{ data: { messageId }, startAfter: outcome.at }];
          if (outcome?.result === 'retry')
            return [{ data: { messageId }, startAfter: new Date(Date.now() + 30_000) }];
          return [];
        });
        await insertJobs(boss, 'message.send', alone);
      },
    }),
    defineJob({
      name: 'notifications.relay',
      schedule: { cron: '* * * * *' },
      handler: async () => {
        await relayNow();
      },
    }),
    intakeFollowupJob({
      db: ctx.db.db,
      boss,
      publicUrl: ctx.config.publicUrl,
      emailConfigured: channels.email !== undefined,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    }),
    defineJob({
      name: 'notifications.fix-reminders',
      schedule: { cron: '17 * * * *' },
      handler: async () => {
        await remindNow();
      },
    }),
  ]);
  sendWorker = running.workerId('message.send');
  groupWorker = running.workerId('message.send-group');
  followupWorker = running.workerId('reports.intake-followup');

  const timer = setInterval(() => {
    relayNow().catch((error: unknown) => options.log?.error({ err: error }, 'notification relay failed'));
  }, options.relayIntervalMs ?? 2000);
  timer.unref();

  return {
    relayNow,
    remindNow,
    wakeSenders: relayDeps.onCommitted,
    async stop() {
      clearInterval(timer);
      await relaying?.catch(() => {});
      await running.stop();
      for (const channel of Object.values(channels)) channel.close?.();
    },
  };
}

// Starts staff alerts in a worker process: the 07:00 Oslo digest and the hourly deadline check as
// pg-boss schedules. Any number of workers may run them: pg-boss hands each job to one worker,
// and the idempotency keys make a repeat harmless. New and acute reports are alerted by the relay
// (from the report's `received` history entry), not here.
import type { AppContext } from '../../app-context.ts';
import { defineJob, startJobWorkers } from '../../jobs/registry.ts';
import { redactSpentResetLinks } from '../accounts/password-reset-redact.ts';
import { redactSpentInvitationLinks } from '../invitations/redact-invitation-links.ts';
import type { StaffAlertDeps } from './notify-staff-new-report.ts';
import { sendDeadlineAlerts } from './staff-deadline-alerts.ts';
import { sendStaffDigests } from './staff-digest.ts';

export interface StaffAlertOptions {
  pollingIntervalSeconds?: number;
}

export interface StaffAlerts {
  /** The digest as the 07:00 job sends it (tests pass a time). */
  digestNow(now?: Date): Promise<number>;
  /** The hourly deadline check. */
  deadlinesNow(now?: Date): Promise<number>;
  stop(): Promise<void>;
}

export async function startStaffAlerts(
  ctx: AppContext,
  options: StaffAlertOptions = {},
): Promise<StaffAlerts> {
  const boss = ctx.jobs.boss;
  const deps: StaffAlertDeps = {
    db: ctx.db.db,
    boss,
    emailConfigured: Boolean(ctx.config.smtpUrl),
    publicUrl: ctx.config.publicUrl,
  };
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  const running = await startJobWorkers(boss, [
    defineJob({
      name: 'staff.digest',
      schedule: { cron: '0 7 * * *', tz: 'Europe/Oslo' },
      options: polling,
      handler: async () => {
        await sendStaffDigests(deps);
      },
    }),
    defineJob({
      name: 'staff.deadlines',
      schedule: { cron: '7 * * * *' },
      options: polling,
      handler: async () => {
        await sendDeadlineAlerts(deps);
        await redactSpentResetLinks(ctx.db.db);
        await redactSpentInvitationLinks(ctx.db.db);
      },
    }),
  ]);

  return {
    digestNow: (now) => sendStaffDigests(deps, now),
    deadlinesNow: (now) => sendDeadlineAlerts(deps, now),
    stop: () => running.stop(),
  };
}

// Starts staff alerts in this process: the `report.received` worker (new and acute reports), the
// 07:00 Oslo digest and the hourly deadline check as pg-boss schedules. Every process may run
// them: pg-boss hands each job to one worker, and the idempotency keys make a repeat harmless.
import type { AppContext } from '../../app-context.ts';
import { redactSpentResetLinks } from '../accounts/password-reset-redact.ts';
import { redactSpentInvitationLinks } from '../invitations/redact-invitation-links.ts';
import { notifyStaffOfNewReport, type StaffAlertDeps } from './notify-staff-new-report.ts';
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

  await boss.work<{ reportId: string; kommunenummer: string }>(
    'report.received',
    { ...polling, batchSize: 10 },
    async (jobs) => {
      for (const job of jobs) await notifyStaffOfNewReport(deps, job.data.reportId);
    },
  );
  await boss.schedule('staff.digest', '0 7 * * *', {}, { tz: 'Europe/Oslo' });
  await boss.work('staff.digest', polling, async () => {
    await sendStaffDigests(deps);
  });
  await boss.schedule('staff.deadlines', '7 * * * *');
  await boss.work('staff.deadlines', polling, async () => {
    await sendDeadlineAlerts(deps);
    await redactSpentResetLinks(ctx.db.db);
    await redactSpentInvitationLinks(ctx.db.db);
  });

  return {
    digestNow: (now) => sendStaffDigests(deps, now),
    deadlinesNow: (now) => sendDeadlineAlerts(deps, now),
    async stop() {
      for (const name of ['report.received', 'staff.digest', 'staff.deadlines']) {
        await boss.offWork(name, { wait: true });
      }
    },
  };
}

/** For services.ts: stops what startStaffAlerts started. */
export function stopStaffAlerts(alerts: StaffAlerts): Promise<void> {
  return alerts.stop();
}

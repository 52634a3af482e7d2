// Scheduled housekeeping, run by whichever worker's pg-boss picks the job up (so it runs once
// per schedule, however many workers are up).
import type { Database } from '../db/client.ts';
import { forgetExpiredSessions } from '../modules/accounts/sessions.ts';
import { forgetOldReceipts } from '../modules/field/staff-receipts.ts';
import type { PhotoStorage } from '../modules/photos/storage.ts';
import { forgetUnconfirmedFollowers } from '../modules/reports/forget-unconfirmed-followers.ts';
import { forgetExpiredAnswers } from '../modules/reports/idempotency.ts';
import { createReferenceSequencesAhead } from '../modules/reports/reference.ts';
import { municipalities } from '../modules/tenants/schema.ts';
import { forgetOldDrafts } from '../modules/web/report-form/forget-old-drafts.ts';
import type { JobName } from './queue.ts';
import { defineJob, type JobDefinition } from './registry.ts';

/** The hourly housekeeping jobs, and the daily reference sequences for next year. */
export function maintenanceJobs(db: Database, photos: PhotoStorage): JobDefinition<JobName>[] {
  return [
    defineJob({
      name: 'maintenance.idempotency',
      schedule: { cron: '17 * * * *' },
      handler: async () => {
        await forgetExpiredAnswers(db);
        // The staff actions' answers (the field app's retries), kept 14 days.
        await forgetOldReceipts(db);
      },
    }),
    defineJob({
      name: 'maintenance.drafts',
      schedule: { cron: '47 * * * *' },
      handler: async () => {
        await forgetOldDrafts(db, photos);
      },
    }),
    defineJob({
      name: 'maintenance.followers',
      schedule: { cron: '37 * * * *' },
      handler: async () => {
        await forgetUnconfirmedFollowers(db);
      },
    }),
    defineJob({
      name: 'maintenance.sessions',
      schedule: { cron: '27 * * * *' },
      handler: async () => {
        await forgetExpiredSessions(db);
      },
    }),
    defineJob({
      name: 'reports.sequences',
      // Daily, so next year's sequences exist long before 1 January (and for new municipalities).
      schedule: { cron: '11 3 * * *' },
      handler: async () => {
        await createSequencesForAllMunicipalities(db);
      },
    }),
  ];
}

export async function createSequencesForAllMunicipalities(db: Database, now = new Date()): Promise<void> {
  const rows = await db.select({ kommunenummer: municipalities.kommunenummer }).from(municipalities);
  await createReferenceSequencesAhead(
    db,
    rows.map((r) => r.kommunenummer),
    now,
  );
}

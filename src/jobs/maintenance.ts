// Scheduled housekeeping, run by whichever process's pg-boss picks the job up (so it runs once
// per schedule, however many processes are up).
import type { Database } from '../db/client.ts';
import { forgetExpiredSessions } from '../modules/accounts/sessions.ts';
import type { PhotoStorage } from '../modules/photos/storage.ts';
import { forgetUnconfirmedFollowers } from '../modules/reports/forget-unconfirmed-followers.ts';
import { forgetExpiredAnswers } from '../modules/reports/idempotency.ts';
import { forgetOldDrafts } from '../modules/web/report-form/forget-old-drafts.ts';
import type { JobQueue } from './queue.ts';

export async function scheduleMaintenance(jobs: JobQueue, db: Database, photos: PhotoStorage): Promise<void> {
  await jobs.boss.schedule('maintenance.idempotency', '17 * * * *');
  await jobs.boss.work('maintenance.idempotency', async () => {
    await forgetExpiredAnswers(db);
  });
  await jobs.boss.schedule('maintenance.drafts', '47 * * * *');
  await jobs.boss.work('maintenance.drafts', async () => {
    await forgetOldDrafts(db, photos);
  });
  await jobs.boss.schedule('maintenance.followers', '37 * * * *');
  await jobs.boss.work('maintenance.followers', async () => {
    await forgetUnconfirmedFollowers(db);
  });
  await jobs.boss.schedule('maintenance.sessions', '27 * * * *');
  await jobs.boss.work('maintenance.sessions', async () => {
    await forgetExpiredSessions(db);
  });
}

// The scheduled housekeeping starts on a real queue: every job it schedules has its queue (pg-boss
// refuses a schedule for a queue that was never created, and the process would not start).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds } from '../../test/support/databases.ts';
import { createLocalPhotoStorage } from '../modules/photos/storage.ts';
import { maintenanceJobs } from './maintenance.ts';
import { JOB_NAMES, startJobQueue } from './queue.ts';
import { startJobWorkers } from './registry.ts';

describe.each(databaseKinds())('the maintenance schedule on %s', (kind) => {
  it('schedules every housekeeping job on a queue that exists', async () => {
    const database = await createTestDatabase(kind);
    const photoDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-photos-'));
    const jobs = await startJobQueue(database.handle, { supervise: false });
    try {
      const running = await startJobWorkers(
        jobs.boss,
        maintenanceJobs(database.handle.db, createLocalPhotoStorage(photoDir)),
      );
      await running.stop();
      const scheduled = (await jobs.boss.getSchedules()).map((s) => s.name).sort();
      expect(scheduled).toEqual(
        JOB_NAMES.filter((name) => name.startsWith('maintenance.') || name === 'reports.sequences')
          .slice()
          .sort(),
      );
      expect(scheduled).toContain('maintenance.followers');
    } finally {
      await jobs.stop();
      await database.close();
      await rm(photoDir, { recursive: true, force: true });
    }
  });
});

// The worker's second look at a new report, shortly after intake (the relay enqueues it once the
// report's receipt is written): is there an active notice that explains it (link it and reply),
// and does it make, with its neighbours, an incident (raise or grow it, tell staff)? Both steps
// are idempotent, so a job that runs twice (a retry, two workers) changes nothing the second time.
import type { PgBoss } from 'pg-boss';
import type { Database } from '../../db/client.ts';
import { defineJob } from '../../jobs/registry.ts';
import { linkReportToNotice } from '../notices/link-report-to-notice.ts';
import { announceIncident } from './announce-incident.ts';
import { detectIncident } from './detect-incident.ts';

export interface IntakeFollowupDeps {
  db: Database;
  boss: PgBoss;
  publicUrl: string;
  emailConfigured: boolean;
  /** How often the worker looks for new jobs when nothing woke it (seconds). */
  pollingIntervalSeconds?: number;
}

export async function followUpIntake(deps: IntakeFollowupDeps, reportId: string): Promise<void> {
  await linkReportToNotice(deps.db, deps.publicUrl, reportId);
  await deps.db.transaction(async (tx) => {
    const outcome = await detectIncident(tx, reportId);
    if (outcome) await announceIncident(tx, deps, outcome);
  });
}

export function intakeFollowupJob(deps: IntakeFollowupDeps) {
  return defineJob({
    name: 'reports.intake-followup',
    options: { batchSize: 20, pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 2 },
    handler: async (jobs) => {
      for (const job of jobs) await followUpIntake(deps, job.data.reportId);
    },
  });
}

// The worker's second look at a new report, shortly after intake (the relay enqueues it once the
// report's receipt is written): is there an active notice that explains it (link it and reply),
// and does it make, with its neighbours, an incident (raise or grow it, tell staff)? Both steps
// are idempotent, so a job that runs twice (a retry, two workers) changes nothing the second time.
import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { type Database, queryRows } from '../../db/client.ts';
import { uuidArray } from '../../db/uuid-array.ts';
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

/** Which of the follow-up's two steps a report may need. */
export interface FollowupSteps {
  link: boolean;
  incident: boolean;
}

const BOTH: FollowupSteps = { link: true, incident: true };

/**
 * Of a batch of new reports, which may need each step, read in one statement without locks,
 * before the batch's first report is followed up (a report changed within those milliseconds is
 * judged as it was). Most reports need neither (their category explains no notice and has no
 * incident rule), and a transaction each to find that out was most of the follow-up's cost. Each
 * condition here is one under which the step itself returns at once, so skipping on it changes
 * nothing; a step that runs still checks again under its own lock.
 */
export async function followupStepsOf(
  db: Database,
  reportIds: readonly string[],
): Promise<Map<string, FollowupSteps>> {
  if (reportIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; link: boolean; incident: boolean }>(
    db,
    sql`select r.id,
               (r.merged_into_id is null and r.status in ('mottatt', 'under_behandling', 'planlagt')
                and r.lat is not null and r.lon is not null and cardinality(c.notice_types) > 0
                and not exists (select 1 from notice_report_links l where l.report_id = r.id)) as link,
               (r.merged_into_id is null and r.status not in ('avvist', 'duplikat')
                and c.incident_min_reports is not null and r.lat is not null and r.lon is not null
                and not exists (select 1 from incident_reports ir where ir.report_id = r.id)) as incident
          from reports r join categories c on c.id = r.category_id
         where r.id = any(${uuidArray(reportIds)})`,
  );
  // Keyed by the id as PostgreSQL writes it (lower case).
  return new Map(rows.map((row) => [row.id, { link: row.link, incident: row.incident }]));
}

export async function followUpIntake(
  deps: IntakeFollowupDeps,
  reportId: string,
  steps: FollowupSteps = BOTH,
): Promise<void> {
  if (steps.link) await linkReportToNotice(deps.db, deps.publicUrl, reportId);
  if (!steps.incident) return;
  await deps.db.transaction(async (tx) => {
    const outcome = await detectIncident(tx, reportId);
    if (outcome) await announceIncident(tx, deps, outcome);
  });
}

const NEITHER: FollowupSteps = { link: false, incident: false };

export function intakeFollowupJob(deps: IntakeFollowupDeps) {
  return defineJob({
    name: 'reports.intake-followup',
    options: { batchSize: 20, pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 2 },
    handler: async (jobs) => {
      const steps = await followupStepsOf(
        deps.db,
        jobs.map((job) => job.data.reportId),
      );
      // A report that is not there (deleted since) needs neither.
      for (const job of jobs) {
        const reportId = job.data.reportId;
        await followUpIntake(deps, reportId, steps.get(reportId.toLowerCase()) ?? NEITHER);
      }
    },
  });
}

// Sets how urgent a report is and when it is due. Internal: the resident sees only the due time.
import type { Database } from '../../db/client.ts';
import type { Priority } from '../reports/statuses.ts';
import { addEvent, type CaseActor, checkVersion, lockReport, updateReport } from './case-changes.ts';

export async function changePriority(
  db: Database,
  actor: CaseActor,
  reportId: string,
  change: { priority: Priority; dueAt: string | null; version: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const report = await lockReport(tx, actor.kommunenummer, reportId);
    await checkVersion(tx, report, change.version);
    const dueAt = change.dueAt === null ? null : new Date(change.dueAt);
    await updateReport(tx, report, { priority: change.priority, dueAt });
    await addEvent(tx, report.id, actor.userId, {
      kind: 'priority_changed',
      public: false,
      before: { priority: report.priority, dueAt: report.dueAt?.toISOString() ?? null },
      after: { priority: change.priority, dueAt: dueAt?.toISOString() ?? null },
    });
  });
}

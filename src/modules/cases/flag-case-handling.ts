// Marks a report as needing formal case handling and archiving (or no longer needing it).
import type { Database } from '../../db/client.ts';
import { addEvent, type CaseActor, checkVersion, lockReport, updateReport } from './case-changes.ts';

export async function flagCaseHandling(
  db: Database,
  actor: CaseActor,
  reportId: string,
  flag: { needed: boolean; version: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const report = await lockReport(tx, actor.kommunenummer, reportId);
    await checkVersion(tx, report, flag.version);
    await updateReport(tx, report, { needsCaseHandling: flag.needed });
    await addEvent(tx, report.id, actor.userId, {
      kind: 'case_handling_flagged',
      public: false,
      before: { needsCaseHandling: report.needsCaseHandling },
      after: { needsCaseHandling: flag.needed },
    });
  });
}

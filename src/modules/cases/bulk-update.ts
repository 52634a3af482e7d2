// One action on a selection of reports. Each report is changed in its own transaction, so one
// refused report (gone, another municipality's, a clash) does not hold back the rest; the
// failures are reported per id. No version: the handler acts on the selection as it is now.
import type { Database } from '../../db/client.ts';
import { AppError, type Message } from '../../shared/errors.ts';
import type { ReportStatus } from '../reports/statuses.ts';
import { type Assignment, applyAssignment, checkAssignment } from './assign-report.ts';
import { type CaseActor, lockReport } from './case-changes.ts';
import { caseMessages } from './case-messages.ts';
import { applyStatusChange } from './change-status.ts';
import { applyPublicReply } from './reply-publicly.ts';

export const MAX_BULK_IDS = 200;

export type BulkAction =
  | ({ type: 'assign' } & Assignment)
  | { type: 'status'; status: ReportStatus }
  | { type: 'reply'; message: string };

export interface BulkFailure {
  id: string;
  code: string;
  message: Message;
}

export async function bulkUpdate(
  db: Database,
  actor: CaseActor,
  ids: readonly string[],
  action: BulkAction,
): Promise<{ updated: number; failed: BulkFailure[] }> {
  // A bad team or person is wrong for every report: refuse the whole request up front.
  if (action.type === 'assign') await checkAssignment(db, actor.kommunenummer, action);
  if (action.type === 'reply' && action.message.trim() === '') {
    throw new AppError(400, 'blank_message', caseMessages.blankMessage());
  }
  let updated = 0;
  const failed: BulkFailure[] = [];
  for (const id of new Set(ids)) {
    try {
      await db.transaction(async (tx) => {
        const report = await lockReport(tx, actor.kommunenummer, id);
        if (action.type === 'assign') await applyAssignment(tx, actor, report, action);
        else if (action.type === 'status') await applyStatusChange(tx, actor, report, action);
        else await applyPublicReply(tx, actor, report, action.message);
      });
      updated++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ id, code: error.code, message: error.localized });
    }
  }
  return { updated, failed };
}

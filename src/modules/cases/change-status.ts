// Moves a report to another status, optionally with a public reply sent along with the change.
import type { Queryable } from '../../db/client.ts';
import type { ReportStatus } from '../reports/statuses.ts';
import {
  addEvent,
  type CaseActor,
  checkVersion,
  type LockedReport,
  lockReport,
  updateReport,
} from './case-changes.ts';

export interface StatusChange {
  status: ReportStatus;
  /** Public reply sent with the change; blank counts as none. */
  reply?: string | undefined;
}

export async function changeStatus(
  db: Queryable,
  actor: CaseActor,
  reportId: string,
  change: StatusChange & { version: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const report = await lockReport(tx, actor.kommunenummer, reportId);
    await checkVersion(tx, report, change.version);
    await applyStatusChange(tx, actor, report, change);
  });
}

/** The change itself, for a report already locked (bulk actions share it). */
export async function applyStatusChange(
  tx: Queryable,
  actor: CaseActor,
  report: LockedReport,
  change: StatusChange,
): Promise<void> {
  const reply = change.reply?.trim() || null;
  await updateReport(tx, report, {
    status: change.status,
    done: change.status === 'utfort',
    firstPublicReply: reply !== null,
  });
  // A status change is news for the resident: public, with the reply as its text.
  await addEvent(tx, report.id, actor.userId, {
    kind: 'status_changed',
    public: true,
    status: change.status,
    message: reply,
    before: { status: report.status },
    after: { status: change.status },
  });
}

// When a notice has ended, the reports it explained are closed together: each open linked report
// moves to "work done" with the one public reply (in its reporter's language where given), so
// the relay messages its reporter and every follower once. Each report changes in its own
// transaction, as the inbox's bulk actions do: one clash (a handler changing it this moment) does
// not hold back the rest and is counted as failed. One audit entry records the whole action.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { type LocalizedText, localize } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type CaseActor, lockReport, reporterLanguage } from '../cases/case-changes.ts';
import { applyStatusChange } from '../cases/change-status.ts';
import { OPEN_STATUSES, type ReportStatus } from '../reports/statuses.ts';
import { cleanText } from './check-notice.ts';
import { linkedReportMessages } from './linked-report-texts.ts';
import { findNotice } from './notice-queries.ts';

/** The status the case workflow closes a report with when the work is done. */
export const CLOSED_STATUS: ReportStatus = 'utfort';

export interface CloseLinkedResult {
  /** Linked reports closed now. */
  closed: number;
  /** Linked reports that were closed already (or merged into another) and left as they were. */
  alreadyClosed: number;
  /** Linked reports that could not be changed (a handler changed them at the same moment). */
  failed: number;
}

export async function closeLinkedReports(
  db: Database,
  actor: CaseActor,
  noticeId: string,
  input: { reply: LocalizedText },
): Promise<CloseLinkedResult> {
  const reply = cleanText(input.reply);
  if (reply.nb === '') throw new AppError(400, 'blank_message', linkedReportMessages.blankReply());
  const { notice } = await findNotice(db, actor.kommunenummer, noticeId);
  if (notice.status !== 'ended') {
    throw new AppError(409, 'notice_not_ended', linkedReportMessages.notEnded());
  }
  const linked = await queryRows<{ id: string; open: boolean }>(
    db,
    sql`select r.id, (r.merged_into_id is null and r.status in (${sql.join(
      OPEN_STATUSES.map((s) => sql`${s}`),
      sql`, `,
    )})) as open
          from notice_report_links l join reports r on r.id = l.report_id
         where l.notice_id = ${noticeId} and r.kommunenummer = ${actor.kommunenummer}
         order by r.id`,
  );
  const result: CloseLinkedResult = { closed: 0, alreadyClosed: 0, failed: 0 };
  const closedIds: string[] = [];
  for (const { id, open } of linked) {
    if (!open) {
      result.alreadyClosed++;
      continue;
    }
    try {
      const changed = await db.transaction(async (tx) => {
        const report = await lockReport(tx, actor.kommunenummer, id);
        // Closed by someone else since the list was read: leave it.
        if (report.mergedIntoId || !(OPEN_STATUSES as readonly string[]).includes(report.status)) {
          return false;
        }
        const language = await reporterLanguage(tx, id);
        await applyStatusChange(tx, actor, report, {
          status: CLOSED_STATUS,
          reply: localize(reply, language),
        });
        return true;
      });
      if (changed) {
        result.closed++;
        closedIds.push(id);
      } else result.alreadyClosed++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.failed++;
    }
  }
  await recordAudit(db, {
    kommunenummer: actor.kommunenummer,
    actorId: actor.userId,
    action: 'notice.linked_reports_closed',
    entityType: 'notice',
    entityId: noticeId,
    after: { ...result, status: CLOSED_STATUS, reply, reports: closedIds },
  });
  return result;
}

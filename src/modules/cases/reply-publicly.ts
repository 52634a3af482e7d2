// A public reply to the resident, in whatever language the case handler wrote it.
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import {
  addEvent,
  type CaseActor,
  checkVersion,
  type LockedReport,
  lockReport,
  updateReport,
} from './case-changes.ts';
import { caseMessages } from './case-messages.ts';

export async function replyPublicly(
  db: Queryable,
  actor: CaseActor,
  reportId: string,
  reply: { message: string; version: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const report = await lockReport(tx, actor.kommunenummer, reportId);
    await checkVersion(tx, report, reply.version);
    await applyPublicReply(tx, actor, report, reply.message);
  });
}

export async function applyPublicReply(
  tx: Queryable,
  actor: CaseActor,
  report: LockedReport,
  message: string,
): Promise<void> {
  const text = message.trim();
  if (text === '') throw new AppError(400, 'blank_message', caseMessages.blankMessage());
  await updateReport(tx, report, { firstPublicReply: true });
  await addEvent(tx, report.id, actor.userId, { kind: 'public_reply', public: true, message: text });
}

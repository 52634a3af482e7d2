// A note for colleagues. Never public: its event is stored with public = false, which every
// public query filters on.
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { addEvent, type CaseActor, lockReport, updateReport } from './case-changes.ts';
import { caseMessages } from './case-messages.ts';

export async function addInternalNote(
  db: Queryable,
  actor: CaseActor,
  reportId: string,
  note: { message: string },
): Promise<void> {
  const text = note.message.trim();
  if (text === '') throw new AppError(400, 'blank_message', caseMessages.blankMessage());
  await db.transaction(async (tx) => {
    // No version: a note changes nothing anyone else is editing, so it never conflicts.
    const report = await lockReport(tx, actor.kommunenummer, reportId);
    await updateReport(tx, report, {});
    await addEvent(tx, report.id, actor.userId, { kind: 'internal_note', public: false, message: text });
  });
}

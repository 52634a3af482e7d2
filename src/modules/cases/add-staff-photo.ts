// A staff member's photo of the work on a report (the field app's camera). It is internal: kept
// with `internal = true`, left out of every public view and never served at the public photo
// address (photos/get-photo.ts), whatever the category allows; its history entry is internal too.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { StoredPhoto } from '../reports/insert-received-report.ts';
import { addEvent, type CaseActor, lockReport, updateReport } from './case-changes.ts';
import { caseMessages } from './case-messages.ts';

/** A crew documents before, during and after; past this, a report's page is a photo album. */
export const MAX_STAFF_PHOTOS_PER_REPORT = 20;

export async function addStaffPhoto(
  db: Queryable,
  actor: CaseActor,
  reportId: string,
  photo: StoredPhoto,
): Promise<void> {
  await db.transaction(async (tx) => {
    // No version: adding a photo changes nothing anyone else is editing, like a note.
    const report = await lockReport(tx, actor.kommunenummer, reportId);
    const [counts] = await queryRows<{ staff: number; next: number }>(
      tx,
      sql`select count(*) filter (where internal)::int as staff, coalesce(max(position) + 1, 0)::int as next
        from report_photos where report_id = ${report.id}::uuid`,
    );
    if ((counts?.staff ?? 0) >= MAX_STAFF_PHOTOS_PER_REPORT) {
      throw new AppError(
        422,
        'too_many_photos',
        caseMessages.tooManyStaffPhotos(MAX_STAFF_PHOTOS_PER_REPORT),
      );
    }
    await tx.execute(sql`insert into report_photos
        (report_id, storage_key, width, height, bytes, position, added_by, internal)
      values (${report.id}::uuid, ${photo.storageKey}, ${photo.width}, ${photo.height}, ${photo.bytes},
        ${counts?.next ?? 0}, ${actor.userId}::uuid, true)`);
    await updateReport(tx, report, {});
    await addEvent(tx, report.id, actor.userId, { kind: 'photo_added', public: false });
  });
}

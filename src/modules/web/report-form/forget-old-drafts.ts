// Drafts hold what a resident typed, contact details included, and the photos they uploaded.
// One that was never sent is deleted after a day, photos and files with it.
import { inArray, lt } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { reportPhotos } from '../../photos/schema.ts';
import type { PhotoStorage } from '../../photos/storage.ts';
import { reportDrafts } from '../../reports/schema.ts';

export const DRAFT_TTL_HOURS = 24;

export async function forgetOldDrafts(db: Database, photos: PhotoStorage, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DRAFT_TTL_HOURS * 3600_000);
  const old = db.select({ id: reportDrafts.id }).from(reportDrafts).where(lt(reportDrafts.updatedAt, cutoff));
  const removedPhotos = await db
    .delete(reportPhotos)
    .where(inArray(reportPhotos.draftId, old))
    .returning({ storageKey: reportPhotos.storageKey });
  const removed = await db
    .delete(reportDrafts)
    .where(lt(reportDrafts.updatedAt, cutoff))
    .returning({ id: reportDrafts.id });
  // Files after rows: a file without a row is harmless, a row without its file is not.
  for (const { storageKey } of removedPhotos) await photos.remove(storageKey);
  return removed.length;
}

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
  // One transaction, so a draft touched in between is either forgotten with its photos or kept whole.
  const { storageKeys, drafts } = await db.transaction(async (tx) => {
    // Locked, so a draft being saved right now is either forgotten whole or kept whole.
    const old = await tx
      .select({ id: reportDrafts.id })
      .from(reportDrafts)
      .where(lt(reportDrafts.updatedAt, cutoff))
      .for('update');
    if (old.length === 0) return { storageKeys: [], drafts: 0 };
    const ids = old.map((d) => d.id);
    // Read the photos' keys first: deleting a draft deletes its photo rows (ON DELETE CASCADE).
    const rows = await tx
      .select({ storageKey: reportPhotos.storageKey })
      .from(reportPhotos)
      .where(inArray(reportPhotos.draftId, ids));
    await tx.delete(reportDrafts).where(inArray(reportDrafts.id, ids));
    return { storageKeys: rows.map((r) => r.storageKey), drafts: ids.length };
  });
  // Files after rows: a file without a row is harmless, a row without its file is not.
  for (const key of storageKeys) await photos.remove(key);
  return drafts;
}

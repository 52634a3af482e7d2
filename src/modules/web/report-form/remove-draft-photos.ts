import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../app-context.ts';
import { isUuid } from '../../../shared/text.ts';
import { reportPhotos } from '../../photos/schema.ts';

/** Removes photos the resident unticked from their draft: the rows, then the files. */
export async function removeDraftPhotos(ctx: AppContext, draftId: string, photoIds: string[]): Promise<void> {
  const ids = photoIds.filter((id) => isUuid(id));
  if (ids.length === 0) return;
  const removed = await ctx.db.db
    .delete(reportPhotos)
    .where(and(eq(reportPhotos.draftId, draftId), inArray(reportPhotos.id, ids)))
    .returning({ storageKey: reportPhotos.storageKey });
  for (const { storageKey } of removed) await ctx.photos.remove(storageKey);
}

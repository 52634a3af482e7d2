// A report being written on the web form, kept in the database between steps so that nothing
// the resident typed (or uploaded) is lost when a step fails or the page is reloaded.
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { LocalizedText } from '../../../shared/language.ts';
import { isUuid } from '../../../shared/text.ts';
import { reportPhotos } from '../../photos/schema.ts';
import { reportDrafts } from '../../reports/schema.ts';

export interface DraftData {
  category?: string;
  lat?: number;
  lon?: number;
  address?: string;
  description?: string;
  /** As typed: one string per field, or several for multiple choice. */
  answers: Record<string, string | string[]>;
  contact: { name?: string; email?: string; phone?: string; notify?: string; language?: string };
  assetRef?: string;
  reportLinkId?: string;
  /** From a QR sticker: what it is on, and the categories it suggests. */
  linkLabel?: LocalizedText;
  /** The registered asset the sticker is on, as the form names it ("Brannhydrant BH-0417"). */
  assetName?: LocalizedText;
  suggested?: string[];
  /** Problems found when the draft was last checked, shown next to the fields. */
  errors: ErrorDetail[];
}

export interface DraftPhoto {
  id: string;
  width: number;
  height: number;
}

export interface Draft {
  id: string;
  kommunenummer: string;
  data: DraftData;
  photos: DraftPhoto[];
}

export function emptyDraft(): DraftData {
  return { answers: {}, contact: {}, errors: [] };
}

export async function saveDraft(
  db: Queryable,
  kommunenummer: string,
  data: DraftData,
  id?: string,
): Promise<string> {
  if (id) {
    const updated = await db
      .update(reportDrafts)
      .set({ data: data as unknown as Record<string, unknown>, updatedAt: new Date() })
      .where(and(eq(reportDrafts.id, id), eq(reportDrafts.kommunenummer, kommunenummer)))
      .returning({ id: reportDrafts.id });
    if (updated[0]) return updated[0].id;
  }
  const [row] = await db
    .insert(reportDrafts)
    .values({ kommunenummer, data: data as unknown as Record<string, unknown> })
    .returning({ id: reportDrafts.id });
  if (!row) throw new Error('The draft was not stored');
  return row.id;
}

export async function loadDraft(
  db: Queryable,
  kommunenummer: string,
  id: string,
): Promise<Draft | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(reportDrafts)
    .where(and(eq(reportDrafts.id, id), eq(reportDrafts.kommunenummer, kommunenummer)));
  if (!row) return undefined;
  const photos = await db
    .select({ id: reportPhotos.id, width: reportPhotos.width, height: reportPhotos.height })
    .from(reportPhotos)
    .where(eq(reportPhotos.draftId, id))
    .orderBy(asc(reportPhotos.position), asc(reportPhotos.createdAt));
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    data: { ...emptyDraft(), ...(row.data as Partial<DraftData>) },
    photos,
  };
}

export async function deleteDraft(db: Queryable, id: string): Promise<void> {
  await db.delete(reportDrafts).where(eq(reportDrafts.id, id));
}

/**
 * Marks the draft as being sent; false when another request is sending it right now. A claim
 * older than a minute is stale (that request died) and can be taken over.
 */
export async function claimDraftForSending(db: Queryable, id: string): Promise<boolean> {
  const claimed = await db
    .update(reportDrafts)
    .set({ sendingAt: sql`now()` })
    .where(
      and(
        eq(reportDrafts.id, id),
        or(isNull(reportDrafts.sendingAt), lt(reportDrafts.sendingAt, sql`now() - interval '1 minute'`)),
      ),
    )
    .returning({ id: reportDrafts.id });
  return claimed.length === 1;
}

/** Gives the draft back after a send that did not go through. */
export async function releaseDraft(db: Queryable, id: string): Promise<void> {
  await db.update(reportDrafts).set({ sendingAt: null }).where(eq(reportDrafts.id, id));
}

import { and, asc, count, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { categories } from '../categories/schema.ts';
import type { StoredPhoto } from '../reports/insert-received-report.ts';
import { reportDrafts, reports } from '../reports/schema.ts';
import { reportPhotos } from './schema.ts';

/**
 * A report's photos in the order they were attached. Staff photos (`internal`, a crew's photos of
 * the work) only when asked for: every public view takes the default, which leaves them out.
 */
export async function listReportPhotos(
  db: Queryable,
  reportId: string,
  { withInternal = false }: { withInternal?: boolean } = {},
) {
  return db
    .select({
      id: reportPhotos.id,
      width: reportPhotos.width,
      height: reportPhotos.height,
      internal: reportPhotos.internal,
    })
    .from(reportPhotos)
    .where(
      withInternal
        ? eq(reportPhotos.reportId, reportId)
        : and(eq(reportPhotos.reportId, reportId), eq(reportPhotos.internal, false)),
    )
    .orderBy(asc(reportPhotos.position), asc(reportPhotos.createdAt));
}

export type ReportPhotoRow = Awaited<ReturnType<typeof listReportPhotos>>[number];

/**
 * A photo with what decides who may see it: whether it belongs to a report yet, whether that
 * report's category shows descriptions (and so photos) publicly, and the report's token hash.
 */
export async function findPhotoForServing(db: Queryable, id: string) {
  const rows = await db
    .select({
      storageKey: reportPhotos.storageKey,
      reportId: reportPhotos.reportId,
      internal: reportPhotos.internal,
      publicDescription: categories.publicDescription,
      trackingTokenHash: reports.trackingTokenHash,
    })
    .from(reportPhotos)
    .leftJoin(reports, eq(reports.id, reportPhotos.reportId))
    .leftJoin(categories, eq(categories.id, reports.categoryId))
    .where(eq(reportPhotos.id, id));
  return rows[0];
}

/** Locks the draft row until the transaction ends, so two uploads cannot both take the last place. */
export async function lockDraft(db: Queryable, draftId: string): Promise<boolean> {
  const rows = await db
    .select({ id: reportDrafts.id })
    .from(reportDrafts)
    .where(eq(reportDrafts.id, draftId))
    .for('update');
  return rows.length > 0;
}

export async function countDraftPhotos(db: Queryable, draftId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(reportPhotos).where(eq(reportPhotos.draftId, draftId));
  return row?.n ?? 0;
}

export async function insertDraftPhoto(
  db: Queryable,
  draftId: string,
  photo: StoredPhoto,
  position: number,
): Promise<string> {
  const [row] = await db
    .insert(reportPhotos)
    .values({ draftId, position, ...photo })
    .returning({ id: reportPhotos.id });
  if (!row) throw new Error('Storing the draft photo returned no row');
  return row.id;
}

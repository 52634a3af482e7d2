// A report's photo for staff of the report's municipality, also where the category keeps photos
// from the public (those are served to the public only with the reporter's tracking token).
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { isUuid } from '../../shared/text.ts';
import { photoNotFound } from '../photos/get-photo.ts';
import { reportPhotos } from '../photos/schema.ts';
import type { PhotoStorage, PhotoVariant } from '../photos/storage.ts';
import { reports } from '../reports/schema.ts';

export async function getCasePhoto(
  db: Database,
  storage: PhotoStorage,
  kommunenummer: string,
  reportId: string,
  photoId: string,
  variant: PhotoVariant,
): Promise<Buffer> {
  if (!isUuid(reportId) || !isUuid(photoId)) throw photoNotFound();
  const [row] = await db
    .select({ storageKey: reportPhotos.storageKey })
    .from(reportPhotos)
    .innerJoin(reports, eq(reports.id, reportPhotos.reportId))
    .where(
      and(eq(reportPhotos.id, photoId), eq(reports.id, reportId), eq(reports.kommunenummer, kommunenummer)),
    );
  const data = row ? await storage.get(row.storageKey, variant) : undefined;
  if (!data) throw photoNotFound();
  return data;
}

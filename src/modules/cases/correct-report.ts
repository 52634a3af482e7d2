// Corrects what the resident chose: the category, or where the problem is. The history keeps
// the old values, so nothing the resident sent is lost.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/text.ts';
import { categories } from '../categories/schema.ts';
import type { MunicipalityLocator } from '../geo/municipality-locator.ts';
import { addEvent, type CaseActor, checkVersion, lockReport, updateReport } from './case-changes.ts';
import { caseMessages } from './case-messages.ts';

export interface Correction {
  categoryId?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  address?: string | undefined;
  version: string;
}

export async function correctReport(
  db: Database,
  locator: MunicipalityLocator,
  actor: CaseActor,
  reportId: string,
  correction: Correction,
): Promise<void> {
  const { categoryId, lat, lon } = correction;
  const address = correction.address?.trim() || undefined;
  const movesPoint = lat !== undefined || lon !== undefined;
  if (categoryId === undefined && !movesPoint && address === undefined) {
    throw new AppError(400, 'nothing_to_correct', caseMessages.nothingToCorrect());
  }
  if (movesPoint && (lat === undefined || lon === undefined)) {
    throw new AppError(400, 'location_incomplete', caseMessages.locationIncomplete());
  }
  if (
    lat !== undefined &&
    lon !== undefined &&
    locator.locate(lat, lon)?.kommunenummer !== actor.kommunenummer
  ) {
    throw new AppError(400, 'location_outside_municipality', caseMessages.locationOutside());
  }
  await db.transaction(async (tx) => {
    const report = await lockReport(tx, actor.kommunenummer, reportId);
    await checkVersion(tx, report, correction.version);
    if (categoryId !== undefined) {
      const usable =
        isUuid(categoryId) &&
        (
          await tx
            .select({ id: categories.id })
            .from(categories)
            .where(
              and(
                eq(categories.id, categoryId),
                eq(categories.kommunenummer, actor.kommunenummer),
                eq(categories.active, true),
              ),
            )
        ).length > 0;
      if (!usable) throw new AppError(400, 'invalid_category', caseMessages.categoryNotUsable());
    }
    await updateReport(tx, report, {
      ...(categoryId !== undefined ? { categoryId } : {}),
      ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
      ...(address !== undefined ? { address } : {}),
    });
    if (categoryId !== undefined && categoryId !== report.categoryId) {
      await addEvent(tx, report.id, actor.userId, {
        kind: 'category_changed',
        public: false,
        before: { categoryId: report.categoryId },
        after: { categoryId },
      });
    }
    if (movesPoint || address !== undefined) {
      await addEvent(tx, report.id, actor.userId, {
        kind: 'location_changed',
        public: false,
        before: { lat: report.lat, lon: report.lon, address: report.address },
        after: { lat: lat ?? report.lat, lon: lon ?? report.lon, address: address ?? report.address },
      });
    }
  });
}

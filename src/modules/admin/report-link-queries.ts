// Report links (QR stickers) as the administration pages list them, with their addresses.
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import type { MunicipalityLocator } from '../geo/municipality-locator.ts';
import { reportLinkUrl } from '../report-links/link-addresses.ts';
import { noScanDays } from '../report-links/scan-days.ts';
import { reportLinks } from '../report-links/schema.ts';
import { adminMessages } from './admin-messages.ts';
import { listCategories } from './category-queries.ts';

export type ReportLinkRow = typeof reportLinks.$inferSelect;

/** `scansByDay`: the last 30 Oslo days, oldest first (see recentScanDays). */
export function presentReportLink(
  row: ReportLinkRow,
  publicUrl: string,
  scansByDay: number[] = noScanDays(),
) {
  const url = reportLinkUrl(publicUrl, row.code);
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    lat: row.lat,
    lon: row.lon,
    address: row.address,
    assetRef: row.assetRef,
    suggestedCategories: row.suggestedCategories,
    active: row.active,
    url,
    qrCodeUrl: `${url}.svg`,
    assetId: row.assetId,
    scanCount: row.scanCount,
    scansByDay,
    lastScannedAt: row.lastScannedAt?.toISOString() ?? null,
  };
}

export function listReportLinks(db: Queryable, kommunenummer: string): Promise<ReportLinkRow[]> {
  return db
    .select()
    .from(reportLinks)
    .where(eq(reportLinks.kommunenummer, kommunenummer))
    .orderBy(desc(reportLinks.createdAt));
}

export async function findReportLinkById(db: Queryable, kommunenummer: string, id: string) {
  const [row] = await db
    .select()
    .from(reportLinks)
    .where(and(eq(reportLinks.kommunenummer, kommunenummer), eq(reportLinks.id, id)));
  return row;
}

/** A sticker's point must lie in the municipality, and its categories must be the municipality's. */
export async function checkReportLink(
  db: Queryable,
  locator: MunicipalityLocator,
  kommunenummer: string,
  link: { lat: number | null; lon: number | null; suggestedCategories: string[] },
): Promise<ErrorDetail[]> {
  const errors: ErrorDetail[] = [];
  if ((link.lat === null) !== (link.lon === null)) {
    errors.push({ field: 'lat', code: 'point_incomplete', message: adminMessages.pointIncomplete() });
  } else if (link.lat !== null && link.lon !== null) {
    if (locator.locate(link.lat, link.lon)?.kommunenummer !== kommunenummer) {
      errors.push({ field: 'lat', code: 'point_outside', message: adminMessages.pointOutside() });
    }
  }
  if (link.suggestedCategories.length > 0) {
    const codes = new Set((await listCategories(db, kommunenummer)).map((c) => c.code));
    link.suggestedCategories.forEach((code, index) => {
      if (!codes.has(code)) {
        errors.push({
          field: `suggestedCategories.${index}`,
          code: 'not_in_municipality',
          message: adminMessages.notInMunicipality('category'),
        });
      }
    });
  }
  return errors;
}

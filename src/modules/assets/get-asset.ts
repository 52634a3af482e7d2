// One asset as its page in admin shows it: what the register says, the stickers on it with their
// scans, and the reports about it, newest first, with how many came in the last 12 months.
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { isUuid } from '../../shared/text.ts';
import { presentReportLink } from '../admin/report-link-queries.ts';
import { recentScanDays } from '../report-links/scan-days.ts';
import { reportLinks } from '../report-links/schema.ts';
import { assetMessages } from './asset-messages.ts';
import { assets, assetTypes } from './schema.ts';

/** The page lists this many reports; the counts above it cover all of them. */
const MAX_REPORTS = 100;

export async function getAsset(db: Queryable, publicUrl: string, kommunenummer: string, id: string) {
  if (!isUuid(id)) throw new AppError(404, 'asset_not_found', assetMessages.notFound());
  // Another municipality's id is as unknown here as an id that never existed.
  const [row] = await db
    .select({ asset: assets, type: assetTypes })
    .from(assets)
    .innerJoin(assetTypes, eq(assetTypes.id, assets.typeId))
    .where(and(eq(assets.id, id), eq(assets.kommunenummer, kommunenummer)));
  if (!row) throw new AppError(404, 'asset_not_found', assetMessages.notFound());
  const [links, [counts], reports] = await Promise.all([
    db
      .select()
      .from(reportLinks)
      .where(and(eq(reportLinks.kommunenummer, kommunenummer), eq(reportLinks.assetId, id)))
      .orderBy(desc(reportLinks.active), desc(reportLinks.createdAt)),
    queryRows<{ total: number; recent: number }>(
      db,
      sql`
      select count(*)::int as total,
        (count(*) filter (where created_at > now() - interval '12 months'))::int as recent
      from reports where asset_id = ${id}::uuid and kommunenummer = ${kommunenummer}`,
    ),
    queryRows<{
      id: string;
      ref: string;
      status: string;
      category: LocalizedText;
      created_at: string | Date;
      merged_into: string | null;
    }>(
      db,
      sql`
      select r.id, r.ref, r.status, c.name as category, r.created_at, p.ref as merged_into
      from reports r
      join categories c on c.id = r.category_id
      left join reports p on p.id = r.merged_into_id
      where r.asset_id = ${id}::uuid and r.kommunenummer = ${kommunenummer}
      order by r.created_at desc, r.id
      limit ${MAX_REPORTS}`,
    ),
  ]);
  const scans = await recentScanDays(db, { linkIds: links.map((l) => l.id) });
  const { asset, type } = row;
  return {
    id: asset.id,
    externalId: asset.externalId,
    name: asset.name,
    type: { id: type.id, code: type.code, name: type.name },
    lat: asset.lat,
    lon: asset.lon,
    attributes: Object.entries(asset.attributes).map(([key, value]) => ({ key, value: String(value) })),
    createdAt: asset.createdAt.toISOString(),
    updatedAt: asset.updatedAt.toISOString(),
    reportLinks: links.map((link) => presentReportLink(link, publicUrl, scans.get(link.id))),
    reportsLast12Months: counts?.recent ?? 0,
    reportsTotal: counts?.total ?? 0,
    reports: reports.map((r) => ({
      id: r.id,
      ref: r.ref,
      status: r.status,
      category: r.category,
      createdAt: new Date(r.created_at).toISOString(),
      mergedInto: r.merged_into,
    })),
  };
}

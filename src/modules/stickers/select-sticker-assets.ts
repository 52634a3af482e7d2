// Which assets a sticker run covers: chosen ones, a type, an area, or a combination (all must
// hold). Bounded: a run larger than MAX_STICKERS is refused with the count, before any link is made.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { assets, assetTypes } from '../assets/schema.ts';
import { checkArea, type StickerArea } from './sticker-area.ts';
import { stickerMessages } from './sticker-messages.ts';

/** One sheet run; 2,000 stickers are 84 pages of 3×8, a few megabytes and a few seconds. */
export const MAX_STICKERS = 2000;
/** Candidates a polygon's bounding box may hold before the polygon itself is tested. */
const MAX_AREA_CANDIDATES = 100_000;

export interface StickerSelection {
  assetIds?: string[];
  type?: string;
  area?: StickerArea;
}

export interface SelectedAsset {
  id: string;
  externalId: string;
  name: string;
  lat: number;
  lon: number;
  typeCode: string;
  typeName: LocalizedText;
  suggestedCategories: string[];
}

/** Candidates tested per turn of the event loop. */
const POLYGON_CHUNK = 2_000;

/**
 * The candidates inside the drawn area. Up to 100,000 candidates against up to 10,000 vertices is
 * seconds of work: it yields to the event loop between chunks, so other requests to the process
 * wait for one chunk (milliseconds), not for the whole test.
 */
async function insidePolygon<T extends { lat: number; lon: number }>(
  rows: readonly T[],
  polygon: Parameters<typeof booleanPointInPolygon>[1],
): Promise<T[]> {
  const inside: T[] = [];
  for (let start = 0; start < rows.length; start += POLYGON_CHUNK) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const row of rows.slice(start, start + POLYGON_CHUNK)) {
      if (booleanPointInPolygon([row.lon, row.lat], polygon)) inside.push(row);
    }
  }
  return inside;
}

export async function selectStickerAssets(
  db: Queryable,
  kommunenummer: string,
  selection: StickerSelection,
): Promise<SelectedAsset[]> {
  const { assetIds, type, area } = selection;
  if (!assetIds?.length && type === undefined && area === undefined) {
    throw new AppError(400, 'selection_missing', stickerMessages.selectionMissing());
  }
  const where: SQL[] = [eq(assets.kommunenummer, kommunenummer)];
  if (assetIds?.length) where.push(inArray(assets.id, [...new Set(assetIds)]));
  if (type !== undefined) {
    const [known] = await db
      .select({ id: assetTypes.id })
      .from(assetTypes)
      .where(and(eq(assetTypes.kommunenummer, kommunenummer), eq(assetTypes.code, type)));
    if (!known) throw new AppError(400, 'unknown_asset_type', stickerMessages.unknownType(type));
    where.push(eq(assets.typeId, known.id));
  }
  const checked = area === undefined ? undefined : checkArea(area);
  if (typeof checked === 'string') throw new AppError(400, 'bad_area', stickerMessages.badArea(checked));
  if (checked) {
    const [west, south, east, north] = checked.bbox;
    // The GiST index on the point answers the box; the polygon is tested below in TypeScript.
    where.push(sql`${assets.location} <@ box(point(${west}, ${south}), point(${east}, ${north}))`);
  }
  const condition = and(...where);
  const rows = await db
    .select({
      id: assets.id,
      externalId: assets.externalId,
      name: assets.name,
      lat: assets.lat,
      lon: assets.lon,
      typeCode: assetTypes.code,
      typeName: assetTypes.name,
      suggestedCategories: assetTypes.suggestedCategories,
    })
    .from(assets)
    .innerJoin(assetTypes, eq(assetTypes.id, assets.typeId))
    .where(condition)
    .orderBy(asc(assetTypes.sortOrder), asc(assets.externalId))
    .limit(checked?.polygon ? MAX_AREA_CANDIDATES : MAX_STICKERS + 1);
  const polygon = checked?.polygon;
  const selected = polygon ? await insidePolygon(rows, polygon) : rows;
  if (selected.length > MAX_STICKERS) {
    const found = polygon
      ? selected.length
      : ((await db.select({ n: count() }).from(assets).where(condition))[0]?.n ?? selected.length);
    throw new AppError(400, 'too_many_stickers', stickerMessages.tooMany(found, MAX_STICKERS));
  }
  if (assetIds?.length && type === undefined && area === undefined) {
    const missing = new Set(assetIds).size - selected.length;
    if (missing > 0) throw new AppError(400, 'unknown_assets', stickerMessages.unknownAssets(missing));
  }
  if (selected.length === 0) throw new AppError(400, 'nothing_selected', stickerMessages.noneSelected());
  return selected;
}

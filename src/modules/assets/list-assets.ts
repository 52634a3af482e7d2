// The asset register as staff search it: by register id or name, by type, and by the map's view
// (a box the GiST index on the point answers). Paged: a municipality may hold 50,000 hydrants.
import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { AssetListInput } from './http-schemas.ts';
import { assets, assetTypes } from './schema.ts';

/** `%` and `_` in what staff type are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Reports about an asset in the last 12 months, for the list's and the page's "repeated faults". */
export function reportsLast12Months(assetId: SQL | string): SQL<number> {
  return sql<number>`(select count(*)::int from reports rr
    where rr.asset_id = ${assetId} and rr.created_at > now() - interval '12 months')`;
}

export async function listAssets(db: Queryable, kommunenummer: string, query: AssetListInput) {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const where: SQL[] = [eq(assets.kommunenummer, kommunenummer)];
  const text = query.q?.trim();
  if (text) {
    const pattern = likePattern(text);
    const either = or(ilike(assets.externalId, pattern), ilike(assets.name, pattern));
    if (either) where.push(either);
  }
  if (query.type) where.push(eq(assetTypes.code, query.type));
  const { west, south, east, north } = query;
  if (west !== undefined && south !== undefined && east !== undefined && north !== undefined) {
    where.push(sql`${assets.location} <@ box(point(${west}, ${south}), point(${east}, ${north}))`);
  }
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: assets.id,
        externalId: assets.externalId,
        name: assets.name,
        lat: assets.lat,
        lon: assets.lon,
        typeId: assetTypes.id,
        typeCode: assetTypes.code,
        typeName: assetTypes.name,
        reportsLast12Months: reportsLast12Months(sql`"assets"."id"`),
      })
      .from(assets)
      .innerJoin(assetTypes, eq(assetTypes.id, assets.typeId))
      .where(condition)
      .orderBy(asc(assets.externalId))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: count() })
      .from(assets)
      .innerJoin(assetTypes, eq(assetTypes.id, assets.typeId))
      .where(condition),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      externalId: row.externalId,
      name: row.name,
      type: { id: row.typeId, code: row.typeCode, name: row.typeName },
      lat: row.lat,
      lon: row.lon,
      reportsLast12Months: row.reportsLast12Months,
    })),
    total: total?.n ?? 0,
    limit,
    offset,
  };
}

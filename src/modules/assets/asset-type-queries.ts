// A municipality's asset types as staff and admin see them, with how many assets each has.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import { listCategories } from '../admin/category-queries.ts';
import { assetMessages } from './asset-messages.ts';
import { assetTypes } from './schema.ts';

export type AssetTypeRow = typeof assetTypes.$inferSelect;

export function presentAssetType(row: AssetTypeRow, assetCount = 0) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    suggestedCategories: row.suggestedCategories,
    sortOrder: row.sortOrder,
    active: row.active,
    assetCount,
  };
}

export async function listAssetTypes(db: Queryable, kommunenummer: string) {
  const rows = await db
    .select({
      type: assetTypes,
      // Named in full: drizzle leaves a column of a one-table select unqualified, and "id" alone would
      // be the asset's own id inside the subquery.
      assetCount: sql<number>`(select count(*)::int from assets a where a.type_id = "asset_types"."id")`,
    })
    .from(assetTypes)
    .where(eq(assetTypes.kommunenummer, kommunenummer))
    .orderBy(asc(assetTypes.sortOrder), asc(assetTypes.code));
  return rows.map((row) => presentAssetType(row.type, row.assetCount));
}

export async function findAssetType(db: Queryable, kommunenummer: string, id: string) {
  const [row] = await db
    .select()
    .from(assetTypes)
    .where(and(eq(assetTypes.kommunenummer, kommunenummer), eq(assetTypes.id, id)));
  return row;
}

/** Suggested categories must be the municipality's own: a sticker offers them on the form. */
export async function refuseUnknownCategories(db: Queryable, kommunenummer: string, codes: string[]) {
  if (codes.length === 0) return;
  const known = new Set((await listCategories(db, kommunenummer)).map((c) => c.code));
  const details: ErrorDetail[] = codes.flatMap((code, index) =>
    known.has(code)
      ? []
      : [
          {
            field: `suggestedCategories.${index}`,
            code: 'unknown_category',
            message: assetMessages.unknownCategory(code),
          },
        ],
  );
  if (details.length > 0) throw new AppError(400, 'invalid_asset_type', assetMessages.invalid(), details);
}

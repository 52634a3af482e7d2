// Renames, reorders or switches off an asset type, or changes what its stickers suggest. The code
// stays: import files and the sticker command name types by it.
import { and, eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { changedFields, cleanText } from '../admin/admin-support.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assetMessages } from './asset-messages.ts';
import { findAssetType, presentAssetType, refuseUnknownCategories } from './asset-type-queries.ts';
import type { AssetTypeUpdateInput } from './http-schemas.ts';
import { assetTypes } from './schema.ts';

export async function updateAssetType(
  db: Database,
  actorId: string,
  kommunenummer: string,
  id: string,
  changes: AssetTypeUpdateInput,
) {
  if (changes.suggestedCategories)
    await refuseUnknownCategories(db, kommunenummer, changes.suggestedCategories);
  return db.transaction(async (tx) => {
    const existing = await findAssetType(tx, kommunenummer, id);
    if (!existing) throw new AppError(404, 'asset_type_not_found', assetMessages.typeNotFound());
    const [row] = await tx
      .update(assetTypes)
      .set({
        ...(changes.name === undefined ? {} : { name: cleanText(changes.name) }),
        ...(changes.sortOrder === undefined ? {} : { sortOrder: changes.sortOrder }),
        ...(changes.active === undefined ? {} : { active: changes.active }),
        ...(changes.suggestedCategories === undefined
          ? {}
          : { suggestedCategories: changes.suggestedCategories }),
      })
      .where(and(eq(assetTypes.id, id), eq(assetTypes.kommunenummer, kommunenummer)))
      .returning();
    if (!row) throw new AppError(404, 'asset_type_not_found', assetMessages.typeNotFound());
    const [counted] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from assets where type_id = ${id}::uuid`,
    );
    const after = presentAssetType(row, Number(counted?.n ?? 0));
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'asset_type.updated',
      entityType: 'asset_type',
      entityId: id,
      ...changedFields(presentAssetType(existing, after.assetCount), after),
    });
    return after;
  });
}

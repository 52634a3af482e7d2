// A new asset type for the municipality (say, "Sandfang"), with a code files and the command line use.
import type { Database } from '../../db/client.ts';
import { cleanText, withUniqueCheck } from '../admin/admin-support.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assetMessages } from './asset-messages.ts';
import { presentAssetType, refuseUnknownCategories } from './asset-type-queries.ts';
import type { AssetTypeCreateInput } from './http-schemas.ts';
import { assetTypes } from './schema.ts';

export async function createAssetType(
  db: Database,
  actorId: string,
  kommunenummer: string,
  input: AssetTypeCreateInput,
) {
  const suggested = input.suggestedCategories ?? [];
  await refuseUnknownCategories(db, kommunenummer, suggested);
  const message = assetMessages.typeCodeTaken(input.code);
  return withUniqueCheck(db, { code: 'code_taken', message, field: 'code' }, async (tx) => {
    const [row] = await tx
      .insert(assetTypes)
      .values({
        kommunenummer,
        code: input.code,
        name: cleanText(input.name),
        sortOrder: input.sortOrder ?? 100,
        active: input.active ?? true,
        suggestedCategories: suggested,
      })
      .returning();
    if (!row) throw new Error('asset type not created');
    const after = presentAssetType(row);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'asset_type.created',
      entityType: 'asset_type',
      entityId: row.id,
      after,
    });
    return after;
  });
}

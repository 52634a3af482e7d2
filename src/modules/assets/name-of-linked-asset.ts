// What the report form calls the asset a sticker is on: "Brannhydrant BH-0417", the type as the
// municipality names it in each language, and the register's id (its name when the id is blank).
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { assets, assetTypes } from './schema.ts';

export function assetName(
  typeName: LocalizedText,
  asset: { externalId: string; name: string },
): LocalizedText {
  const id = asset.externalId.trim() || asset.name.trim();
  const named: LocalizedText = { nb: `${typeName.nb} ${id}` };
  if (typeName.nn) named.nn = `${typeName.nn} ${id}`;
  if (typeName.en) named.en = `${typeName.en} ${id}`;
  return named;
}

/** The name of a report link's asset, when the link has one in this municipality. */
export async function nameOfLinkedAsset(
  db: Queryable,
  kommunenummer: string,
  assetId: string | null,
): Promise<LocalizedText | undefined> {
  if (!assetId) return undefined;
  const [row] = await db
    .select({ externalId: assets.externalId, name: assets.name, typeName: assetTypes.name })
    .from(assets)
    .innerJoin(assetTypes, eq(assetTypes.id, assets.typeId))
    .where(and(eq(assets.id, assetId), eq(assets.kommunenummer, kommunenummer)));
  return row ? assetName(row.typeName, row) : undefined;
}

// The asset types every municipality starts with, the same list migration 0015 gave the
// municipalities that existed then. A municipality renames, reorders or switches them off in
// admin; seeding again only adds codes that are missing, so none of that is ever undone.
import type { Queryable } from '../../db/client.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { assetTypes } from './schema.ts';

export interface DefaultAssetType {
  code: string;
  name: LocalizedText;
  sortOrder: number;
}

export const DEFAULT_ASSET_TYPES: readonly DefaultAssetType[] = [
  { code: 'hydrant', name: { nb: 'Brannhydrant', nn: 'Brannhydrant', en: 'Fire hydrant' }, sortOrder: 10 },
  { code: 'kum', name: { nb: 'Kum', nn: 'Kum', en: 'Manhole' }, sortOrder: 20 },
  {
    code: 'pumpestasjon',
    name: { nb: 'Pumpestasjon', nn: 'Pumpestasjon', en: 'Pumping station' },
    sortOrder: 30,
  },
  { code: 'hoydebasseng', name: { nb: 'Høydebasseng', nn: 'Høgdebasseng', en: 'Reservoir' }, sortOrder: 40 },
  { code: 'ventil', name: { nb: 'Ventil', nn: 'Ventil', en: 'Valve' }, sortOrder: 50 },
  {
    code: 'tappepost',
    name: { nb: 'Offentlig tappepost', nn: 'Offentleg tappepost', en: 'Public tap' },
    sortOrder: 60,
  },
  { code: 'annet', name: { nb: 'Annet', nn: 'Anna', en: 'Other' }, sortOrder: 90 },
];

/** Adds the default types the municipality does not have yet; returns how many it added. */
export async function seedAssetTypes(db: Queryable, kommunenummer: string): Promise<number> {
  const added = await db
    .insert(assetTypes)
    .values(DEFAULT_ASSET_TYPES.map((type) => ({ kommunenummer, ...type })))
    .onConflictDoNothing({ target: [assetTypes.kommunenummer, assetTypes.code] })
    .returning({ id: assetTypes.id });
  return added.length;
}

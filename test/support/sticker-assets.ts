// Assets for sticker tests, inserted directly: the asset types (a seeded municipality has them
// already; a test-built one does not), with the suggested categories the tests expect, and
// assets of a type at given points.
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { assets, assetTypes } from '../../src/modules/assets/schema.ts';

export async function seedAssetTypes(db: Database, kommunenummer: string): Promise<void> {
  await db.execute(sql`
    insert into asset_types (kommunenummer, code, name, sort_order, suggested_categories)
    values
      (${kommunenummer}, 'hydrant', '{"nb":"Brannhydrant","nn":"Brannhydrant","en":"Fire hydrant"}'::jsonb, 10, '{vann-lekkasje}'),
      (${kommunenummer}, 'kum', '{"nb":"Kum","nn":"Kum","en":"Manhole"}'::jsonb, 20, '{}'),
      (${kommunenummer}, 'pumpestasjon', '{"nb":"Pumpestasjon","nn":"Pumpestasjon","en":"Pumping station"}'::jsonb, 30, '{}')
    on conflict (kommunenummer, code) do update set suggested_categories = excluded.suggested_categories`);
}

export async function buildAssets(
  db: Database,
  kommunenummer: string,
  typeCode: string,
  points: readonly { lat: number; lon: number }[],
  prefix = typeCode === 'hydrant' ? 'BH' : typeCode.toUpperCase().slice(0, 3),
) {
  const [type] = await db
    .select({ id: assetTypes.id })
    .from(assetTypes)
    .where(and(eq(assetTypes.kommunenummer, kommunenummer), eq(assetTypes.code, typeCode)));
  if (!type) throw new Error(`no asset type ${typeCode} in ${kommunenummer}`);
  const batch = randomBytes(2).toString('hex');
  return db
    .insert(assets)
    .values(
      points.map((point, index) => ({
        kommunenummer,
        externalId: `${prefix}-${batch}-${String(index).padStart(4, '0')}`,
        typeId: type.id,
        name: `Storgata ${index + 1}`,
        ...point,
      })),
    )
    .returning();
}

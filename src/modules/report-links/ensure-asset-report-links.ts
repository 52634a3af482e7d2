// Every asset that gets a sticker needs a report link of its own: the place, the register's id and
// the type's likely categories filled in. Idempotent: an asset that already has an active link
// keeps it (and its printed stickers keep working); only assets without one get a new code. A
// switched-off link is not revived: its sticker was retired on purpose, so a reprint gets a new code.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { listCategories } from '../admin/category-queries.ts';
import { generateCode } from '../admin/create-report-link.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { reportLinks } from './schema.ts';

export interface AssetForLink {
  id: string;
  externalId: string;
  name: string;
  lat: number;
  lon: number;
  typeName: LocalizedText;
  suggestedCategories: string[];
}

export interface AssetLinks {
  /** Asset id → the code of its active link. */
  codes: Map<string, string>;
  created: number;
}

/** "Brannhydrant BH-0417 (Storgata 3)": what the form shows above itself. */
function labelFor(asset: AssetForLink): LocalizedText {
  const named = (typeName: string) => {
    const base = `${typeName} ${asset.externalId}`;
    return asset.name && asset.name !== asset.externalId ? `${base} (${asset.name})` : base;
  };
  const label: LocalizedText = { nb: named(asset.typeName.nb) };
  if (asset.typeName.nn) label.nn = named(asset.typeName.nn);
  if (asset.typeName.en) label.en = named(asset.typeName.en);
  return label;
}

async function activeLinks(tx: Transaction, kommunenummer: string, assetIds: string[]) {
  const rows = await tx
    .select({ assetId: reportLinks.assetId, code: reportLinks.code })
    .from(reportLinks)
    .where(
      and(
        eq(reportLinks.kommunenummer, kommunenummer),
        eq(reportLinks.active, true),
        inArray(reportLinks.assetId, assetIds),
      ),
    )
    .orderBy(asc(reportLinks.createdAt));
  const codes = new Map<string, string>();
  for (const row of rows) if (row.assetId && !codes.has(row.assetId)) codes.set(row.assetId, row.code);
  return codes;
}

export async function ensureAssetReportLinks(
  db: Database,
  kommunenummer: string,
  actorId: string | null,
  assets: readonly AssetForLink[],
): Promise<AssetLinks> {
  if (assets.length === 0) return { codes: new Map(), created: 0 };
  return db.transaction(async (tx) => {
    // Two runs over the same assets at once would each see "no link" and make two.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`asset-report-links:${kommunenummer}`}))`);
    const codes = await activeLinks(
      tx,
      kommunenummer,
      assets.map((a) => a.id),
    );
    const offered = new Set((await listCategories(tx, kommunenummer)).map((c) => c.code));
    let missing = assets.filter((a) => !codes.has(a.id));
    let created = 0;
    // A new code can collide with an existing one (31^8 codes, so rarely): those rows are skipped
    // by ON CONFLICT and tried again with fresh codes.
    for (let attempt = 0; missing.length > 0 && attempt < 5; attempt++) {
      const inserted = await tx
        .insert(reportLinks)
        .values(
          missing.map((asset) => ({
            code: generateCode(),
            kommunenummer,
            label: labelFor(asset),
            lat: asset.lat,
            lon: asset.lon,
            assetRef: asset.externalId,
            assetId: asset.id,
            suggestedCategories: asset.suggestedCategories.filter((code) => offered.has(code)),
          })),
        )
        .onConflictDoNothing({ target: reportLinks.code })
        .returning({ assetId: reportLinks.assetId, code: reportLinks.code });
      for (const row of inserted) if (row.assetId) codes.set(row.assetId, row.code);
      created += inserted.length;
      missing = missing.filter((a) => !codes.has(a.id));
    }
    if (missing.length > 0) throw new Error('could not find free report link codes');
    if (created > 0) {
      await recordAudit(tx, {
        kommunenummer,
        actorId,
        action: 'report_link.created_for_assets',
        entityType: 'municipality',
        entityId: kommunenummer,
        after: { created },
      });
    }
    return { codes, created };
  });
}

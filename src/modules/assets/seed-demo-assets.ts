// Loads a demo municipality's asset register, ties its demo QR stickers to the assets they are on,
// and gives one asset a history of reports. Like the rest of the demo seed it only adds what is
// missing: an asset an administrator changed, or a sticker moved to another asset, stays so.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Database, queryRows, type Transaction } from '../../db/client.ts';
import { categories } from '../categories/schema.ts';
import { reportLinks } from '../report-links/schema.ts';
import { createReferenceSequence, nextReferenceSql, norwegianYear } from '../reports/reference.ts';
import type { ReportStatus } from '../reports/statuses.ts';
import { createTrackingToken } from '../reports/tracking-token.ts';
import { assets, assetTypes } from './schema.ts';

export interface DemoAsset {
  externalId: string;
  /** Asset type code (the municipality has the default types, see seed-asset-types.ts). */
  type: string;
  name: string;
  location: { lat: number; lon: number };
  attributes: Record<string, string>;
}

export interface DemoAssetReport {
  externalId: string;
  category: string;
  daysAgo: number;
  status: ReportStatus;
  description: string;
}

export interface DemoAssetsResult {
  assets: number;
  linksTied: number;
  reports: number;
}

async function insertAssets(tx: Transaction, kommunenummer: string, list: readonly DemoAsset[]) {
  const types = await tx
    .select({ id: assetTypes.id, code: assetTypes.code })
    .from(assetTypes)
    .where(eq(assetTypes.kommunenummer, kommunenummer));
  const typeIds = new Map(types.map((t) => [t.code, t.id]));
  const rows = list.flatMap((asset) => {
    const typeId = typeIds.get(asset.type);
    return typeId
      ? [
          {
            kommunenummer,
            externalId: asset.externalId,
            typeId,
            name: asset.name,
            lat: asset.location.lat,
            lon: asset.location.lon,
            attributes: asset.attributes,
          },
        ]
      : [];
  });
  if (rows.length === 0) return 0;
  const added = await tx
    .insert(assets)
    .values(rows)
    .onConflictDoNothing({ target: [assets.kommunenummer, assets.externalId] })
    .returning({ id: assets.id });
  return added.length;
}

/** A demo sticker that names an asset's register id (asset_ref) and has no asset yet gets it. */
async function tieLinks(tx: Transaction, kommunenummer: string, linkCodes: readonly string[]) {
  if (linkCodes.length === 0) return 0;
  const tied = await tx
    .update(reportLinks)
    .set({
      assetId: sql`(select a.id from assets a
        where a.kommunenummer = ${kommunenummer} and a.external_id = ${reportLinks.assetRef})`,
    })
    .where(
      and(
        eq(reportLinks.kommunenummer, kommunenummer),
        inArray(reportLinks.code, [...linkCodes]),
        isNull(reportLinks.assetId),
        sql`exists (select 1 from assets a
          where a.kommunenummer = ${kommunenummer} and a.external_id = ${reportLinks.assetRef})`,
      ),
    )
    .returning({ id: reportLinks.id });
  return tied.length;
}

/**
 * The reports, written directly with their history already notified: a demo start sends no
 * receipts or team alerts. Skipped for an asset that has any report already.
 */
async function insertReports(tx: Transaction, kommunenummer: string, list: readonly DemoAssetReport[]) {
  let added = 0;
  const now = Date.now();
  for (const externalId of new Set(list.map((r) => r.externalId))) {
    const [asset] = await queryRows<{ id: string; lat: number; lon: number; name: string; reports: number }>(
      tx,
      sql`select a.id, a.lat, a.lon, a.name,
            (select count(*)::int from reports r where r.asset_id = a.id) as reports
          from assets a where a.kommunenummer = ${kommunenummer} and a.external_id = ${externalId}`,
    );
    if (!asset || asset.reports > 0) continue;
    for (const report of list.filter((r) => r.externalId === externalId)) {
      const [category] = await tx
        .select({ id: categories.id, teamId: categories.defaultTeamId })
        .from(categories)
        .where(and(eq(categories.kommunenummer, kommunenummer), eq(categories.code, report.category)));
      if (!category) continue;
      const createdAt = new Date(now - report.daysAgo * 86_400_000);
      const year = norwegianYear(createdAt);
      await createReferenceSequence(tx, kommunenummer, year);
      const id = randomUUID();
      const done = report.status !== 'mottatt';
      const doneAt = new Date(createdAt.getTime() + 2 * 86_400_000);
      await tx.execute(sql`
        insert into reports (id, ref, kommunenummer, category_id, status, channel, description, address,
          lat, lon, asset_ref, asset_id, tracking_token_hash, team_id, done_at, created_at, updated_at)
        values (${id}::uuid, ${nextReferenceSql(kommunenummer, year)}, ${kommunenummer}, ${category.id}::uuid,
          ${report.status}, 'qr', ${report.description}, ${asset.name}, ${asset.lat}, ${asset.lon},
          ${externalId}, ${asset.id}::uuid, ${createTrackingToken().hash},
          ${category.teamId}::uuid, ${done ? doneAt.toISOString() : null}::timestamptz,
          ${createdAt.toISOString()}::timestamptz, ${(done ? doneAt : createdAt).toISOString()}::timestamptz)`);
      await tx.execute(sql`
        insert into report_events (report_id, kind, public, status, actor, notified_at, created_at)
        values (${id}::uuid, 'received', true, 'mottatt', 'reporter', ${createdAt.toISOString()}::timestamptz,
          ${createdAt.toISOString()}::timestamptz)`);
      if (done) {
        await tx.execute(sql`
          insert into report_events (report_id, kind, public, status, actor, notified_at, created_at)
          values (${id}::uuid, 'status_changed', true, ${report.status}, 'system',
            ${doneAt.toISOString()}::timestamptz, ${doneAt.toISOString()}::timestamptz)`);
      }
      added++;
    }
  }
  return added;
}

export async function seedDemoAssets(
  db: Database,
  kommunenummer: string,
  data: { assets: readonly DemoAsset[]; linkCodes: readonly string[]; reports: readonly DemoAssetReport[] },
): Promise<DemoAssetsResult> {
  return db.transaction(async (tx) => ({
    assets: await insertAssets(tx, kommunenummer, data.assets),
    linksTied: await tieLinks(tx, kommunenummer, data.linkCodes),
    reports: await insertReports(tx, kommunenummer, data.reports),
  }));
}

/** Whether every demo asset is there with its stickers tied and its reports: one statement. */
export async function areDemoAssetsSeeded(
  db: Database,
  kommunenummer: string,
  data: { assets: readonly DemoAsset[]; linkCodes: readonly string[]; reports: readonly DemoAssetReport[] },
): Promise<boolean> {
  const ids = data.assets.map((a) => a.externalId);
  const reported = [...new Set(data.reports.map((r) => r.externalId))];
  const list = (values: readonly string[]) =>
    values.length === 0
      ? sql`(null)`
      : sql`(${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )})`;
  const [row] = await queryRows<{ a: number; l: number; r: number }>(
    db,
    sql`select
      (select count(*) from assets where kommunenummer = ${kommunenummer} and external_id in ${list(ids)})::int as a,
      (select count(*) from report_links where kommunenummer = ${kommunenummer} and code in ${list(data.linkCodes)}
         and asset_id is null)::int as l,
      (select count(distinct a.id) from assets a join reports r on r.asset_id = a.id
         where a.kommunenummer = ${kommunenummer} and a.external_id in ${list(reported)})::int as r`,
  );
  return row?.a === ids.length && row.l === 0 && row.r === reported.length;
}

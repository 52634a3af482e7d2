import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { categories, categoryGroups } from '../categories/schema.ts';
import { municipalities } from '../tenants/schema.ts';
import { type Box, publicPointInBox, publicPointSql } from './public-location.ts';
import { reportContacts, reportEvents, reports } from './schema.ts';
import type { ReportStatus } from './statuses.ts';

const publicPoint = publicPointSql({
  lat: reports.lat,
  lon: reports.lon,
  publicLocation: categories.publicLocation,
});

/**
 * The columns the public views are made from. Contact details are in another table and never
 * joined here. The exact place (address, lat, lon) is read for the reporter's own view; what anyone
 * else sees of the place comes from presentPlace (public-location.ts).
 */
const publicColumns = {
  id: reports.id,
  ref: reports.ref,
  kommunenummer: reports.kommunenummer,
  municipalityName: municipalities.name,
  defaultLanguage: municipalities.defaultLanguage,
  slug: municipalities.slug,
  categoryCode: categories.code,
  categoryName: categories.name,
  groupName: categoryGroups.name,
  publicDescription: categories.publicDescription,
  status: reports.status,
  acute: reports.acute,
  description: reports.description,
  address: reports.address,
  lat: reports.lat,
  lon: reports.lon,
  publicLocation: categories.publicLocation,
  publicLat: publicPoint.lat,
  publicLon: publicPoint.lon,
  dueAt: reports.dueAt,
  createdAt: reports.createdAt,
  updatedAt: reports.updatedAt,
  /** created_at exactly as PostgreSQL prints it, so a page cursor loses no microseconds. */
  cursorAt: sql<string>`${reports.createdAt}::text`,
  trackingTokenHash: reports.trackingTokenHash,
};

function publicReportQuery(db: Queryable) {
  return db
    .select(publicColumns)
    .from(reports)
    .innerJoin(categories, eq(reports.categoryId, categories.id))
    .innerJoin(categoryGroups, eq(categories.groupId, categoryGroups.id))
    .innerJoin(municipalities, eq(reports.kommunenummer, municipalities.kommunenummer));
}

export type PublicReportRow = Awaited<ReturnType<typeof findPublicReport>>;

export async function findPublicReport(db: Queryable, ref: string) {
  const rows = await publicReportQuery(db).where(eq(reports.ref, ref));
  return rows[0];
}

export async function listPublicEvents(db: Queryable, reportId: string) {
  return db
    .select({
      kind: reportEvents.kind,
      status: reportEvents.status,
      message: reportEvents.message,
      createdAt: reportEvents.createdAt,
    })
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, reportId), eq(reportEvents.public, true)))
    .orderBy(asc(reportEvents.id));
}

export async function findContact(db: Queryable, reportId: string) {
  const rows = await db.select().from(reportContacts).where(eq(reportContacts.reportId, reportId));
  return rows[0];
}

export interface PublicReportFilter {
  kommunenummer?: string | undefined;
  bbox?: Box | undefined;
  statuses?: readonly ReportStatus[] | undefined;
  categoryCode?: string | undefined;
  groupCode?: string | undefined;
  /** Keyset position: the (created_at, id) of the last row of the previous page. */
  after?: { createdAt: string; id: string } | undefined;
  limit: number;
}

export async function listPublicReports(db: Queryable, filter: PublicReportFilter) {
  const conditions: SQL[] = [];
  if (filter.kommunenummer) conditions.push(eq(reports.kommunenummer, filter.kommunenummer));
  if (filter.bbox) {
    // By the public point: a box can never find what the map does not show there.
    conditions.push(
      publicPointInBox(
        {
          lat: reports.lat,
          lon: reports.lon,
          location: reports.location,
          publicLocation: categories.publicLocation,
        },
        filter.bbox,
      ),
    );
  }
  if (filter.statuses && filter.statuses.length > 0)
    conditions.push(inArray(reports.status, [...filter.statuses]));
  if (filter.categoryCode) conditions.push(eq(categories.code, filter.categoryCode));
  if (filter.groupCode) conditions.push(eq(categoryGroups.code, filter.groupCode));
  if (filter.after) {
    conditions.push(
      sql`(${reports.createdAt}, ${reports.id}) < (${filter.after.createdAt}::timestamptz, ${filter.after.id}::uuid)`,
    );
  }
  return publicReportQuery(db)
    .where(and(...conditions))
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(filter.limit + 1);
}

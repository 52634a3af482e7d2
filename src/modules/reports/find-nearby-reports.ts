// "Already reported?": open reports of the same category close to a point, from the last 30
// days, nearest first. The GiST index on reports.location narrows by box; the exact distance
// (haversine, in metres) decides.
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { categories } from '../categories/schema.ts';
import { reports } from './schema.ts';
import { OPEN_STATUSES } from './statuses.ts';

export interface NearbyReport {
  ref: string;
  createdAt: Date;
  address: string | null;
  meters: number;
}

const EARTH_RADIUS_M = 6_371_000;

export function metersBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export async function findNearbyReports(
  db: Queryable,
  query: { kommunenummer: string; categoryCode: string; lat: number; lon: number; now?: Date },
): Promise<NearbyReport[]> {
  const [category] = await db
    .select({ radius: categories.nearbyRadiusMeters })
    .from(categories)
    .where(and(eq(categories.kommunenummer, query.kommunenummer), eq(categories.code, query.categoryCode)));
  if (!category) return [];
  const radius = category.radius;
  const dLat = radius / 111_320;
  const dLon = dLat / Math.max(Math.cos((query.lat * Math.PI) / 180), 0.01);
  const since = new Date((query.now ?? new Date()).getTime() - 30 * 24 * 3600_000);
  const rows = await db
    .select({
      ref: reports.ref,
      createdAt: reports.createdAt,
      address: reports.address,
      lat: reports.lat,
      lon: reports.lon,
    })
    .from(reports)
    .innerJoin(categories, eq(reports.categoryId, categories.id))
    .where(
      and(
        eq(reports.kommunenummer, query.kommunenummer),
        eq(categories.code, query.categoryCode),
        inArray(reports.status, [...OPEN_STATUSES]),
        gt(reports.createdAt, since),
        sql`${reports.location} <@ box(point(${query.lon - dLon}, ${query.lat - dLat}), point(${query.lon + dLon}, ${query.lat + dLat}))`,
      ),
    )
    .orderBy(sql`${reports.location} <-> point(${query.lon}, ${query.lat})`)
    .limit(20);
  return rows
    .map((r) => ({
      ref: r.ref,
      createdAt: r.createdAt,
      address: r.address,
      meters: Math.round(metersBetween(query, { lat: r.lat ?? 0, lon: r.lon ?? 0 })),
    }))
    .filter((r) => r.meters <= radius)
    .slice(0, 5);
}

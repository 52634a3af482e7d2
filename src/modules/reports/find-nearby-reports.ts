// "Already reported?": open reports of the same category close to a point, from the last 30
// days, nearest first. The GiST index on reports.location narrows by box; the exact distance
// (haversine, in metres) decides.
//
// For residents (`public`) the search measures to the place the public may see
// (public-location.ts): a category that shows only the area is measured to its cell's middle, one
// that hides the place is never suggested, and no address is shown unless the category shows it.
// Otherwise moving one's own point about and watching which reports appear, and how far away,
// would trace out the true place. Staff (the front desk) search the true places.
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { categories } from '../categories/schema.ts';
import { presentPlace, publicPointSql } from './public-location.ts';
import { reports } from './schema.ts';
import { OPEN_STATUSES } from './statuses.ts';

export interface NearbyReport {
  ref: string;
  createdAt: Date;
  address: string | null;
  meters: number;
}

const EARTH_RADIUS_M = 6_371_000;
/** More than any public point lies from its true point (a cell's half-diagonal), in metres. */
const PUBLIC_POINT_SLACK_M = 1_000;

export function metersBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export async function findNearbyReports(
  db: Queryable,
  query: {
    kommunenummer: string;
    categoryCode: string;
    lat: number;
    lon: number;
    now?: Date;
    /** `public`: the resident's review step; `staff`: the front desk, which may see true places. */
    audience: 'public' | 'staff';
  },
): Promise<NearbyReport[]> {
  const [category] = await db
    .select({ radius: categories.nearbyRadiusMeters })
    .from(categories)
    .where(and(eq(categories.kommunenummer, query.kommunenummer), eq(categories.code, query.categoryCode)));
  if (!category) return [];
  const radius = category.radius;
  const searched = query.audience === 'public' ? radius + PUBLIC_POINT_SLACK_M : radius;
  const dLat = searched / 111_320;
  const dLon = dLat / Math.max(Math.cos((query.lat * Math.PI) / 180), 0.01);
  const since = new Date((query.now ?? new Date()).getTime() - 30 * 24 * 3600_000);
  const publicPoint = publicPointSql({
    lat: reports.lat,
    lon: reports.lon,
    publicLocation: categories.publicLocation,
  });
  const rows = await db
    .select({
      ref: reports.ref,
      createdAt: reports.createdAt,
      address: reports.address,
      lat: reports.lat,
      lon: reports.lon,
      publicLocation: categories.publicLocation,
      publicLat: publicPoint.lat,
      publicLon: publicPoint.lon,
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
    .orderBy(
      query.audience === 'public'
        ? sql`point(${publicPoint.lon}, ${publicPoint.lat}) <-> point(${query.lon}, ${query.lat})`
        : sql`${reports.location} <-> point(${query.lon}, ${query.lat})`,
    )
    .limit(20);
  const view = query.audience === 'public' ? 'public' : 'full';
  return rows
    .flatMap((r) => {
      const place = presentPlace(r, view);
      if (!place.location) return [];
      return [
        {
          ref: r.ref,
          createdAt: r.createdAt,
          address: place.address,
          meters: Math.round(metersBetween(query, place.location)),
        },
      ];
    })
    .filter((r) => r.meters <= radius)
    .sort((a, b) => a.meters - b.meters)
    .slice(0, 5);
}

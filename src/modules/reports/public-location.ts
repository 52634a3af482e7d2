// Where the public may see a report: the one place that decides it, for every public path (the
// report's page and API, the list and map, the "already reported?" suggestions). Each category
// says how much of the place it shows (categories.public_location):
//
//   exact   the point and the address, as the reporter gave them;
//   coarse  the middle of the fixed grid cell of at least CELL_METERS × CELL_METERS that holds the
//           point, and no address. Snapping (not random noise) gives every request the same
//           answer, so many requests cannot be averaged back to the true point;
//   hidden  no place at all: no point, no address, and no bounding box or distance search finds it.
//
// The reporter, holding the tracking token, always sees their own place in full.
//
// The cell is computed in SQL, so that a bounding-box filter and a distance search compare the
// same public point the presenter shows and can never be used to probe the true one.
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { PublicLocation } from '../categories/schema.ts';

/** The side of a grid cell, at its narrowest: a true point lies within 250 m N/S and E/W of the middle. */
export const CELL_METERS = 500;
const METERS_PER_DEGREE_LAT = 111_320;
const CELL_DEGREES_LAT = CELL_METERS / METERS_PER_DEGREE_LAT;

function float(value: number): SQL {
  return sql.raw(`${value}::float8`);
}

/**
 * The middle of the cell holding (lat, lon). Rows of cells are CELL_METERS tall; each row's cells
 * are CELL_METERS wide at the row's edge nearest the pole (and so a little wider elsewhere), which
 * keeps every cell at least CELL_METERS across from Lindesnes to the North Cape.
 */
function cellMiddle(lat: SQL, lon: SQL): { lat: SQL<number>; lon: SQL<number> } {
  const size = float(CELL_DEGREES_LAT);
  const row = sql`floor(${lat} / ${size})`;
  const poleward = sql`least(89, greatest(abs(${row} * ${size}), abs((${row} + 1) * ${size})))`;
  const width = sql`(${float(CELL_METERS)} / (${float(METERS_PER_DEGREE_LAT)} * cos(radians(${poleward}))))`;
  return {
    lat: sql<number>`((${row} + 0.5) * ${size})`,
    lon: sql<number>`((floor(${lon} / ${width}) + 0.5) * ${width})`,
  };
}

/** The columns the public point is made from: the report's own point and its category's setting. */
export interface PlaceColumns {
  lat: AnyColumn;
  lon: AnyColumn;
  publicLocation: AnyColumn;
}

/** The point the public sees, as SQL: the exact point, the cell's middle, or null. */
export function publicPointSql(columns: PlaceColumns): { lat: SQL<number | null>; lon: SQL<number | null> } {
  const middle = cellMiddle(sql`${columns.lat}`, sql`${columns.lon}`);
  const pick = (exact: SQL, coarse: SQL) =>
    sql<
      number | null
    >`(case ${columns.publicLocation} when 'exact' then ${exact} when 'coarse' then ${coarse} end)`;
  return {
    lat: pick(sql`${columns.lat}`, middle.lat),
    lon: pick(sql`${columns.lon}`, middle.lon),
  };
}

/**
 * Farther than any public point lies from its true point, in degrees: used to widen a box so the
 * spatial index still narrows the search before the public point decides. A cell's half-width is
 * at most ~0.013° of longitude at 80° N; these margins are generous on purpose.
 */
const MARGIN_LAT = 0.01;
const MARGIN_LON = 0.05;

export interface Box {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/**
 * Reports whose public point lies in the box. The true point only narrows the search (through the
 * GiST index, on a box widened by more than a cell), so a tiny box around a true point finds nothing
 * that is not also public there. Hidden places have no public point and are never found.
 */
export function publicPointInBox(columns: PlaceColumns & { location: AnyColumn }, box: Box): SQL {
  const point = publicPointSql(columns);
  return sql`(${columns.location} <@ box(point(${box.minLon - MARGIN_LON}, ${box.minLat - MARGIN_LAT}), point(${box.maxLon + MARGIN_LON}, ${box.maxLat + MARGIN_LAT}))
    and point(${point.lon}, ${point.lat}) <@ box(point(${box.minLon}, ${box.minLat}), point(${box.maxLon}, ${box.maxLat})))`;
}

export interface PlaceRow {
  publicLocation: PublicLocation;
  address: string | null;
  lat: number | null;
  lon: number | null;
  /** publicPointSql's answer for the row. */
  publicLat: number | null;
  publicLon: number | null;
}

export interface PresentedPlace {
  location: { lat: number; lon: number; approximate: boolean } | null;
  address: string | null;
}

/**
 * The place as `view` allows. `full` is for the reporter (a request that proved the tracking
 * token) and for staff; everyone else gets `public`.
 */
export function presentPlace(row: PlaceRow, view: 'public' | 'full'): PresentedPlace {
  if (view === 'full' || row.publicLocation === 'exact') {
    return {
      location:
        row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon, approximate: false } : null,
      address: row.address,
    };
  }
  return {
    location:
      row.publicLat !== null && row.publicLon !== null
        ? { lat: row.publicLat, lon: row.publicLon, approximate: true }
        : null,
    address: null,
  };
}

// A notice's areas, as staff give them: a GeoJSON Polygon or MultiPolygon in WGS84, or a point
// and a radius in metres (made into a 64-vertex circle). Stored as one MultiPolygon with its
// bounding box, exterior rings counterclockwise and holes clockwise (RFC 7946 §3.1.6).
import type { ErrorDetail } from '../../shared/errors.ts';
import { bufferLine, checkLine, type Position } from './line-buffer.ts';
import { noticeMessages } from './notice-messages.ts';
import type { MultiPolygon } from './schema.ts';

export const MAX_POLYGONS = 20;
export const MAX_RINGS_PER_POLYGON = 10;
export const MAX_POINTS_PER_POLYGON = 2_000;
export const CIRCLE_VERTICES = 64;
export const MIN_RADIUS_METRES = 10;
export const MAX_RADIUS_METRES = 20_000;

/** Norway's mainland, Svalbard and Jan Mayen left out: a notice's area lies inside this box. */
export const NORWAY_BBOX = { minLat: 57.8, maxLat: 71.3, minLon: 4.0, maxLon: 31.3 } as const;

const EARTH_RADIUS_METRES = 6_371_008.8;

export type { Position };

export type AreaInput =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'Circle'; center: { lat: number; lon: number }; radiusMetres: number }
  | { type: 'LineString'; coordinates: Position[]; bufferMetres: number };

export interface Areas {
  areas: MultiPolygon;
  bbox: { minLat: number; minLon: number; maxLat: number; maxLon: number };
}

export type AreasResult = { ok: true; value: Areas } | { ok: false; errors: ErrorDetail[] };

function round(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/** A closed ring of CIRCLE_VERTICES vertices around the centre, counterclockwise. */
export function circlePolygon(center: { lat: number; lon: number }, radiusMetres: number): Position[][] {
  const angular = radiusMetres / EARTH_RADIUS_METRES;
  const lat1 = (center.lat * Math.PI) / 180;
  const lon1 = (center.lon * Math.PI) / 180;
  const ring: Position[] = [];
  for (let i = 0; i < CIRCLE_VERTICES; i++) {
    // Counterclockwise from east: bearing runs from 90° down through north.
    const bearing = Math.PI / 2 - (2 * Math.PI * i) / CIRCLE_VERTICES;
    const lat2 = Math.asin(
      Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing),
    );
    const lon2 =
      lon1 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
        Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
      );
    ring.push([round((lon2 * 180) / Math.PI), round((lat2 * 180) / Math.PI)]);
  }
  const first = ring[0];
  if (first) ring.push([...first]);
  return [ring];
}

/** Twice the signed area (shoelace) in degrees²: positive when counterclockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

function oriented(ring: Position[], counterclockwise: boolean): Position[] {
  const ccw = signedArea(ring) > 0;
  return ccw === counterclockwise ? ring : [...ring].reverse();
}

/** Checks the areas and returns them as one MultiPolygon with its bounding box, or why not. */
export function normalizeAreas(input: AreaInput): AreasResult {
  if (input.type === 'Circle') {
    const errors: ErrorDetail[] = [];
    if (!insideNorway(input.center.lon, input.center.lat)) {
      errors.push({ field: 'area.center', code: 'outside_norway', message: noticeMessages.outsideNorway() });
    }
    if (
      !Number.isFinite(input.radiusMetres) ||
      input.radiusMetres < MIN_RADIUS_METRES ||
      input.radiusMetres > MAX_RADIUS_METRES
    ) {
      errors.push({
        field: 'area.radiusMetres',
        code: 'radius_out_of_range',
        message: noticeMessages.radiusOutOfRange(MIN_RADIUS_METRES, MAX_RADIUS_METRES),
      });
    }
    if (errors.length > 0) return { ok: false, errors };
    return checkPolygons([circlePolygon(input.center, input.radiusMetres)], 'area');
  }
  if (input.type === 'LineString') {
    // A buffer along a line (line-buffer.ts): a capsule per segment, checked like drawn polygons.
    const errors: ErrorDetail[] = [];
    checkLine(input.coordinates, input.bufferMetres, 'area', errors);
    for (const position of input.coordinates) {
      const [lon = Number.NaN, lat = Number.NaN] = position;
      if (position.length !== 2 || !insideNorway(lon, lat)) {
        errors.push({
          field: 'area.coordinates',
          code: 'outside_norway',
          message: noticeMessages.outsideNorway(),
        });
        break;
      }
    }
    if (errors.length > 0) return { ok: false, errors };
    return checkPolygons(bufferLine(input.coordinates, input.bufferMetres), 'area');
  }
  if (input.type === 'Polygon') return checkPolygons([input.coordinates], 'area.coordinates', true);
  return checkPolygons(input.coordinates, 'area.coordinates');
}

function insideNorway(lon: number, lat: number): boolean {
  return (
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    lat >= NORWAY_BBOX.minLat &&
    lat <= NORWAY_BBOX.maxLat &&
    lon >= NORWAY_BBOX.minLon &&
    lon <= NORWAY_BBOX.maxLon
  );
}

function checkPolygons(polygons: Position[][][], base: string, single = false): AreasResult {
  const errors: ErrorDetail[] = [];
  const fail = (field: string, code: string, message: ErrorDetail['message']) => {
    errors.push({ field, code, message });
  };
  if (polygons.length === 0 || polygons.length > MAX_POLYGONS) {
    fail(base, 'polygon_count', noticeMessages.polygonCount(MAX_POLYGONS));
    return { ok: false, errors };
  }
  const bbox = { minLat: 90, minLon: 180, maxLat: -90, maxLon: -180 };
  const result: Position[][][] = [];
  for (const [p, polygon] of polygons.entries()) {
    const polygonPath = single ? base : `${base}.${p}`;
    if (polygon.length === 0 || polygon.length > MAX_RINGS_PER_POLYGON) {
      fail(polygonPath, 'ring_count', noticeMessages.ringCount(MAX_RINGS_PER_POLYGON));
      continue;
    }
    const points = polygon.reduce((sum, ring) => sum + ring.length, 0);
    if (points > MAX_POINTS_PER_POLYGON) {
      fail(polygonPath, 'too_many_points', noticeMessages.tooManyPoints(MAX_POINTS_PER_POLYGON));
      continue;
    }
    const rings: Position[][] = [];
    for (const [r, ring] of polygon.entries()) {
      const ringPath = `${polygonPath}.${r}`;
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4 || !first || !last) {
        fail(ringPath, 'ring_too_short', noticeMessages.ringTooShort());
        continue;
      }
      if (first[0] !== last[0] || first[1] !== last[1]) {
        fail(ringPath, 'ring_not_closed', noticeMessages.ringNotClosed());
        continue;
      }
      let outside = false;
      for (const position of ring) {
        const [lon = Number.NaN, lat = Number.NaN] = position;
        if (position.length !== 2 || !insideNorway(lon, lat)) {
          outside = true;
          break;
        }
        bbox.minLat = Math.min(bbox.minLat, lat);
        bbox.maxLat = Math.max(bbox.maxLat, lat);
        bbox.minLon = Math.min(bbox.minLon, lon);
        bbox.maxLon = Math.max(bbox.maxLon, lon);
      }
      if (outside) {
        fail(ringPath, 'outside_norway', noticeMessages.outsideNorway());
        continue;
      }
      if (signedArea(ring) === 0) {
        fail(ringPath, 'ring_without_area', noticeMessages.ringWithoutArea());
        continue;
      }
      rings.push(oriented(ring, r === 0));
    }
    result.push(rings);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { areas: { type: 'MultiPolygon', coordinates: result }, bbox } };
}

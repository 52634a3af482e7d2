// The area a sticker run covers: a bounding box or a GeoJSON polygon, checked before any query so
// a broken shape gets a 400 that says what is wrong rather than a 500 from deep inside turf.
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type StickerArea =
  | { bbox: [number, number, number, number] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface CheckedArea {
  /** West, south, east, north. */
  bbox: [number, number, number, number];
  polygon?: Polygon | MultiPolygon;
}

const MAX_POSITIONS = 10_000;

function checkPosition(position: Position): string | undefined {
  const [lon, lat] = position;
  if (position.length < 2 || typeof lon !== 'number' || typeof lat !== 'number')
    return 'a point is not [lon, lat]';
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return 'a point lies outside the world (lon −180…180, lat −90…90)';
  return undefined;
}

function checkRing(ring: Position[]): string | undefined {
  if (ring.length < 4) return 'a ring needs at least four points';
  for (const position of ring) {
    const problem = checkPosition(position);
    if (problem) return problem;
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
    return 'a ring must end where it starts';
  return undefined;
}

/** The area's bounding box and polygon, or why it cannot be used (English, for the message). */
export function checkArea(area: StickerArea): CheckedArea | string {
  if ('bbox' in area) {
    const [west, south, east, north] = area.bbox;
    const problem = checkPosition([west, south]) ?? checkPosition([east, north]);
    if (problem) return problem;
    if (west >= east || south >= north) return 'the box must be [west, south, east, north]';
    return { bbox: [west, south, east, north] };
  }
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  if (polygons.length === 0) return 'the polygon is empty';
  let positions = 0;
  const box: [number, number, number, number] = [180, 90, -180, -90];
  for (const rings of polygons) {
    if (rings.length === 0) return 'a polygon has no rings';
    for (const ring of rings) {
      const problem = checkRing(ring);
      if (problem) return problem;
      positions += ring.length;
      if (positions > MAX_POSITIONS) return `more than ${MAX_POSITIONS} points`;
      for (const [lon = 0, lat = 0] of ring) {
        box[0] = Math.min(box[0], lon);
        box[1] = Math.min(box[1], lat);
        box[2] = Math.max(box[2], lon);
        box[3] = Math.max(box[3], lat);
      }
    }
  }
  const polygon: Polygon | MultiPolygon =
    area.type === 'Polygon'
      ? { type: 'Polygon', coordinates: area.coordinates }
      : { type: 'MultiPolygon', coordinates: area.coordinates };
  return { bbox: box, polygon };
}

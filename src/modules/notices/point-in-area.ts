// Whether a point (an address) lies inside a notice's area: exact point-in-polygon by ray
// casting over the stored GeoJSON MultiPolygon, holes respected. Plain planar geometry on
// longitude/latitude is exact enough at a notice's scale (a few kilometres), and the same rule
// the database's bounding box prefilter uses. Points on an edge count as inside: a resident on
// the border of a shut-off should rather be told than not.
import type { MultiPolygon } from './schema.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

/** Whether `point` lies on the segment from a to b (within floating-point slack). */
function onSegment(x: number, y: number, a: number[], b: number[]): boolean {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  if (Math.abs(cross) > 1e-12) return false;
  return x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by);
}

type RingSide = 'inside' | 'outside' | 'edge';

/** Ray casting to the east: an odd number of crossings is inside. Closed or open rings alike. */
export function ringSide(point: LatLon, ring: number[][]): RingSide {
  const x = point.lon;
  const y = point.lat;
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i, i += 1) {
    const a = ring[i] ?? [];
    const b = ring[j] ?? [];
    if (onSegment(x, y, a, b)) return 'edge';
    const [ax = 0, ay = 0] = a;
    const [bx = 0, by = 0] = b;
    // Half-open on y so a ray through a vertex counts that vertex once.
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/** Inside the exterior ring (or on it) and not strictly inside a hole. */
export function pointInPolygon(point: LatLon, rings: number[][][]): boolean {
  const [exterior, ...holes] = rings;
  if (!exterior || ringSide(point, exterior) === 'outside') return false;
  return holes.every((hole) => ringSide(point, hole) !== 'inside');
}

export function pointInMultiPolygon(point: LatLon, area: MultiPolygon): boolean {
  return area.coordinates.some((polygon) => pointInPolygon(point, polygon));
}

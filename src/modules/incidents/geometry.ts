// The small geometry incidents need, on WGS84 points at a town's scale: distance (haversine),
// the middle of a cluster, and the area of a notice made from it — the convex hull of the
// reports' points buffered by a margin. Written here rather than pulling a GIS library into the
// server: a hull and a buffer of a few dozen points in a local metric plane is a page of code,
// and the notice areas module (notices/areas.ts) takes the resulting polygon like any drawn one.
import type { LatLon } from '../notices/point-in-area.ts';

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function distanceMeters(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function meanPoint(points: readonly LatLon[]): LatLon {
  const n = points.length || 1;
  return {
    lat: points.reduce((s, p) => s + p.lat, 0) / n,
    lon: points.reduce((s, p) => s + p.lon, 0) / n,
  };
}

/** Degrees of latitude and longitude a distance spans near `lat`: for bounding boxes. */
export function degreesFor(meters: number, lat: number): { dLat: number; dLon: number } {
  const dLat = meters / 111_320;
  const dLon = meters / (111_320 * Math.max(0.01, Math.cos(rad(lat))));
  return { dLat, dLon };
}

type Xy = [number, number];

/** Andrew's monotone chain: the hull counterclockwise, without repeating the first point. */
function convexHull(points: Xy[]): Xy[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const cross = (o: Xy, a: Xy, b: Xy) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Xy[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower.at(-2) as Xy, lower.at(-1) as Xy, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Xy[] = [];
  for (const p of sorted.reverse()) {
    while (upper.length >= 2 && cross(upper.at(-2) as Xy, upper.at(-1) as Xy, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/**
 * The hull of the points grown by `margin` metres, as one closed GeoJSON ring of [lon, lat],
 * counterclockwise. Buffering the hull is the hull of circles around its corners, so the corners'
 * circles (16 points each) are hulled again: one point gives a circle, two a rounded segment,
 * more a rounded polygon — every input point lies at least `margin` inside.
 */
export function bufferedHull(points: readonly LatLon[], margin: number): number[][] {
  if (points.length === 0) throw new Error('no points to hull');
  const origin = meanPoint(points);
  const mPerLat = 111_320;
  const mPerLon = 111_320 * Math.cos(rad(origin.lat));
  const local = points.map((p): Xy => [(p.lon - origin.lon) * mPerLon, (p.lat - origin.lat) * mPerLat]);
  const corners = convexHull(local);
  const steps = 16;
  // The circle's polygon lies inside the circle; stretched so its edges stay `margin` away.
  const radius = margin / Math.cos(Math.PI / steps);
  const grown: Xy[] = corners.flatMap(([x, y]) =>
    Array.from({ length: steps }, (_, i): Xy => {
      const angle = (2 * Math.PI * i) / steps;
      return [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
    }),
  );
  const ring = convexHull(grown).map(([x, y]) => [
    Math.round((origin.lon + x / mPerLon) * 1e6) / 1e6,
    Math.round((origin.lat + y / mPerLat) * 1e6) / 1e6,
  ]);
  const first = ring[0] as number[];
  return [...ring, [...first]];
}

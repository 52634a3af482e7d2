// The buffered hull a notice made from an incident covers: one point gives a circle, two a
// rounded segment, more a rounded polygon; every point lies at least the margin inside, and a
// point well outside stays out.
import { describe, expect, it } from 'vitest';
import { pointInMultiPolygon } from '../notices/point-in-area.ts';
import { bufferedHull, distanceMeters } from './geometry.ts';

const area = (ring: number[][]) => ({ type: 'MultiPolygon' as const, coordinates: [[ring]] });
/** A point `meters` north of p. */
const north = (p: { lat: number; lon: number }, meters: number) => ({
  lat: p.lat + meters / 111_320,
  lon: p.lon,
});

describe('bufferedHull', () => {
  const a = { lat: 59.14, lon: 9.66 };
  const b = { lat: 59.141, lon: 9.663 };
  const c = { lat: 59.139, lon: 9.664 };

  it('makes a circle around one point, a closed ring', () => {
    const ring = bufferedHull([a], 150);
    expect(ring[0]).toEqual(ring.at(-1));
    expect(pointInMultiPolygon(north(a, 140), area(ring))).toBe(true);
    expect(pointInMultiPolygon(north(a, 170), area(ring))).toBe(false);
  });

  it('covers the segment between two points and the margin around it', () => {
    const ring = bufferedHull([a, b], 150);
    const middle = { lat: (a.lat + b.lat) / 2, lon: (a.lon + b.lon) / 2 };
    for (const p of [a, b, middle, north(middle, 140)]) expect(pointInMultiPolygon(p, area(ring))).toBe(true);
    expect(pointInMultiPolygon(north(middle, 400), area(ring))).toBe(false);
  });

  it('covers every point of a cluster with the margin', () => {
    const ring = bufferedHull([a, b, c, a], 150);
    for (const p of [a, b, c]) {
      expect(pointInMultiPolygon(north(p, 140), area(ring))).toBe(true);
      expect(pointInMultiPolygon(north(p, -140), area(ring))).toBe(true);
    }
    expect(distanceMeters(a, b)).toBeGreaterThan(150);
  });
});

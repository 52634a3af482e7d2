// Point-in-polygon for "does this notice affect my address?": the cases a simple ray cast gets
// wrong if written carelessly: holes, vertices level with the point, edges, several polygons.
import { describe, expect, it } from 'vitest';
import { circlePolygon } from './areas.ts';
import { pointInMultiPolygon, pointInPolygon, ringSide } from './point-in-area.ts';
import type { MultiPolygon } from './schema.ts';

// A square 10.0–10.1 east, 59.0–59.1 north, with a square hole 10.04–10.06 / 59.04–59.06.
const square = [
  [10.0, 59.0],
  [10.1, 59.0],
  [10.1, 59.1],
  [10.0, 59.1],
  [10.0, 59.0],
];
const hole = [
  [10.04, 59.04],
  [10.04, 59.06],
  [10.06, 59.06],
  [10.06, 59.04],
  [10.04, 59.04],
];
const at = (lon: number, lat: number) => ({ lat, lon });

describe('point in a notice area', () => {
  it('finds a point inside and outside a plain square', () => {
    expect(pointInPolygon(at(10.02, 59.02), [square])).toBe(true);
    expect(pointInPolygon(at(10.2, 59.05), [square])).toBe(false);
    expect(pointInPolygon(at(9.9, 59.05), [square])).toBe(false);
    expect(pointInPolygon(at(10.05, 59.2), [square])).toBe(false);
  });

  it('leaves out a point in a hole, keeps one between the hole and the edge', () => {
    expect(pointInPolygon(at(10.05, 59.05), [square, hole])).toBe(false);
    expect(pointInPolygon(at(10.02, 59.05), [square, hole])).toBe(true);
    // On the hole's edge is still in the area (the border is not the hole).
    expect(pointInPolygon(at(10.04, 59.05), [square, hole])).toBe(true);
  });

  it('counts a point on the outer edge or a corner as inside', () => {
    expect(ringSide(at(10.0, 59.05), square)).toBe('edge');
    expect(pointInPolygon(at(10.0, 59.05), [square])).toBe(true);
    expect(pointInPolygon(at(10.1, 59.1), [square])).toBe(true);
  });

  it('is not fooled by a ray passing exactly through a vertex', () => {
    // A diamond: the ray east from its left corner's latitude passes through the right corner.
    const diamond = [
      [10.0, 59.05],
      [10.05, 59.0],
      [10.1, 59.05],
      [10.05, 59.1],
      [10.0, 59.05],
    ];
    expect(pointInPolygon(at(10.05, 59.05), [diamond])).toBe(true);
    expect(pointInPolygon(at(9.95, 59.05), [diamond])).toBe(false);
    // A concave ring with a vertex level with the point, to the east of it.
    const notch = [
      [10.0, 59.0],
      [10.1, 59.0],
      [10.05, 59.05],
      [10.1, 59.1],
      [10.0, 59.1],
      [10.0, 59.0],
    ];
    expect(pointInPolygon(at(10.02, 59.05), [notch])).toBe(true);
    expect(pointInPolygon(at(10.08, 59.05), [notch])).toBe(false);
  });

  it('checks every polygon of a MultiPolygon, and works on an unclosed ring', () => {
    const far = [
      [11.0, 60.0],
      [11.1, 60.0],
      [11.1, 60.1],
      [11.0, 60.0],
    ];
    const area: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square, hole], [far]] };
    expect(pointInMultiPolygon(at(11.09, 60.01), area)).toBe(true);
    expect(pointInMultiPolygon(at(10.05, 59.05), area)).toBe(false);
    expect(pointInMultiPolygon(at(12, 61), area)).toBe(false);
    expect(pointInMultiPolygon(at(10.02, 59.02), { type: 'MultiPolygon', coordinates: [] })).toBe(false);
  });

  it('matches a stored circle: its centre inside, a point 600 m away outside a 400 m one', () => {
    const circle: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [circlePolygon({ lat: 59.14, lon: 9.66 }, 400)],
    };
    expect(pointInMultiPolygon({ lat: 59.14, lon: 9.66 }, circle)).toBe(true);
    expect(pointInMultiPolygon({ lat: 59.14 + 600 / 111_195, lon: 9.66 }, circle)).toBe(false);
    expect(pointInMultiPolygon({ lat: 59.14 + 300 / 111_195, lon: 9.66 }, circle)).toBe(true);
  });
});

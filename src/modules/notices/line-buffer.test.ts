// The buffer along a line: places within the distance of any segment (ends and joints included)
// are inside, places farther away are not, and the input is bounded.
import { describe, expect, it } from 'vitest';
import { normalizeAreas } from './areas.ts';
import { MAX_BUFFER_METRES, MAX_LINE_POINTS } from './line-buffer.ts';
import { pointInMultiPolygon } from './point-in-area.ts';

const METRES_PER_DEGREE_LAT = 111_195;
const LAT = 59.14;
const METRES_PER_DEGREE_LON = METRES_PER_DEGREE_LAT * Math.cos((LAT * Math.PI) / 180);

/** A point `east` and `north` metres from (9.65, 59.14). */
function at(east: number, north: number) {
  return { lon: 9.65 + east / METRES_PER_DEGREE_LON, lat: LAT + north / METRES_PER_DEGREE_LAT };
}

// An L: 1 km east, then 500 m north.
const line = [at(0, 0), at(1000, 0), at(1000, 500)].map((p) => [p.lon, p.lat]);

function area(bufferMetres = 50) {
  const result = normalizeAreas({ type: 'LineString', coordinates: line, bufferMetres });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('a buffer along a line', () => {
  it('holds the places within the distance of the line, and not those farther away', () => {
    const { areas } = area(50);
    expect(areas.coordinates).toHaveLength(2);
    const inside = (east: number, north: number) => pointInMultiPolygon(at(east, north), areas);
    expect(inside(500, 0)).toBe(true); // on the line
    expect(inside(500, 45)).toBe(true); // beside it, both sides
    expect(inside(500, -45)).toBe(true);
    expect(inside(-45, 0)).toBe(true); // past the start: the round end
    expect(inside(1030, 530)).toBe(true); // past the far end, diagonally within 50 m (42 m)
    expect(inside(1035, -35)).toBe(true); // round the outside of the joint (49.5 m)
    expect(inside(500, 60)).toBe(false);
    expect(inside(500, -60)).toBe(false);
    expect(inside(-60, 0)).toBe(false);
    expect(inside(1040, -40)).toBe(false); // 56.6 m from the joint
    expect(inside(500, 250)).toBe(false); // inside the L, far from both legs
  });

  it('has a bounding box around the whole buffer', () => {
    const { bbox } = area(50);
    const sw = at(-50, -50);
    const ne = at(1050, 550);
    expect(bbox.minLon).toBeCloseTo(sw.lon, 4);
    expect(bbox.minLat).toBeCloseTo(sw.lat, 4);
    expect(bbox.maxLon).toBeCloseTo(ne.lon, 4);
    expect(bbox.maxLat).toBeCloseTo(ne.lat, 4);
  });

  it('refuses too few or too many points, a distance out of range, and places outside Norway', () => {
    const refused = (coordinates: number[][], bufferMetres: number) => {
      const result = normalizeAreas({ type: 'LineString', coordinates, bufferMetres });
      return result.ok ? [] : result.errors.map((e) => `${e.field} ${e.code}`);
    };
    expect(refused(line.slice(0, 1), 50)).toEqual(['area.coordinates line_points']);
    const long = Array.from({ length: MAX_LINE_POINTS + 1 }, (_, i) => [9.65 + i * 0.001, LAT]);
    expect(refused(long, 50)).toEqual(['area.coordinates line_points']);
    expect(refused(line, MAX_BUFFER_METRES + 1)).toEqual(['area.bufferMetres buffer_out_of_range']);
    expect(refused(line, 5)).toEqual(['area.bufferMetres buffer_out_of_range']);
    expect(
      refused(
        [
          [12.57, 55.68],
          [12.58, 55.68],
        ],
        50,
      ),
    ).toEqual(['area.coordinates outside_norway']);
  });
});

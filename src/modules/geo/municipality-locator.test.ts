import { readFile } from 'node:fs/promises';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMunicipalityLocator,
  COAST_TOLERANCE_METERS,
  DEFAULT_BOUNDARIES_FILE,
  loadMunicipalityLocator,
  type MunicipalityLocator,
} from './municipality-locator.ts';

let locator: MunicipalityLocator;
let collection: FeatureCollection;
/** Only exact point-in-polygon hits: proves a point lies outside every boundary. */
let strict: MunicipalityLocator;

function featureOf(kommunenummer: string): Feature<Polygon | MultiPolygon> {
  const feature = collection.features.find((f) => f.properties?.kommunenummer === kommunenummer);
  if (!feature) throw new Error(`No feature ${kommunenummer} in the boundary file`);
  return feature as Feature<Polygon | MultiPolygon>;
}

function polygonsOf(feature: Feature<Polygon | MultiPolygon>): Position[][][] {
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

/** The average of a polygon's outer-ring vertices (without the closing repeat). */
function vertexMean(rings: Position[][]): Position {
  const ring = (rings[0] ?? []).slice(0, -1);
  let sx = 0;
  let sy = 0;
  for (const [x = 0, y = 0] of ring) {
    sx += x;
    sy += y;
  }
  return [sx / ring.length, sy / ring.length];
}

beforeAll(async () => {
  locator = await loadMunicipalityLocator();
  collection = JSON.parse(await readFile(DEFAULT_BOUNDARIES_FILE, 'utf8')) as FeatureCollection;
  strict = buildMunicipalityLocator(collection, 0);
});

describe('loadMunicipalityLocator', () => {
  it('loads all 357 municipalities of the 2024 division', () => {
    expect(locator.size).toBe(357);
  });

  it.each([
    ['Porsgrunn', 59.14, 9.66, '4001'],
    ['Oslo city hall', 59.912, 10.734, '0301'],
    ['Skien centre', 59.2096, 9.6089, '4003'],
    ['Bergen, Torgallmenningen', 60.3929, 5.3241, '4601'],
    ['Tromsø, Storgata (on Tromsøya)', 69.6492, 18.9553, '5501'],
  ])('puts %s in the right municipality', (_place, lat, lon, kommunenummer) => {
    expect(locator.locate(lat, lon)?.kommunenummer).toBe(kommunenummer);
    // Inside the boundary itself, not merely near it.
    expect(strict.locate(lat, lon)?.kommunenummer).toBe(kommunenummer);
  });

  it('returns the name with the number', () => {
    expect(locator.locate(59.14, 9.66)).toEqual({ kommunenummer: '4001', name: 'Porsgrunn' });
  });

  it('finds a point on an island that is not the first polygon of a MultiPolygon (Tjøme in Færder)', () => {
    const faerder = featureOf('3911');
    expect(faerder.geometry.type).toBe('MultiPolygon');
    const point: Position = [10.42, 59.08];
    const parts = polygonsOf(faerder);
    const index = parts.findIndex((coordinates) =>
      booleanPointInPolygon(point, { type: 'Polygon', coordinates }),
    );
    // The setup must really pick a later polygon, or the test proves nothing about MultiPolygons.
    expect(index).toBeGreaterThan(0);
    expect(strict.locate(59.08, 10.42)).toEqual({ kommunenummer: '3911', name: 'Færder' });
  });

  it('indexes every polygon of every municipality, islands included', () => {
    let checked = 0;
    const misses: string[] = [];
    for (const feature of collection.features as Feature<Polygon | MultiPolygon>[]) {
      const expected = String(feature.properties?.kommunenummer);
      for (const coordinates of polygonsOf(feature)) {
        const [lon = 0, lat = 0] = vertexMean(coordinates);
        // Only polygons whose vertex mean lies inside them (convex enough) give a usable probe.
        if (!booleanPointInPolygon([lon, lat], { type: 'Polygon', coordinates })) continue;
        checked++;
        const found = strict.locate(lat, lon)?.kommunenummer;
        if (found !== expected) misses.push(`${expected} at ${lat},${lon} gave ${found}`);
      }
    }
    expect(checked).toBeGreaterThan(2000);
    expect(misses).toEqual([]);
  });

  it.each([
    ['Stockholm', 59.3293, 18.0686],
    ['the open North Sea', 58.0, 3.0],
    ['the Atlantic off Africa', 0, 0],
  ])('returns null for %s', (_place, lat, lon) => {
    expect(locator.locate(lat, lon)).toBeNull();
  });

  it.each([
    [Number.NaN, 9.66],
    [59.14, Number.NaN],
    [Number.POSITIVE_INFINITY, 9.66],
    [59.14, Number.NEGATIVE_INFINITY],
  ])('returns null for a non-finite coordinate (%s, %s)', (lat, lon) => {
    expect(locator.locate(lat, lon)).toBeNull();
  });

  it('gives names and boundaries by number', () => {
    expect(locator.nameOf('4001')).toBe('Porsgrunn');
    expect(locator.nameOf('0301')).toBe('Oslo');
    expect(locator.nameOf('9999')).toBeUndefined();
    const boundary = locator.boundaryOf('4001');
    expect(boundary?.type).toBe('Feature');
    expect(boundary?.properties?.kommunenummer).toBe('4001');
    expect(['Polygon', 'MultiPolygon']).toContain(boundary?.geometry.type);
    expect(booleanPointInPolygon([9.66, 59.14], boundary as Feature<Polygon | MultiPolygon>)).toBe(true);
    expect(locator.boundaryOf('9999')).toBeUndefined();
  });
});

describe('coast tolerance', () => {
  // Found from the data: 400 m out from a Porsgrunn coastline edge near Brevik, in the water.
  const harbour = { lat: 59.06884, lon: 9.70156 };
  // Langesundsbukta, in the Skagerrak: more than 5 km from every municipality's coastline.
  const offshore = { lat: 58.93, lon: 9.78 };

  it('is 1000 m by default', () => {
    expect(COAST_TOLERANCE_METERS).toBe(1000);
  });

  it('snaps a point in the water a few hundred metres off the shore to the nearest municipality', () => {
    // Outside every polygon: the boundaries are clipped to the coastline.
    expect(strict.locate(harbour.lat, harbour.lon)).toBeNull();
    const meters = pointToPolygonDistance([harbour.lon, harbour.lat], featureOf('4001').geometry, {
      units: 'meters',
    });
    expect(meters).toBeGreaterThan(200);
    expect(meters).toBeLessThan(COAST_TOLERANCE_METERS);
    expect(buildMunicipalityLocator(collection, 200).locate(harbour.lat, harbour.lon)).toBeNull();
    expect(locator.locate(harbour.lat, harbour.lon)).toEqual({ kommunenummer: '4001', name: 'Porsgrunn' });
  });

  it('picks the nearest municipality when two are within reach', () => {
    // The strait between Porsgrunn and Bamble: both shores within 1000 m, Porsgrunn's nearer.
    const strait = { lat: 59.03, lon: 9.744 };
    expect(strict.locate(strait.lat, strait.lon)).toBeNull();
    const toPorsgrunn = pointToPolygonDistance([strait.lon, strait.lat], featureOf('4001').geometry, {
      units: 'meters',
    });
    const toBamble = pointToPolygonDistance([strait.lon, strait.lat], featureOf('4012').geometry, {
      units: 'meters',
    });
    expect(toPorsgrunn).toBeLessThan(toBamble);
    expect(toBamble).toBeLessThan(COAST_TOLERANCE_METERS);
    expect(locator.locate(strait.lat, strait.lon)?.kommunenummer).toBe('4001');
  });

  it('does not snap a point more than 5 km offshore', () => {
    expect(strict.locate(offshore.lat, offshore.lon)).toBeNull();
    expect(locator.locate(offshore.lat, offshore.lon)).toBeNull();
    expect(buildMunicipalityLocator(collection, 5000).locate(offshore.lat, offshore.lon)).toBeNull();
    // The coast is within 10 km, so it really is the tolerance that keeps it out.
    expect(buildMunicipalityLocator(collection, 10_000).locate(offshore.lat, offshore.lon)).not.toBeNull();
  });
});

describe('buildMunicipalityLocator', () => {
  it('skips features without a four-digit number or a name and refuses an empty result', () => {
    const square: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [10, 60],
          [11, 60],
          [11, 61],
          [10, 61],
          [10, 60],
        ],
      ],
    };
    const bad: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { kommunenummer: '401', kommunenavn: 'X' }, geometry: square },
        { type: 'Feature', properties: { kommunenummer: '4001' }, geometry: square },
      ],
    };
    expect(() => buildMunicipalityLocator(bad)).toThrow(/no municipality polygons/);

    const good: FeatureCollection = {
      ...bad,
      features: [
        ...bad.features,
        { type: 'Feature', properties: { kommunenummer: '1234', name: 'Testvik' }, geometry: square },
      ],
    };
    const small = buildMunicipalityLocator(good);
    expect(small.size).toBe(1);
    expect(small.locate(60.5, 10.5)).toEqual({ kommunenummer: '1234', name: 'Testvik' });
    expect(small.nameOf('1234')).toBe('Testvik');
  });
});

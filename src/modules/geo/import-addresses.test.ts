import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ParsedLine, readAddressFile, toLonLat } from './import-addresses.ts';
import { PORSGRUNN_SAMPLE_FILE } from './local-addresses.ts';
import { loadMunicipalityLocator } from './municipality-locator.ts';

// Northing on the central meridian of a UTM zone, from the meridian arc of GRS80 (series to e⁶,
// sub-millimetre in Norway): an independent check of the proj4 conversion.
function utmNorthingOnCentralMeridian(latDegrees: number): number {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = 2 * f - f * f;
  const e4 = e2 * e2;
  const e6 = e4 * e2;
  const phi = (latDegrees * Math.PI) / 180;
  const m =
    a *
    ((1 - e2 / 4 - (3 * e4) / 64 - (5 * e6) / 256) * phi -
      ((3 * e2) / 8 + (3 * e4) / 32 + (45 * e6) / 1024) * Math.sin(2 * phi) +
      ((15 * e4) / 256 + (45 * e6) / 1024) * Math.sin(4 * phi) -
      ((35 * e6) / 3072) * Math.sin(6 * phi));
  return 0.9996 * m;
}

/** Distance in metres between two nearby lon/lat points. */
function metres([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const dy = (lat2 - lat1) * 111_320;
  const dx = (lon2 - lon1) * 111_320 * Math.cos((lat1 * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

async function readAll(file: string, defaultEpsg?: number): Promise<(ParsedLine & { line: number })[]> {
  const out: (ParsedLine & { line: number })[] = [];
  for await (const record of readAddressFile(file, defaultEpsg === undefined ? {} : { defaultEpsg }))
    out.push(record);
  return out;
}

describe('toLonLat', () => {
  it('converts UTM 32 and 33 (EUREF89) within a metre of the meridian-arc values', () => {
    for (const lat of [58.2, 59.14, 63.4, 69.6]) {
      const north = utmNorthingOnCentralMeridian(lat);
      const utm32 = toLonLat(25832, 500_000, north);
      const utm33 = toLonLat(25833, 500_000, north);
      expect(utm32 && metres(utm32, [9, lat])).toBeLessThan(1);
      expect(utm33 && metres(utm33, [15, lat])).toBeLessThan(1);
    }
  });

  it('converts off the central meridian so that the inverse lands on the same point', () => {
    const point = toLonLat(25832, 537_540.72, 6_555_848.05);
    expect(point).toBeDefined();
    const [east, north] = proj4(
      'WGS84',
      '+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs',
      point ?? [0, 0],
    );
    expect(Math.hypot((east ?? 0) - 537_540.72, (north ?? 0) - 6_555_848.05)).toBeLessThan(0.01);
    // Porsgrunn town centre, about Storgata.
    expect(metres(point ?? [0, 0], [9.6561, 59.1402])).toBeLessThan(1);
  });

  it('passes WGS84 and EUREF89 geographic through, and knows no other EPSG', () => {
    expect(toLonLat(4326, 9.6, 59.1)).toEqual([9.6, 59.1]);
    expect(toLonLat(4258, 9.6, 59.1)).toEqual([9.6, 59.1]);
    expect(toLonLat(3857, 1_000_000, 8_000_000)).toBeUndefined();
  });
});

describe('readAddressFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-addresses-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads Kartverket's CSV by its header, UTM 32 and 33 rows alike, and counts bad lines with reasons", async () => {
    const north = utmNorthingOnCentralMeridian(59.14);
    const file = path.join(dir, 'adresser.csv');
    await writeFile(
      file,
      [
        '\uFEFFlokalid;kommunenummer;kommunenavn;adressenavn;nummer;bokstav;adresseTekst;EPSG-kode;Nord;Øst;postnummer;poststed',
        `a-1;4001;Porsgrunn;Storgata;12;;Storgata 12;25832;${north};500000;3915;PORSGRUNN`,
        `a-2;3103;Moss;Kongens gate;3;B;;EPSG:25833;${north};500000;1530;MOSS`,
        'a-3;4001;Porsgrunn;Storgata;14;;Storgata 14;25832;abc;537000;3915;PORSGRUNN',
        'a-4;4001;Porsgrunn;Storgata;16;;Storgata 16;3857;6555000;537000;3915;PORSGRUNN',
        ';;Porsgrunn;;;;;25832;6555000;537000;3915;PORSGRUNN',
        'a-6;4001;Porsgrunn;Storgata;18;;Storgata 18;25832;1000;537000;3915;PORSGRUNN',
        '',
        '"a-7";"301";"Oslo";"Karl Johans gate";"1";"";"";"";"6649500";"262000";"0154";"OSLO"',
      ].join('\r\n'),
    );
    const records = await readAll(file);
    expect(records.map((r) => ('skip' in r ? r.skip : r.address.id))).toEqual([
      'a-1',
      'a-2',
      'bad_coordinates',
      'unknown_epsg',
      'missing_fields',
      'bad_coordinates',
      'a-7',
    ]);
    const [first, second, , , , , oslo] = records.map((r) => ('address' in r ? r.address : undefined));
    expect(first).toMatchObject({ kommunenummer: '4001', adressetekst: 'Storgata 12', postnummer: '3915' });
    expect(metres([first?.lon ?? 0, first?.lat ?? 0], [9, 59.14])).toBeLessThan(1);
    expect(second).toMatchObject({
      kommunenummer: '3103',
      adressetekst: 'Kongens gate 3B',
      poststed: 'MOSS',
    });
    expect(metres([second?.lon ?? 0, second?.lat ?? 0], [15, 59.14])).toBeLessThan(1);
    // No EPSG on the line: the default (25833) applies, and a 3-digit kommunenummer is padded.
    expect(oslo).toMatchObject({ id: 'a-7', kommunenummer: '0301', adressetekst: 'Karl Johans gate 1' });
    expect(records.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 9]);
  });

  it('takes --epsg as the default for lines without one, and hashes an id when there is no lokalid', async () => {
    const file = path.join(dir, 'no-epsg.csv');
    await writeFile(file, 'kommunenummer;adressetekst;Nord;Øst\n4001;Storgata 1;6555848.05;537540.72\n');
    const [record] = await readAll(file, 25832);
    if (!record || !('address' in record)) throw new Error('expected an address');
    expect(record.address.id).toMatch(/^h:[0-9a-f]{32}$/);
    expect(metres([record.address.lon, record.address.lat], [9.6561, 59.1402])).toBeLessThan(1);
  });

  it('refuses a CSV whose header names no coordinates', async () => {
    const file = path.join(dir, 'bad-header.csv');
    await writeFile(file, 'a;b;c\n1;2;3\n');
    await expect(readAll(file)).rejects.toThrow(/header/);
  });

  it('reads a GeoJSON FeatureCollection in WGS84, or in the CRS it names', async () => {
    const feature = (coordinates: unknown, properties: Record<string, unknown>) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties,
    });
    const wgs84 = path.join(dir, 'adresser.geojson');
    await writeFile(
      wgs84,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          feature([9.6561, 59.1402], {
            lokalid: 'g-1',
            kommunenummer: '4001',
            adressenavn: 'Storgata',
            nummer: 12,
            postnummer: '3915',
            poststed: 'PORSGRUNN',
          }),
          feature([9.6561], { lokalid: 'g-2', kommunenummer: '4001', adressetekst: 'Storgata 2' }),
          feature([9.6561, 59.1402], { lokalid: 'g-3' }),
        ],
      }),
    );
    const records = await readAll(wgs84);
    expect(records).toEqual([
      {
        line: 1,
        address: {
          id: 'g-1',
          kommunenummer: '4001',
          adressetekst: 'Storgata 12',
          postnummer: '3915',
          poststed: 'PORSGRUNN',
          lat: 59.1402,
          lon: 9.6561,
        },
      },
      { line: 2, skip: 'bad_coordinates' },
      { line: 3, skip: 'missing_fields' },
    ]);

    const utm = path.join(dir, 'adresser-utm.json');
    await writeFile(
      utm,
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
        features: [feature([537540.72, 6555848.05], { kommunenummer: '4001', adressetekst: 'Storgata 1' })],
      }),
    );
    const [point] = await readAll(utm);
    if (!point || !('address' in point)) throw new Error('expected an address');
    expect(metres([point.address.lon, point.address.lat], [9.6561, 59.1402])).toBeLessThan(1);
  });

  it('reads the Porsgrunn sample: every point inside Porsgrunn', async () => {
    const locator = await loadMunicipalityLocator();
    const records = await readAll(PORSGRUNN_SAMPLE_FILE);
    expect(records.length).toBeGreaterThan(200);
    for (const record of records) {
      if (!('address' in record)) throw new Error(`line ${record.line} skipped: ${record.skip}`);
      expect(locator.locate(record.address.lat, record.address.lon)?.kommunenummer).toBe('4001');
    }
  });
});

// The streaming GeoJSON scanner, fed in pieces as small as one character: features come out one
// at a time with their own text, whatever a string holds (braces, brackets, escaped quotes, keys
// named like ours), the crs member is picked out wherever it is in the root object, and a file
// that is not a FeatureCollection or is cut off is named as such.
import { describe, expect, it } from 'vitest';
import { GeoJsonShapeError, type ScanEvent, scanFeatureCollection } from './geojson-scanner.ts';

async function scan(text: string, size: number, max?: number): Promise<ScanEvent[]> {
  async function* pieces() {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }
  const events: ScanEvent[] = [];
  for await (const event of scanFeatureCollection(pieces(), max)) events.push(event);
  return events;
}

const tricky = {
  type: 'Feature',
  properties: { id: 'A"}]{[', note: 'features: [ "crs" ]\\', nested: { features: [1, 2], crs: {} } },
  geometry: { type: 'Point', coordinates: [1, 2] },
};
const plain = { type: 'Feature', properties: { id: 'B' }, geometry: { type: 'Point', coordinates: [3, 4] } };
const collection = `\uFEFF{ "type" : "FeatureCollection", "bbox": [0, 0, 1, 1], "name": "features",
  "crs": {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25833"}},
  "features" : [ ${JSON.stringify(tricky)} ,\n${JSON.stringify(plain)} ], "trailing": {"a": [1]} }\n`;

describe('scanFeatureCollection', () => {
  it.each([1, 2, 7, 64, 100_000])('reads the crs and each feature whole, in pieces of %i', async (size) => {
    const events = await scan(collection, size);
    expect(events).toEqual([
      { kind: 'crs', value: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25833' } } },
      { kind: 'feature', number: 1, text: JSON.stringify(tricky) },
      { kind: 'feature', number: 2, text: JSON.stringify(plain) },
    ]);
  });

  it('counts a feature over the limit without keeping it, and goes on', async () => {
    const big = { ...plain, properties: { id: 'C', text: 'x'.repeat(500) } };
    const text = `{"type":"FeatureCollection","features":[${JSON.stringify(big)},${JSON.stringify(plain)}]}`;
    expect(await scan(text, 50, 200)).toEqual([
      { kind: 'too_large', number: 1 },
      { kind: 'feature', number: 2, text: JSON.stringify(plain) },
    ]);
  });

  it('names a file that is no object, has no features, or is cut off', async () => {
    await expect(scan('id;x;y\n', 4)).rejects.toEqual(new GeoJsonShapeError('not_object'));
    await expect(scan(JSON.stringify(plain), 4)).rejects.toEqual(new GeoJsonShapeError('no_features'));
    await expect(scan(collection.slice(0, 200), 4)).rejects.toEqual(new GeoJsonShapeError('truncated'));
    await expect(scan('  ', 4)).rejects.toEqual(new GeoJsonShapeError('not_object'));
  });
});

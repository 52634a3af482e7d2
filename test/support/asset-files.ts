// Asset files for import tests: points in EUREF89 UTM 32 inside Porsgrunn (4001) and one in
// Skien (4003), written as a GeoJSON FeatureCollection with a crs member, or as CSV.
import { writeFile } from 'node:fs/promises';

/** EUREF89 UTM 32 (east, north): each inside Porsgrunn (checked against the shipped boundaries). */
export const PORSGRUNN_UTM32: readonly [number, number][] = [
  [537000, 6553000],
  [538500, 6551000],
  [537500, 6552500],
  [537200, 6552800],
];
/** In Skien, next door. */
export const SKIEN_UTM32: [number, number] = [534000, 6555000];
/** WGS84 (lon, lat) inside Porsgrunn. */
export const PORSGRUNN_LONLAT: readonly [number, number][] = [
  [9.6462, 59.1147],
  [9.672, 59.0966],
];

export interface FeatureSpec {
  id?: string;
  type?: string;
  name?: string;
  at: readonly [number, number];
  properties?: Record<string, unknown>;
  geometryType?: string;
}

/** A FeatureCollection naming its coordinate system the way QGIS and GDAL write it. */
export function geoJsonText(features: readonly FeatureSpec[], epsg: number | null = 25832): string {
  const crs =
    epsg === null ? '' : `"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${epsg}"}},\n`;
  const lines = features.map((f) =>
    JSON.stringify({
      type: 'Feature',
      properties: {
        ...(f.id === undefined ? {} : { id: f.id }),
        ...(f.type === undefined ? {} : { type: f.type }),
        ...(f.name === undefined ? {} : { navn: f.name }),
        ...f.properties,
      },
      geometry: { type: f.geometryType ?? 'Point', coordinates: [...f.at] },
    }),
  );
  return `{"type":"FeatureCollection",\n${crs}"features":[\n${lines.join(',\n')}\n]}\n`;
}

export async function writeGeoJson(
  file: string,
  features: readonly FeatureSpec[],
  epsg: number | null = 25832,
) {
  await writeFile(file, geoJsonText(features, epsg));
}

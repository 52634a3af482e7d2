// Reads an uploaded GeoJSON file in the browser (nothing is sent until the notice is saved) and
// keeps only its polygons, as one MultiPolygon's coordinates. The server checks them again
// (areas.ts: inside Norway, closed rings, size limits).
import type { Polygons } from './AreaMap.tsx';

/** Far above the server's 20 × 2,000 points; stops a wrong file from freezing the tab. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function polygonsOf(value: unknown, into: Polygons): void {
  if (!isRecord(value)) return;
  switch (value.type) {
    case 'FeatureCollection':
      if (Array.isArray(value.features)) for (const feature of value.features) polygonsOf(feature, into);
      return;
    case 'Feature':
      polygonsOf(value.geometry, into);
      return;
    case 'GeometryCollection':
      if (Array.isArray(value.geometries)) for (const g of value.geometries) polygonsOf(g, into);
      return;
    case 'Polygon':
      if (Array.isArray(value.coordinates)) into.push(value.coordinates as number[][][]);
      return;
    case 'MultiPolygon':
      if (Array.isArray(value.coordinates)) into.push(...(value.coordinates as number[][][][]));
      return;
    default:
      return;
  }
}

/** The file's polygons, or null when it is not JSON or has none. */
export async function readGeoJsonPolygons(file: File): Promise<Polygons | null> {
  if (file.size > MAX_FILE_BYTES) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    return null;
  }
  const polygons: Polygons = [];
  polygonsOf(parsed, polygons);
  return polygons.length > 0 ? polygons : null;
}

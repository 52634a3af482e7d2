// Which municipality is a point in? Answered in TypeScript over all 357 boundaries: an R-tree
// (flatbush) over each polygon's bounding box narrows the candidates, then an exact
// point-in-polygon test decides. Loaded once at start-up (~3 MB of GeoJSON).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export const DEFAULT_BOUNDARIES_FILE = fileURLToPath(
  new URL('../../../resources/geo/kommuner-2024.geojson', import.meta.url),
);

export interface MunicipalityRef {
  kommunenummer: string;
  name: string;
}

interface BoundaryPolygon {
  municipality: MunicipalityRef;
  polygon: Polygon;
}

export interface MunicipalityLocator {
  /**
   * The municipality containing the point, or the nearest one within `coastToleranceMeters`
   * (boundaries are clipped to the coastline, and a quay or a boat in the harbour is still
   * the municipality's business). Null when the point is not in Norway.
   */
  locate(lat: number, lon: number): MunicipalityRef | null;
  /** Name of a municipality by its number, from the boundary data. */
  nameOf(kommunenummer: string): string | undefined;
  /** The boundary of one municipality, for maps and checks. */
  boundaryOf(kommunenummer: string): Feature<Polygon | MultiPolygon> | undefined;
  readonly size: number;
}

/** Default distance off the coastline that still counts as the nearest municipality. */
export const COAST_TOLERANCE_METERS = 1000;

function bbox(ring: Position[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x = 0, y = 0] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

export function buildMunicipalityLocator(
  collection: FeatureCollection,
  coastToleranceMeters = COAST_TOLERANCE_METERS,
): MunicipalityLocator {
  const polygons: BoundaryPolygon[] = [];
  const features = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const feature of collection.features) {
    const props = feature.properties ?? {};
    const kommunenummer = String(props.kommunenummer ?? '');
    const name = String(props.kommunenavn ?? props.name ?? '');
    if (!/^\d{4}$/.test(kommunenummer) || !name) continue;
    const geometry = feature.geometry;
    const municipality = { kommunenummer, name };
    if (geometry.type === 'Polygon') {
      polygons.push({ municipality, polygon: geometry });
    } else if (geometry.type === 'MultiPolygon') {
      for (const coordinates of geometry.coordinates) {
        polygons.push({ municipality, polygon: { type: 'Polygon', coordinates } });
      }
    } else {
      continue;
    }
    features.set(kommunenummer, feature as Feature<Polygon | MultiPolygon>);
  }
  if (polygons.length === 0) throw new Error('The boundary file holds no municipality polygons');

  const index = new Flatbush(polygons.length);
  for (const { polygon } of polygons) {
    const [minX, minY, maxX, maxY] = bbox(polygon.coordinates[0] ?? []);
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();

  // Degrees of latitude per metre; longitude degrees shrink with latitude, so widen by 1/cos(lat).
  const metersToLatDegrees = (m: number) => m / 111_320;

  return {
    size: features.size,
    locate(lat, lon) {
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
      const point: Position = [lon, lat];
      for (const i of index.search(lon, lat, lon, lat)) {
        const candidate = polygons[i];
        if (candidate && booleanPointInPolygon(point, candidate.polygon)) return candidate.municipality;
      }
      if (coastToleranceMeters <= 0) return null;
      const dLat = metersToLatDegrees(coastToleranceMeters);
      const dLon = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
      let nearest: { municipality: MunicipalityRef; meters: number } | undefined;
      for (const i of index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
        const candidate = polygons[i];
        if (!candidate) continue;
        const meters = pointToPolygonDistance(point, candidate.polygon, { units: 'meters' });
        if (meters <= coastToleranceMeters && (!nearest || meters < nearest.meters)) {
          nearest = { municipality: candidate.municipality, meters };
        }
      }
      return nearest?.municipality ?? null;
    },
    nameOf(kommunenummer) {
      const props = features.get(kommunenummer)?.properties;
      return props ? String(props.kommunenavn ?? props.name) : undefined;
    },
    boundaryOf(kommunenummer) {
      return features.get(kommunenummer);
    },
  };
}

export async function loadMunicipalityLocator(file = DEFAULT_BOUNDARIES_FILE): Promise<MunicipalityLocator> {
  const collection = JSON.parse(await readFile(file, 'utf8')) as FeatureCollection;
  return buildMunicipalityLocator(collection);
}

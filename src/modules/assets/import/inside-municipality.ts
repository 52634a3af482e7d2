// Is a point the municipality's? The locator answers for all of Norway, trying neighbours'
// polygons and, off the coastline, measuring distances: about 2 ms a point near the shore. An
// asset register's points are almost all on the municipality's own land, so its own boundary is
// asked first (microseconds), and the locator only for the rest (a quay, a point in a fjord).
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MunicipalityLocator } from '../../geo/municipality-locator.ts';

export function insideMunicipality(
  locator: MunicipalityLocator,
  kommunenummer: string,
): (lat: number, lon: number) => boolean {
  const boundary = locator.boundaryOf(kommunenummer);
  return (lat, lon) => {
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return false;
    if (boundary && booleanPointInPolygon([lon, lat], boundary)) return true;
    return locator.locate(lat, lon)?.kommunenummer === kommunenummer;
  };
}

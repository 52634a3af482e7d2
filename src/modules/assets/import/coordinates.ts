// Coordinate systems an asset file may use, and the way to WGS84. Norway's registers are in
// EUREF89 UTM 32 or 33 (some in 35), a few in WGS84 UTM or plain longitude/latitude.
import proj4, { type Converter } from 'proj4';
import { toLonLat } from '../../geo/import-addresses.ts';

/** EPSG codes we can read: WGS84, EUREF89 (geographic), EUREF89 UTM 31–36, WGS84 UTM 31–36. */
export const ASSET_EPSG: readonly number[] = [
  4326, 4258, 25831, 25832, 25833, 25834, 25835, 25836, 32631, 32632, 32633, 32634, 32635, 32636,
];

export function isSupportedEpsg(epsg: number): boolean {
  return ASSET_EPSG.includes(epsg);
}

/** True for EPSG codes whose coordinates are longitude/latitude in degrees. */
export function isGeographic(epsg: number): boolean {
  return epsg === 4326 || epsg === 4258;
}

// Parsing a projection definition costs more than converting a point: one converter per zone.
const converters = new Map<number, Converter>();

function utmConverter(epsg: number): Converter {
  let converter = converters.get(epsg);
  if (!converter) {
    const zone = epsg % 100;
    // EUREF89 (258xx) is tied to WGS84 within a metre here, as the address import takes it.
    const datum = epsg >= 32600 ? '+datum=WGS84' : '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0';
    converter = proj4(`+proj=utm +zone=${zone} ${datum} +units=m +no_defs`, 'WGS84');
    converters.set(epsg, converter);
  }
  return converter;
}

/** [lon, lat] in WGS84, or undefined when the EPSG is not one we read or the numbers are not finite. */
export function assetLonLat(epsg: number, x: number, y: number): [number, number] | undefined {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  if ((epsg >= 32631 && epsg <= 32636) || (epsg >= 25831 && epsg <= 25836)) {
    const [lon, lat] = utmConverter(epsg).forward([x, y]);
    return lon === undefined || lat === undefined ? undefined : [lon, lat];
  }
  // Geographic (4326, 4258): as the address import reads them.
  return toLonLat(epsg, x, y);
}

/**
 * The EPSG code a GeoJSON `crs` member names (`urn:ogc:def:crs:EPSG::25832`, `EPSG:25832`,
 * `…/EPSG/0/25832`, or OGC's CRS84 for longitude/latitude); undefined when it names none we can
 * read a number from.
 */
export function epsgOfCrsMember(crs: unknown): number | undefined {
  const name = (crs as { properties?: { name?: unknown } } | null | undefined)?.properties?.name;
  if (typeof name !== 'string') return undefined;
  if (/CRS:?84$/i.test(name)) return 4326;
  const match = /EPSG(?::+|\/\d+\/)(\d{4,5})$/i.exec(name.trim());
  return match ? Number(match[1]) : undefined;
}

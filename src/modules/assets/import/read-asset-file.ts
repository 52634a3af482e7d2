// Reads an asset file as a stream, one record at a time: a GeoJSON FeatureCollection of points
// (features picked out by geojson-scanner.ts) or a CSV file with a header line (csv-parse). Each
// record comes out with its number (the CSV line, or the feature's place in the collection), the
// fields we know by name, and everything else as attributes. Checking is import-assets' job.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { withoutControlCharacters } from '../../../shared/text.ts';
import { AssetFileError, type RejectReason } from './asset-import-texts.ts';
import { epsgOfCrsMember, isSupportedEpsg } from './coordinates.ts';
import { GeoJsonShapeError, scanFeatureCollection } from './geojson-scanner.ts';

export interface RawAsset {
  /** CSV: the line in the file (1 is the header); GeoJSON: the feature's number, from 1. */
  line: number;
  externalId?: string;
  type?: string;
  name?: string;
  x?: number;
  y?: number;
  /** Undefined when the file does not say (plain x/y columns and no --epsg). */
  epsg: number | undefined;
  attributes: Record<string, string>;
  /** Set when the record cannot be read at all. */
  problem?: { reason: RejectReason; value?: string };
}

export type AssetFileFormat = 'geojson' | 'csv';

const MAX_ATTRIBUTES = 50;
const MAX_ATTRIBUTE_KEY = 60;
export const MAX_ATTRIBUTE_VALUE = 500;
const MAX_CSV_RECORD = 64 * 1024;

/** Lower case, Norwegian letters folded, only a–z and digits: `Ekstern_ID` and `eksternid` match. */
function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('ø', 'o')
    .replaceAll('æ', 'ae')
    .replaceAll('å', 'a')
    .replace(/[^a-z0-9]/g, '');
}

const ID_NAMES = ['externalid', 'eksternid', 'id', 'objektid', 'anleggsid', 'lokalid', 'fid'];
const TYPE_NAMES = ['type', 'anleggstype', 'assettype', 'typekode'];
const NAME_NAMES = ['name', 'navn', 'betegnelse'];
const X_NAMES = ['x', 'lon', 'lng', 'longitude', 'lengdegrad', 'east', 'easting', 'ost', 'ostkoordinat'];
const Y_NAMES = ['y', 'lat', 'latitude', 'breddegrad', 'north', 'northing', 'nord', 'nordkoordinat'];
const GEOGRAPHIC_X = new Set(['lon', 'lng', 'longitude', 'lengdegrad']);

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value !== null && typeof value === 'object') {
    // JSON.parse reads any depth, JSON.stringify recurses: a property nested some 100,000 deep
    // (well inside a feature's size limit) throws RangeError here. Such a property is left out.
    try {
      return JSON.stringify(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** Picks the known fields out of a record's properties; the rest become bounded attributes. */
function splitProperties(
  properties: Record<string, unknown>,
  skip: ReadonlySet<string> = new Set(),
): Pick<RawAsset, 'externalId' | 'type' | 'name' | 'attributes'> {
  const byName = new Map<string, string>();
  for (const key of Object.keys(properties)) {
    const normalized = normalizeName(key);
    if (!byName.has(normalized)) byName.set(normalized, key);
  }
  const used = new Set<string>(skip);
  const pick = (names: string[]): string | undefined => {
    for (const name of names) {
      const key = byName.get(name);
      if (key !== undefined && asText(properties[key]) !== undefined) {
        used.add(key);
        return asText(properties[key]);
      }
    }
    return undefined;
  };
  const externalId = pick(ID_NAMES);
  const type = pick(TYPE_NAMES);
  const name = pick(NAME_NAMES);
  const attributes: Record<string, string> = {};
  let count = 0;
  for (const [key, value] of Object.entries(properties)) {
    if (used.has(key) || count >= MAX_ATTRIBUTES) continue;
    const raw = asText(value);
    const text = raw === undefined ? undefined : withoutControlCharacters(raw, true);
    const k = withoutControlCharacters(key.trim(), true).slice(0, MAX_ATTRIBUTE_KEY);
    if (text === undefined || k === '') continue;
    attributes[k] = text.length > MAX_ATTRIBUTE_VALUE ? `${text.slice(0, MAX_ATTRIBUTE_VALUE - 1)}…` : text;
    count += 1;
  }
  return {
    ...(externalId === undefined ? {} : { externalId }),
    ...(type === undefined ? {} : { type }),
    ...(name === undefined ? {} : { name }),
    attributes,
  };
}

// ------------------------------------------------------------------------------------ GeoJSON

/** One feature's text as a record. */
export function featureRecord(number: number, text: string, epsg: number | undefined): RawAsset {
  let feature: { id?: unknown; geometry?: unknown; properties?: unknown };
  try {
    feature = JSON.parse(text) as typeof feature;
  } catch {
    return { line: number, epsg, attributes: {}, problem: { reason: 'unreadable' } };
  }
  const properties =
    feature.properties && typeof feature.properties === 'object' && !Array.isArray(feature.properties)
      ? (feature.properties as Record<string, unknown>)
      : {};
  const split = splitProperties(properties);
  if (split.externalId === undefined && asText(feature.id) !== undefined)
    split.externalId = asText(feature.id);
  const record: RawAsset = { line: number, epsg, ...split };
  const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (geometry?.type !== 'Point') {
    record.problem = {
      reason: 'notPoint',
      value:
        typeof geometry?.type === 'string'
          ? withoutControlCharacters(geometry.type.slice(0, 60), false)
          : 'null',
    };
    return record;
  }
  const coordinates = Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
  const x = asNumber(coordinates[0]);
  const y = asNumber(coordinates[1]);
  if (x !== undefined) record.x = x;
  if (y !== undefined) record.y = y;
  return record;
}

async function* geoJsonRecords(chunks: AsyncIterable<string>, epsgOption: number | undefined) {
  // RFC 7946: GeoJSON without a crs member is longitude/latitude (WGS84).
  let epsg = epsgOption ?? 4326;
  let featuresSeen = false;
  try {
    for await (const event of scanFeatureCollection(chunks)) {
      if (event.kind === 'crs') {
        if (epsgOption !== undefined) continue;
        const named = epsgOfCrsMember(event.value);
        const label = JSON.stringify(event.value)?.slice(0, 120);
        if (named === undefined || !isSupportedEpsg(named))
          throw new AssetFileError('unsupportedCrs', named === undefined ? label : `EPSG:${named}`);
        // A crs after the features would have changed how they were read: refuse rather than guess.
        if (featuresSeen && named !== epsg) throw new AssetFileError('unsupportedCrs', `EPSG:${named}`);
        epsg = named;
      } else if (event.kind === 'too_large') {
        featuresSeen = true;
        yield { line: event.number, epsg, attributes: {}, problem: { reason: 'tooLarge' } } as RawAsset;
      } else {
        featuresSeen = true;
        yield featureRecord(event.number, event.text, epsg);
      }
    }
  } catch (error) {
    if (!(error instanceof GeoJsonShapeError)) throw error;
    throw new AssetFileError(
      error.problem === 'not_object'
        ? 'notGeoJson'
        : error.problem === 'no_features'
          ? 'noFeatures'
          : 'truncated',
    );
  }
}

// ---------------------------------------------------------------------------------------- CSV

function delimiterOf(firstLine: string): string {
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates = [';', ',', '\t'].map((c) => [c, count(c)] as const);
  return candidates.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

async function* csvRecords(
  chunks: AsyncIterable<string>,
  firstChunk: string,
  epsgOption: number | undefined,
): AsyncGenerator<RawAsset> {
  const firstLine = firstChunk.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const skipped: RawAsset[] = [];
  const parser = Readable.from(chunks).pipe(
    parse({
      bom: true,
      delimiter: delimiterOf(firstLine),
      columns: (header: string[]) => header.map((h) => h.trim()),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      max_record_size: MAX_CSV_RECORD,
      skip_records_with_error: true,
      on_skip: (error) => {
        const line = (error as { lines?: number } | undefined)?.lines ?? 0;
        skipped.push({ line, epsg: epsgOption, attributes: {}, problem: { reason: 'unreadable' } });
      },
    }),
  );
  let columns: { x: string; y: string; geographic: boolean } | undefined;
  for await (const item of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    yield* skipped.splice(0);
    if (!columns) {
      const headers = Object.keys(item.record);
      const find = (names: string[]) => {
        for (const name of names) {
          const found = headers.find((h) => normalizeName(h) === name);
          if (found !== undefined) return found;
        }
        return undefined;
      };
      const x = find(X_NAMES);
      const y = find(Y_NAMES);
      if (x === undefined || y === undefined)
        throw new AssetFileError('noCsvHeader', withoutControlCharacters(firstLine.slice(0, 200), false));
      columns = { x, y, geographic: GEOGRAPHIC_X.has(normalizeName(x)) };
    }
    const { x, y, geographic } = columns;
    const split = splitProperties(item.record, new Set([x, y]));
    const record: RawAsset = {
      line: item.info.lines,
      epsg: epsgOption ?? (geographic ? 4326 : undefined),
      ...split,
    };
    const east = asNumber(item.record[x]);
    const north = asNumber(item.record[y]);
    if (east !== undefined) record.x = east;
    if (north !== undefined) record.y = north;
    yield record;
  }
  yield* skipped.splice(0);
}

// ------------------------------------------------------------------------------------- Reading

/**
 * Every record of the file in order. The format is told by the first character (`{` is GeoJSON,
 * anything else CSV), not by the file's name. `onBytes` hears how far the file has been read.
 */
export async function* readAssetFile(
  file: string,
  { epsg, onBytes }: { epsg?: number | undefined; onBytes?: (bytesRead: number) => void } = {},
): AsyncGenerator<RawAsset> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
  try {
    const first = await iterator.next();
    const firstChunk = first.done ? '' : first.value;
    async function* chunks(): AsyncGenerator<string> {
      if (firstChunk) {
        onBytes?.(stream.bytesRead);
        yield firstChunk;
      }
      while (true) {
        const next = await iterator.next();
        if (next.done) return;
        onBytes?.(stream.bytesRead);
        yield next.value;
      }
    }
    const format: AssetFileFormat = firstChunk.replace(/^[\s\uFEFF]+/, '').startsWith('{')
      ? 'geojson'
      : 'csv';
    if (format === 'geojson') yield* geoJsonRecords(chunks(), epsg);
    else if (firstChunk.trim() === '') throw new AssetFileError('notGeoJson');
    else yield* csvRecords(chunks(), firstChunk, epsg);
  } finally {
    stream.destroy();
  }
}

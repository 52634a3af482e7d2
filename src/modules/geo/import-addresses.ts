// Imports Kartverket's address points (the "Adresser" CSV, or GeoJSON) into `addresses` for the
// local address search. Reads line by line, so the national file (over 2 million lines) never has
// to fit in memory, and upserts in batches: importing the same file again changes nothing.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import proj4 from 'proj4';
import type { Database } from '../../db/client.ts';
import { addresses } from './schema.ts';

export interface ParsedAddress {
  id: string;
  kommunenummer: string;
  adressetekst: string;
  postnummer: string;
  poststed: string;
  lat: number;
  lon: number;
}

export type SkipReason = 'missing_fields' | 'bad_coordinates' | 'unknown_epsg' | 'unreadable_line';

export type ParsedLine = { address: ParsedAddress } | { skip: SkipReason };

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  /** Data lines handled so far (added, updated, unchanged or skipped). */
  lines: number;
}

export interface ImportResult {
  /** Data lines (CSV rows or GeoJSON features) read, without the header. */
  lines: number;
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  skipReasons: Partial<Record<SkipReason, number>>;
  /** Up to three line numbers (1-based, in the file) per reason, to look at. */
  skipExamples: Partial<Record<SkipReason, number[]>>;
}

export interface ImportOptions {
  /** EPSG code of coordinates when the file does not name one (default: 25833 for CSV, Kartverket's national choice; 4326 for GeoJSON). */
  defaultEpsg?: number;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export const SUPPORTED_EPSG = [4258, 4326, 25831, 25832, 25833, 25834, 25835, 25836] as const;

function utmDefinition(zone: number): string {
  return `+proj=utm +zone=${zone} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`;
}

/** [lon, lat] in WGS84 of a point given as east/north (or lon/lat) in `epsg`; undefined when the EPSG is not supported. */
export function toLonLat(epsg: number, east: number, north: number): [number, number] | undefined {
  // EUREF89 (4258) and WGS84 (4326) differ by well under a metre in Norway: treated as the same.
  if (epsg === 4326 || epsg === 4258) return [east, north];
  if (epsg >= 25831 && epsg <= 25836) {
    const [lon, lat] = proj4(utmDefinition(epsg - 25800), 'WGS84', [east, north]);
    return lon === undefined || lat === undefined ? undefined : [lon, lat];
  }
  return undefined;
}

/** Norway including Svalbard and Jan Mayen, generously. */
function inNorway(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && lat >= 57 && lat <= 82 && lon >= -10 && lon <= 35;
}

function parseEpsg(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined || value.trim() === '') return fallback;
  const match = /^(?:epsg:)?\s*(\d{4,5})$/i.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}

function parseNumber(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return Number.NaN;
  return Number(value.trim().replace(',', '.'));
}

function normalizeKommunenummer(value: string | undefined): string | undefined {
  const v = value?.trim() ?? '';
  return /^\d{1,4}$/.test(v) ? v.padStart(4, '0') : undefined;
}

function hashId(kommunenummer: string, adressetekst: string): string {
  return `h:${createHash('sha256').update(`${kommunenummer}|${adressetekst}`).digest('hex').slice(0, 32)}`;
}

interface RawFields {
  id?: string | undefined;
  kommunenummer?: string | undefined;
  adressetekst?: string | undefined;
  adressenavn?: string | undefined;
  nummer?: string | undefined;
  bokstav?: string | undefined;
  postnummer?: string | undefined;
  poststed?: string | undefined;
  epsg?: string | undefined;
  east?: string | undefined;
  north?: string | undefined;
}

/** Turns one record's fields into an address, or the reason it cannot be one. */
export function toAddress(fields: RawFields, defaultEpsg: number): ParsedLine {
  const kommunenummer = normalizeKommunenummer(fields.kommunenummer);
  let adressetekst = fields.adressetekst?.trim() ?? '';
  if (!adressetekst && fields.adressenavn?.trim()) {
    adressetekst =
      `${fields.adressenavn.trim()} ${fields.nummer?.trim() ?? ''}${fields.bokstav?.trim() ?? ''}`.trim();
  }
  if (!kommunenummer || !adressetekst) return { skip: 'missing_fields' };
  const epsg = parseEpsg(fields.epsg, defaultEpsg);
  if (epsg === undefined) return { skip: 'unknown_epsg' };
  const east = parseNumber(fields.east);
  const north = parseNumber(fields.north);
  if (!Number.isFinite(east) || !Number.isFinite(north)) return { skip: 'bad_coordinates' };
  const lonLat = toLonLat(epsg, east, north);
  if (!lonLat) return { skip: 'unknown_epsg' };
  const [lon, lat] = lonLat;
  if (!inNorway(lon, lat)) return { skip: 'bad_coordinates' };
  return {
    address: {
      id: fields.id?.trim() || hashId(kommunenummer, adressetekst),
      kommunenummer,
      adressetekst,
      postnummer: fields.postnummer?.trim() ?? '',
      poststed: fields.poststed?.trim() ?? '',
      lat: Math.round(lat * 1e7) / 1e7,
      lon: Math.round(lon * 1e7) / 1e7,
    },
  };
}

// ---------------------------------------------------------------------------------------- CSV

/** Splits one CSV line; fields may be double-quoted ("" inside quotes is a quote). */
export function splitCsvLine(line: string, separator: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

function normalizeHeader(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('ø', 'o')
    .replaceAll('æ', 'ae')
    .replaceAll('å', 'a')
    .replace(/[^a-z0-9]/g, '');
}

const HEADER_ALIASES: Record<keyof RawFields, string[]> = {
  id: ['lokalid', 'adresseid', 'id'],
  kommunenummer: ['kommunenummer', 'kommunenr'],
  adressetekst: ['adressetekst'],
  adressenavn: ['adressenavn', 'gatenavn'],
  nummer: ['nummer', 'husnummer'],
  bokstav: ['bokstav'],
  postnummer: ['postnummer', 'postnr'],
  poststed: ['poststed'],
  epsg: ['epsgkode', 'epsg'],
  east: ['ost', 'east', 'x', 'lon', 'lengdegrad'],
  north: ['nord', 'north', 'y', 'lat', 'breddegrad'],
};

export type CsvMapping = Partial<Record<keyof RawFields, number>>;

/** Which column holds what, from the header line. */
export function csvMapping(headers: string[]): CsvMapping {
  const normalized = headers.map(normalizeHeader);
  const mapping: CsvMapping = {};
  for (const [key, aliases] of Object.entries(HEADER_ALIASES) as [keyof RawFields, string[]][]) {
    for (const alias of aliases) {
      const index = normalized.indexOf(alias);
      if (index >= 0) {
        mapping[key] = index;
        break;
      }
    }
  }
  return mapping;
}

/** Columns named lat/lon (and no EPSG column) mean WGS84 whatever the default says. */
function csvDefaultEpsg(headers: string[], mapping: CsvMapping, defaultEpsg: number): number {
  const normalized = headers.map(normalizeHeader);
  const east = mapping.east === undefined ? '' : normalized[mapping.east];
  return mapping.epsg === undefined && (east === 'lon' || east === 'lengdegrad') ? 4326 : defaultEpsg;
}

export function parseCsvRecord(values: string[], mapping: CsvMapping, defaultEpsg: number): ParsedLine {
  const fields: RawFields = {};
  for (const [key, index] of Object.entries(mapping) as [keyof RawFields, number][])
    fields[key] = values[index];
  return toAddress(fields, defaultEpsg);
}

// ------------------------------------------------------------------------------------ GeoJSON

/**
 * The `crs` object of a FeatureCollection's first line (`{"type":"FeatureCollection","crs":{…},
 * "features":[`), found by counting braces from `"crs"`, outside strings. Undefined when there is
 * none or it cannot be read.
 */
function crsOfHeaderLine(line: string): unknown {
  const key = line.indexOf('"crs"');
  const start = key === -1 ? -1 : line.indexOf('{', key);
  if (start === -1) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < line.length; i += 1) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) {
        try {
          return JSON.parse(line.slice(start, i + 1));
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}

function epsgOfCrs(crs: unknown): number | undefined {
  const name = (crs as { properties?: { name?: unknown } } | null | undefined)?.properties?.name;
  if (typeof name !== 'string') return undefined;
  const match = /(?:EPSG:+|EPSG::)(\d{4,5})$/i.exec(name) ?? /CRS84$/i.exec(name);
  if (!match) return undefined;
  return match[1] ? Number(match[1]) : 4326;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** One GeoJSON feature (a Point with Kartverket's properties) as an address. */
export function parseFeature(feature: unknown, defaultEpsg: number): ParsedLine {
  const f = feature as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: unknown } | null;
  const coordinates = f?.geometry?.type === 'Point' ? f.geometry.coordinates : undefined;
  if (!Array.isArray(coordinates) || coordinates.length < 2) return { skip: 'bad_coordinates' };
  const raw = (f?.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<
    string,
    unknown
  >;
  const props = new Map(Object.entries(raw).map(([k, v]) => [normalizeHeader(k), text(v)]));
  const pick = (key: keyof RawFields) => {
    for (const alias of HEADER_ALIASES[key]) if (props.get(alias) !== undefined) return props.get(alias);
    return undefined;
  };
  return toAddress(
    {
      id: pick('id'),
      kommunenummer: pick('kommunenummer'),
      adressetekst: pick('adressetekst'),
      adressenavn: pick('adressenavn'),
      nummer: pick('nummer'),
      bokstav: pick('bokstav'),
      postnummer: pick('postnummer'),
      poststed: pick('poststed'),
      epsg: pick('epsg'),
      east: text(coordinates[0]),
      north: text(coordinates[1]),
    },
    defaultEpsg,
  );
}

// ------------------------------------------------------------------------------------- Reading

/** Files at most this big are parsed whole when GeoJSON; bigger ones must have one feature per line. */
const WHOLE_GEOJSON_LIMIT = 64 * 1024 * 1024;

function isGeoJsonFile(file: string): boolean {
  return /\.(geo)?json$/i.test(file);
}

/**
 * Every data record of the file with its 1-based line number, in order. CSV: header-driven; GeoJSON:
 * a FeatureCollection (whole, when small) or one feature per line (GeoJSON sequences, and the way
 * Kartverket's big files are laid out).
 */
export async function* readAddressFile(
  file: string,
  { defaultEpsg, onBytes }: { defaultEpsg?: number; onBytes?: (bytesRead: number) => void } = {},
): AsyncGenerator<ParsedLine & { line: number }> {
  const { size } = await stat(file);
  if (isGeoJsonFile(file) && size <= WHOLE_GEOJSON_LIMIT) {
    const text = await readFile(file, 'utf8');
    onBytes?.(size);
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') && !/^\{\s*"type"\s*:\s*"Feature"\s*,/.test(trimmed)) {
      let collection: { features?: unknown; crs?: unknown };
      try {
        collection = JSON.parse(text.replace(/^\uFEFF/, '')) as typeof collection;
      } catch {
        throw new Error(`${file} is not valid GeoJSON`);
      }
      if (!Array.isArray(collection.features)) throw new Error(`${file} has no features[]`);
      const epsg = epsgOfCrs(collection.crs) ?? defaultEpsg ?? 4326;
      for (const [index, feature] of collection.features.entries()) {
        yield { line: index + 1, ...parseFeature(feature, epsg) };
      }
      return;
    }
  }
  const stream = createReadStream(file);
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  try {
    if (isGeoJsonFile(file)) {
      let epsg = defaultEpsg ?? 4326;
      for await (const raw of lines) {
        lineNumber++;
        onBytes?.(stream.bytesRead);
        const line = raw.trim().replace(/,$/, '');
        if (!line.startsWith('{')) continue;
        if (!line.includes('"Feature"')) {
          const crs = crsOfHeaderLine(line);
          if (crs) epsg = epsgOfCrs(crs) ?? epsg;
          continue;
        }
        let feature: unknown;
        try {
          feature = JSON.parse(line);
        } catch {
          yield { line: lineNumber, skip: 'unreadable_line' };
          continue;
        }
        yield { line: lineNumber, ...parseFeature(feature, epsg) };
      }
      return;
    }
    let mapping: CsvMapping | undefined;
    let separator = ';';
    let epsg = defaultEpsg ?? 25833;
    for await (const raw of lines) {
      lineNumber++;
      onBytes?.(stream.bytesRead);
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      if (!mapping) {
        separator = line.includes(';') ? ';' : ',';
        const headers = splitCsvLine(line, separator);
        mapping = csvMapping(headers);
        if (mapping.kommunenummer === undefined || mapping.east === undefined || mapping.north === undefined)
          throw new Error(`${file}: the header names no kommunenummer, Nord and Øst columns`);
        epsg = csvDefaultEpsg(headers, mapping, defaultEpsg ?? 25833);
        continue;
      }
      yield { line: lineNumber, ...parseCsvRecord(splitCsvLine(line, separator), mapping, epsg) };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

// ------------------------------------------------------------------------------------- Storing

/** Upserts one batch; returns how many rows were added and how many changed. */
async function upsertBatch(db: Database, rows: ParsedAddress[]): Promise<{ added: number; updated: number }> {
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  const returned = await db
    .insert(addresses)
    .values(rows)
    .onConflictDoUpdate({
      target: addresses.id,
      set: {
        kommunenummer: excluded('kommunenummer'),
        adressetekst: excluded('adressetekst'),
        postnummer: excluded('postnummer'),
        poststed: excluded('poststed'),
        lat: excluded('lat'),
        lon: excluded('lon'),
        updatedAt: sql`now()`,
      },
      setWhere: sql`(${addresses.kommunenummer}, ${addresses.adressetekst}, ${addresses.postnummer}, ${addresses.poststed}, ${addresses.lat}, ${addresses.lon})
        is distinct from (excluded.kommunenummer, excluded.adressetekst, excluded.postnummer, excluded.poststed, excluded.lat, excluded.lon)`,
    })
    // xmax is 0 on a freshly inserted row version; unchanged rows are not returned at all.
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const added = returned.filter((r) => r.inserted).length;
  return { added, updated: returned.length - added };
}

export async function importAddresses(
  db: Database,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 500;
  const totalBytes = (await stat(file)).size;
  const result: ImportResult = {
    lines: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    skipReasons: {},
    skipExamples: {},
  };
  let bytesRead = 0;
  let batch = new Map<string, ParsedAddress>();
  const flush = async () => {
    if (batch.size === 0) return;
    const rows = [...batch.values()];
    batch = new Map();
    const { added, updated } = await upsertBatch(db, rows);
    result.added += added;
    result.updated += updated;
    result.unchanged += rows.length - added - updated;
    options.onProgress?.({ bytesRead, totalBytes, lines: result.lines });
  };
  const records = readAddressFile(file, {
    ...(options.defaultEpsg === undefined ? {} : { defaultEpsg: options.defaultEpsg }),
    onBytes: (n) => {
      bytesRead = n;
    },
  });
  for await (const record of records) {
    result.lines++;
    if ('skip' in record) {
      result.skipped++;
      result.skipReasons[record.skip] = (result.skipReasons[record.skip] ?? 0) + 1;
      const examples = result.skipExamples[record.skip] ?? [];
      if (examples.length < 3) examples.push(record.line);
      result.skipExamples[record.skip] = examples;
      continue;
    }
    // The same id twice in one statement would be refused by ON CONFLICT: the later line wins.
    if (batch.has(record.address.id)) result.unchanged++;
    batch.set(record.address.id, record.address);
    if (batch.size >= batchSize) await flush();
  }
  await flush();
  options.onProgress?.({ bytesRead: totalBytes, totalBytes, lines: result.lines });
  return result;
}

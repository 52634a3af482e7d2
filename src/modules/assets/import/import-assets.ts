// Runs one asset import: reads the file as a stream (read-asset-file.ts), checks each record,
// transforms its coordinates to WGS84, and upserts the good ones by (kommunenummer, external_id)
// in batches, each batch in a transaction together with the run's progress and counts, so the
// admin page's progress bar is never ahead of what is stored. Rejected lines are counted, and the
// first MAX_KEPT are kept with the reason. Importing the same file again leaves every row as is.
import { stat } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../db/client.ts';
import type { Language } from '../../../shared/language.ts';
import { hasControlCharacters, withoutControlCharacters } from '../../../shared/text.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { MunicipalityLocator } from '../../geo/municipality-locator.ts';
import { assetImportMessages } from './asset-import-messages.ts';
import { AssetFileError, type ReasonParams, type RejectReason, reasonText } from './asset-import-texts.ts';
import { assetLonLat } from './coordinates.ts';
import { insideMunicipality } from './inside-municipality.ts';
import { type RawAsset, readAssetFile } from './read-asset-file.ts';
import { type AssetTypeRef, loadAssetTypes } from './start-asset-import.ts';

export const MAX_KEPT_REJECTIONS = 1000;
const MAX_EXTERNAL_ID = 100;
const MAX_NAME = 200;
/** Progress is written at least this often, even when no batch is full. */
const PROGRESS_EVERY_MS = 1000;
/**
 * In the web process, requests must not wait behind the import: after this much work without
 * I/O (a chunk of a file already read; points off the coast cost ~2 ms each), it yields.
 */
const YIELD_EVERY_MS = 20;

export interface AssetImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  bytesRead: number;
  bytesTotal: number;
}

export interface AssetImportOutcome extends AssetImportCounts {
  state: 'done' | 'failed';
  /** Why the run stopped, when it failed (in the run's language). */
  error?: string;
}

export interface RunAssetImportOptions {
  importId: string;
  kommunenummer: string;
  file: string;
  /** Overrides the file's own coordinate system (GeoJSON crs, lon/lat columns). */
  epsg?: number | undefined;
  /** Asset type code for every record; the file's own type value is then kept as an attribute. */
  typeCode?: string | undefined;
  /** Language of the rejection reasons stored with the run. */
  language: Language;
  actorId: string | null;
  batchSize?: number;
  /** Stops the run between records (the process is shutting down); it is then marked failed. */
  signal?: AbortSignal;
  onProgress?: (counts: AssetImportCounts) => void;
}

class ImportInterrupted extends Error {}

interface Row {
  external_id: string;
  type_id: string;
  name: string;
  lat: number;
  lon: number;
  attributes: Record<string, string>;
}

type Checked = { row: Row } | { reason: RejectReason; params?: ReasonParams };

interface CheckContext {
  kommunenummer: string;
  municipalityName: string;
  inside: (lat: number, lon: number) => boolean;
  types: Map<string, AssetTypeRef>;
  knownTypes: string;
  forcedType: AssetTypeRef | undefined;
}

function check(record: RawAsset, ctx: CheckContext): Checked {
  if (record.problem) return { reason: record.problem.reason, params: { value: record.problem.value ?? '' } };
  const externalId = record.externalId;
  if (externalId === undefined) return { reason: 'noExternalId' };
  if (externalId.length > MAX_EXTERNAL_ID) return { reason: 'externalIdTooLong' };
  if (hasControlCharacters(externalId, false)) return { reason: 'control' };
  const attributes = { ...record.attributes };
  let type = ctx.forcedType;
  if (type) {
    // The file's own type is kept when it says more than the chosen one (e.g. "Brannventil").
    const own = record.type === undefined ? undefined : ctx.types.get(record.type.toLowerCase());
    if (record.type !== undefined && own?.id !== type.id && attributes.type === undefined)
      attributes.type = record.type.slice(0, 500);
  } else {
    if (record.type === undefined) return { reason: 'noType' };
    type = ctx.types.get(record.type.toLowerCase());
    if (!type)
      return { reason: 'unknownType', params: { value: record.type.slice(0, 60), known: ctx.knownTypes } };
  }
  const name = record.name ?? externalId;
  if (name.length > MAX_NAME) return { reason: 'nameTooLong' };
  if (hasControlCharacters(name, false)) return { reason: 'control' };
  const { x, y } = record;
  if (x === undefined || y === undefined) return { reason: 'noCoordinates' };
  // Plain x/y columns without a coordinate system: degrees are taken as such, metres are not guessed.
  const epsg = record.epsg ?? (Math.abs(x) <= 180 && Math.abs(y) <= 90 ? 4326 : undefined);
  if (epsg === undefined) return { reason: 'epsgNeeded' };
  const lonLat = assetLonLat(epsg, x, y);
  if (!lonLat) return { reason: 'noCoordinates' };
  const lon = Math.round(lonLat[0] * 1e7) / 1e7;
  const lat = Math.round(lonLat[1] * 1e7) / 1e7;
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180) || !ctx.inside(lat, lon))
    return {
      reason: 'outside',
      params: {
        lat: Math.round(lat * 1e5) / 1e5,
        lon: Math.round(lon * 1e5) / 1e5,
        municipality: ctx.municipalityName,
      },
    };
  return { row: { external_id: externalId, type_id: type.id, name, lat, lon, attributes } };
}

/** Inserts new assets and updates changed ones; unchanged rows are left alone (and not returned). */
async function upsert(
  db: Database,
  kommunenummer: string,
  rows: Row[],
): Promise<{ created: number; updated: number }> {
  const returned = await queryRows<{ inserted: boolean }>(
    db,
    sql`insert into assets (kommunenummer, external_id, type_id, name, lat, lon, attributes)
        select ${kommunenummer}, r.external_id, r.type_id, r.name, r.lat, r.lon, r.attributes
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
            external_id text, type_id uuid, name text, lat double precision, lon double precision, attributes jsonb)
        on conflict (kommunenummer, external_id) do update
          set type_id = excluded.type_id, name = excluded.name, lat = excluded.lat, lon = excluded.lon,
              attributes = excluded.attributes, updated_at = now()
          where (assets.type_id, assets.name, assets.lat, assets.lon, assets.attributes)
                is distinct from (excluded.type_id, excluded.name, excluded.lat, excluded.lon, excluded.attributes)
        returning (xmax = 0) as inserted`,
  );
  const created = returned.filter((r) => r.inserted).length;
  return { created, updated: returned.length - created };
}

export async function runAssetImport(
  db: Database,
  locator: MunicipalityLocator,
  options: RunAssetImportOptions,
): Promise<AssetImportOutcome> {
  const { importId, kommunenummer, language } = options;
  const batchSize = options.batchSize ?? 500;
  const counts: AssetImportCounts = {
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    bytesRead: 0,
    bytesTotal: (await stat(options.file)).size,
  };
  const { byKey, codes } = await loadAssetTypes(db, kommunenummer);
  const ctx: CheckContext = {
    kommunenummer,
    municipalityName: locator.nameOf(kommunenummer) ?? kommunenummer,
    inside: insideMunicipality(locator, kommunenummer),
    types: byKey,
    knownTypes: codes.join(', '),
    forcedType: options.typeCode === undefined ? undefined : byKey.get(options.typeCode.toLowerCase()),
  };
  // Ids already taken in this file, with their line: a second line with the same id is rejected.
  const seen = new Map<string, number>();
  let batch: Row[] = [];
  let newRejections: { line: number; externalId?: string; reason: string }[] = [];
  let kept = 0;
  let lastWrite = Date.now();
  let lastYield = performance.now();

  const write = async (final?: { state: 'done' | 'failed'; error?: string }) => {
    const rows = batch;
    const rejections = newRejections;
    batch = [];
    newRejections = [];
    await db.transaction(async (tx) => {
      if (rows.length > 0) {
        const { created, updated } = await upsert(tx as unknown as Database, kommunenummer, rows);
        counts.created += created;
        counts.updated += updated;
        counts.unchanged += rows.length - created - updated;
      }
      await tx.execute(sql`update asset_imports
          set bytes_read = ${Math.min(counts.bytesRead, 2 ** 31 - 1)},
              bytes_total = ${Math.min(counts.bytesTotal, 2 ** 31 - 1)}, created = ${counts.created},
              updated = ${counts.updated}, unchanged = ${counts.unchanged}, rejected = ${counts.rejected},
              rejections = rejections || ${JSON.stringify(rejections)}::jsonb
              ${final ? sql`, state = ${final.state}, error = ${final.error ?? null}, finished_at = now()` : sql``}
        where id = ${importId}::uuid`);
      if (final) {
        await recordAudit(tx, {
          kommunenummer,
          actorId: options.actorId,
          action: 'asset_import.finished',
          entityType: 'asset_import',
          entityId: importId,
          after: {
            state: final.state,
            created: counts.created,
            updated: counts.updated,
            unchanged: counts.unchanged,
            rejected: counts.rejected,
          },
        });
      }
    });
    lastWrite = Date.now();
    lastYield = performance.now();
    options.onProgress?.({ ...counts });
  };

  const reject = (record: RawAsset, reason: RejectReason, params?: ReasonParams) => {
    counts.rejected += 1;
    if (kept >= MAX_KEPT_REJECTIONS) return;
    kept += 1;
    // What came from the file is kept for the list of rejected lines: control characters become
    // spaces (PostgreSQL stores no U+0000, in text or in jsonb, and the rest hide text on screen).
    const externalId = record.externalId?.slice(0, MAX_EXTERNAL_ID);
    newRejections.push({
      line: record.line,
      ...(externalId === undefined ? {} : { externalId: withoutControlCharacters(externalId, false) }),
      reason: withoutControlCharacters(reasonText(language, reason, params), false),
    });
  };

  try {
    const records = readAssetFile(options.file, {
      epsg: options.epsg,
      onBytes: (n) => {
        counts.bytesRead = n;
      },
    });
    for await (const record of records) {
      if (options.signal?.aborted) throw new ImportInterrupted();
      const checked = check(record, ctx);
      if ('reason' in checked) reject(record, checked.reason, checked.params);
      else {
        const earlier = seen.get(checked.row.external_id);
        if (earlier !== undefined) reject(record, 'duplicate', { line: earlier });
        else {
          seen.set(checked.row.external_id, record.line);
          batch.push(checked.row);
        }
      }
      if (batch.length >= batchSize || Date.now() - lastWrite >= PROGRESS_EVERY_MS) await write();
      if (performance.now() - lastYield >= YIELD_EVERY_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
    counts.bytesRead = counts.bytesTotal;
    await write({ state: 'done' });
    return { state: 'done', ...counts };
  } catch (error) {
    const expected = error instanceof AssetFileError || error instanceof ImportInterrupted;
    const message =
      error instanceof AssetFileError
        ? error.textIn(language)
        : error instanceof ImportInterrupted
          ? assetImportMessages.interrupted()[language]
          : assetImportMessages.failed()[language];
    // Records read before a broken end of the file are good; after a database error, drop them.
    if (!expected) batch = [];
    const shown = withoutControlCharacters(message, false);
    try {
      await write({ state: 'failed', error: shown });
    } catch (writeError) {
      // The run must never stay "running" (it would refuse every upload until it goes stale):
      // once more with nothing from the file, the batch and its rejections left out.
      batch = [];
      newRejections = [];
      await write({ state: 'failed', error: assetImportMessages.failed()[language] });
      throw writeError;
    }
    if (!expected) throw error;
    return { state: 'failed', error: shown, ...counts };
  }
}

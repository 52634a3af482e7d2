// `npm run import:assets -- FILE --municipality 4001 [--epsg 25832] [--type hydrant]`: imports a
// municipality's assets (hydrants, kummer, pumping stations…) from GeoJSON or CSV into the
// configured database, the same run as the admin page's upload (recorded in asset_imports).
// Idempotent by external id: importing the same file again changes nothing.
import { access, constants, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { ConfigError, loadConfig } from '../config.ts';
import { configuredDatabase, openDatabase, queryRows } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { errorText } from '../http/logging.ts';
import { assetImportMessages } from '../modules/assets/import/asset-import-messages.ts';
import { ASSET_EPSG, isSupportedEpsg } from '../modules/assets/import/coordinates.ts';
import { type AssetImportCounts, runAssetImport } from '../modules/assets/import/import-assets.ts';
import { loadAssetTypes, startAssetImport } from '../modules/assets/import/start-asset-import.ts';
import { loadMunicipalityLocator } from '../modules/geo/municipality-locator.ts';
import { AppError } from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';

const USAGE = 'Usage: npm run import:assets -- FILE --municipality 4001 [--epsg 25832] [--type hydrant]';

function progressLine(p: AssetImportCounts, started: number): string {
  const percent = p.bytesTotal > 0 ? Math.min(100, (100 * p.bytesRead) / p.bytesTotal) : 100;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return (
    `${percent.toFixed(1).padStart(5)} %  ${p.created} created, ${p.updated} updated, ` +
    `${p.unchanged} unchanged, ${p.rejected} rejected  ${seconds} s`
  );
}

function parse(): { file: string; kommunenummer: string; epsg?: number; type?: string } | string {
  let parsed: ReturnType<
    typeof parseArgs<{ allowPositionals: true; options: Record<string, { type: 'string' }> }>
  >;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { municipality: { type: 'string' }, epsg: { type: 'string' }, type: { type: 'string' } },
    });
  } catch (error) {
    return `${error instanceof Error ? error.message : String(error)}\n${USAGE}`;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file || positionals.length > 1) return USAGE;
  const kommunenummer = values.municipality;
  if (!kommunenummer || !/^\d{4}$/.test(kommunenummer))
    return `--municipality needs a kommunenummer (4 digits).\n${USAGE}`;
  const result: { file: string; kommunenummer: string; epsg?: number; type?: string } = {
    file,
    kommunenummer,
  };
  if (values.epsg !== undefined) {
    const epsg = Number(values.epsg.replace(/^epsg:/i, ''));
    if (!isSupportedEpsg(epsg))
      return `Unsupported --epsg ${values.epsg}; supported: ${ASSET_EPSG.join(', ')}.`;
    result.epsg = epsg;
  }
  if (values.type !== undefined) result.type = values.type;
  return result;
}

async function main(): Promise<number> {
  const args = parse();
  if (typeof args === 'string') {
    console.error(args);
    return 1;
  }
  try {
    await access(args.file, constants.R_OK);
    if (!(await stat(args.file)).isFile()) throw new Error('not a file');
  } catch {
    console.error(`Cannot read ${args.file}.`);
    return 1;
  }
  const config = loadConfig();
  const db = await openDatabase(configuredDatabase(config, 2));
  try {
    await migrateDatabase(db);
    const [municipality] = await queryRows<{ name: string; default_language: Language }>(
      db.db,
      sql`select name, default_language from municipalities where kommunenummer = ${args.kommunenummer}`,
    );
    if (!municipality) {
      console.error(`Unknown municipality ${args.kommunenummer} (add it first: npm run municipality).`);
      return 1;
    }
    if (args.type !== undefined) {
      const { byKey, codes } = await loadAssetTypes(db.db, args.kommunenummer);
      if (!byKey.has(args.type.toLowerCase())) {
        console.error(assetImportMessages.unknownType(args.type, codes.join(', ')).en);
        return 1;
      }
    }
    const locator = await loadMunicipalityLocator();
    const importId = await startAssetImport(db.db, {
      kommunenummer: args.kommunenummer,
      startedBy: null,
      fileName: args.file.split(/[\\/]/).pop() ?? args.file,
      bytesTotal: (await stat(args.file)).size,
    });
    const started = Date.now();
    const tty = process.stderr.isTTY === true;
    let lastPrinted = 0;
    const outcome = await runAssetImport(db.db, locator, {
      importId,
      kommunenummer: args.kommunenummer,
      file: args.file,
      epsg: args.epsg,
      typeCode: args.type,
      language: municipality.default_language,
      actorId: null,
      onProgress: (p) => {
        const now = Date.now();
        // A live line on a terminal; a line every 5 seconds in a log.
        if (now - lastPrinted < (tty ? 100 : 5000)) return;
        lastPrinted = now;
        process.stderr.write(tty ? `\r${progressLine(p, started)}` : `${progressLine(p, started)}\n`);
      },
    });
    process.stderr.write(
      tty ? `\r${progressLine(outcome, started)}\n` : `${progressLine(outcome, started)}\n`,
    );
    const [run] = await queryRows<{ rejections: { line: number; externalId?: string; reason: string }[] }>(
      db.db,
      sql`select rejections from asset_imports where id = ${importId}::uuid`,
    );
    for (const r of (run?.rejections ?? []).slice(0, 20)) {
      console.log(`  line ${r.line}${r.externalId ? ` (${r.externalId})` : ''}: ${r.reason}`);
    }
    if (outcome.rejected > 20)
      console.log(`  … ${outcome.rejected - 20} more rejected (see import ${importId}).`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(
      `Assets from ${args.file} for ${municipality.name}: ${outcome.created} created, ${outcome.updated} updated, ` +
        `${outcome.unchanged} unchanged, ${outcome.rejected} rejected (${seconds} s, peak memory ${peakMb} MB).`,
    );
    if (outcome.state === 'failed') {
      console.error(`Import stopped: ${outcome.error ?? ''}`);
      return 1;
    }
    return 0;
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof AppError
        ? error.localized.en
        : errorText(error);
  console.error(`Import failed: ${message}`);
  process.exitCode = 1;
}

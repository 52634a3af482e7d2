// `npm run import:addresses -- FILE [--epsg 25832]`: imports Kartverket's address points (the
// "Adresser" CSV or GeoJSON) into the configured database for the local address search.
// Idempotent: importing the same file again adds and updates nothing.
import { access, constants } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { configuredDatabase, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { errorText } from '../http/logging.ts';
import { type ImportProgress, importAddresses, SUPPORTED_EPSG } from '../modules/geo/import-addresses.ts';

const USAGE = 'Usage: npm run import:addresses -- FILE [--epsg 25832]';

function progressReporter(): { update(progress: ImportProgress): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let lastPrinted = 0;
  const line = (p: ImportProgress) => {
    const percent = p.totalBytes > 0 ? Math.min(100, (100 * p.bytesRead) / p.totalBytes) : 100;
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    return `${percent.toFixed(1).padStart(5)} %  ${p.lines} lines  ${Math.round(p.lines / seconds)} lines/s`;
  };
  let last: ImportProgress | undefined;
  return {
    update(p) {
      last = p;
      const now = Date.now();
      // A live line on a terminal; a line every 5 seconds in a log.
      if (now - lastPrinted < (tty ? 100 : 5000)) return;
      lastPrinted = now;
      process.stderr.write(tty ? `\r${line(p)}` : `${line(p)}\n`);
    },
    done() {
      if (last) process.stderr.write(tty ? `\r${line(last)}\n` : `${line(last)}\n`);
    },
  };
}

async function main(): Promise<number> {
  let file: string | undefined;
  let defaultEpsg: number | undefined;
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { epsg: { type: 'string' } },
    });
    file = positionals[0];
    if (values.epsg !== undefined) {
      defaultEpsg = Number(values.epsg);
      if (!(SUPPORTED_EPSG as readonly number[]).includes(defaultEpsg)) {
        console.error(`Unsupported --epsg ${values.epsg}; supported: ${SUPPORTED_EPSG.join(', ')}.`);
        return 1;
      }
    }
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  if (!file) {
    console.error(USAGE);
    return 1;
  }
  try {
    await access(file, constants.R_OK);
  } catch {
    console.error(`Cannot read ${file}.`);
    return 1;
  }

  const config = loadConfig();
  const db = await openDatabase(configuredDatabase(config, 2));
  try {
    await migrateDatabase(db);
    const progress = progressReporter();
    const result = await importAddresses(db.db, file, {
      ...(defaultEpsg === undefined ? {} : { defaultEpsg }),
      onProgress: (p) => progress.update(p),
    });
    progress.done();
    console.log(
      `Addresses from ${file}: ${result.lines} lines, ${result.added} added, ${result.updated} updated, ` +
        `${result.unchanged} unchanged, ${result.skipped} skipped.`,
    );
    for (const [reason, count] of Object.entries(result.skipReasons)) {
      const lines = result.skipExamples[reason as keyof typeof result.skipExamples] ?? [];
      console.log(`  skipped ${count}: ${reason} (e.g. line ${lines.join(', ')})`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`Import failed: ${error instanceof ConfigError ? error.message : errorText(error)}`);
  process.exitCode = 1;
}

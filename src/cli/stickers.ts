// `npm run stickers -- --municipality 4001 --type hydrant --layout 3x8 --out FILE.pdf`: the same
// sticker sheets as the admin page, for batch printing. Assets without an active report link get
// one (written to the audit log without an actor); assets with one keep theirs.
// Also --bbox west,south,east,north (with or without --type).
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { configuredDatabase, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { errorText } from '../http/logging.ts';
import { isStickerLayoutName, STICKER_LAYOUT_NAMES } from '../modules/stickers/layouts.ts';
import { printStickerSheet } from '../modules/stickers/print-sticker-sheet.ts';
import type { StickerSelection } from '../modules/stickers/select-sticker-assets.ts';
import { publicUrlLogoReader } from '../modules/stickers/sticker-logo.ts';
import { AppError } from '../shared/errors.ts';

const USAGE =
  'Usage: npm run stickers -- --municipality 4001 [--type hydrant] [--bbox W,S,E,N] ' +
  `[--layout ${STICKER_LAYOUT_NAMES.join('|')}] --out FILE.pdf`;

function parse():
  | { kommunenummer: string; layout: string; out: string; selection: StickerSelection }
  | string {
  const { values } = parseArgs({
    options: {
      municipality: { type: 'string' },
      type: { type: 'string' },
      bbox: { type: 'string' },
      layout: { type: 'string', default: '3x8' },
      out: { type: 'string' },
    },
  });
  if (!values.municipality || !/^\d{4}$/.test(values.municipality))
    return 'Give --municipality as a four-digit kommunenummer.';
  if (!values.out) return 'Give --out FILE.pdf.';
  const selection: StickerSelection = {};
  if (values.type) selection.type = values.type;
  if (values.bbox) {
    const box = values.bbox.split(',').map(Number);
    if (box.length !== 4 || box.some((n) => !Number.isFinite(n)))
      return '--bbox is west,south,east,north in degrees.';
    selection.area = { bbox: box as [number, number, number, number] };
  }
  return { kommunenummer: values.municipality, layout: values.layout, out: values.out, selection };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    args = error instanceof Error ? error.message : String(error);
  }
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return 1;
  }
  const { layout } = args;
  if (!isStickerLayoutName(layout)) {
    console.error(`Unknown --layout ${layout}; known: ${STICKER_LAYOUT_NAMES.join(', ')}.`);
    return 1;
  }
  const config = loadConfig();
  const db = await openDatabase(configuredDatabase(config, 2));
  try {
    await migrateDatabase(db);
    const run = await printStickerSheet(
      db.db,
      config.publicUrl,
      args.kommunenummer,
      null,
      { ...args.selection, layout },
      publicUrlLogoReader(config.publicUrl),
    );
    const file = createWriteStream(args.out);
    run.pdf.pipe(file);
    await finished(file);
    console.log(`${run.stickers} stickers (${run.linksCreated} new report links) written to ${args.out}.`);
    if (run.logoProblem) console.log(`Printed without the municipality's logo: ${run.logoProblem}.`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.localized.en);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`Stickers failed: ${error instanceof ConfigError ? error.message : errorText(error)}`);
  process.exitCode = 1;
}

// `npm run bench:assets`: imports 50,000 hydrants (BENCH_ASSETS to change) from one EUREF89 UTM 32
// GeoJSON file, scattered over Porsgrunn (4001), through the command line (`npm run
// import:assets`, the same run as the admin upload), on PostgreSQL (a scratch database on
// 127.0.0.1:5432) and on PGlite (a scratch data directory). Each import runs as its own process
// under /usr/bin/time -v, which gives its peak RSS; the seconds are the process's wall time (start-
// up and migrations included). Then the same file again: every asset unchanged. Merged into
// bench/results/latest.json under `assetImport`.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { sql } from 'drizzle-orm';
import proj4 from 'proj4';
import { type DatabaseTarget, openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { loadMunicipalityLocator } from '../src/modules/geo/municipality-locator.ts';
import { generateKey } from '../src/modules/secrets/keys.ts';
import { porsgrunn } from '../src/modules/tenants/demo/porsgrunn.ts';
import { seedMunicipality } from '../src/modules/tenants/seed-municipality.ts';
import { Cleanup, createScratchDatabase, mergeResults } from './support.ts';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 50_000);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

/** Random points inside Porsgrunn's boundary (a fixed seed: every run imports the same file). */
async function writeHydrants(file: string): Promise<void> {
  const locator = await loadMunicipalityLocator();
  const boundary = locator.boundaryOf('4001');
  if (!boundary) throw new Error('no boundary for 4001');
  const coordinates =
    JSON.stringify(boundary.geometry.coordinates)
      .match(/-?\d+\.\d+/g)
      ?.map(Number) ?? [];
  const lons = coordinates.filter((_, i) => i % 2 === 0);
  const lats = coordinates.filter((_, i) => i % 2 === 1);
  const [west, east, south, north] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  let seed = 13;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const out = createWriteStream(file);
  out.write(
    '{"type":"FeatureCollection","name":"hydranter",\n"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},\n"features":[\n',
  );
  for (let i = 1; i <= ASSETS; ) {
    const lon = west + random() * (east - west);
    const lat = south + random() * (north - south);
    // On land inside the boundary, where hydrants are (the sea within the coast tolerance is not).
    if (!booleanPointInPolygon([lon, lat], boundary)) continue;
    const [x = 0, y = 0] = proj4('WGS84', UTM32, [lon, lat]);
    const feature = {
      type: 'Feature',
      properties: {
        id: `BH-${String(i).padStart(6, '0')}`,
        navn: `Brannhydrant ${i}`,
        dimensjon: [100, 150, 200][i % 3],
        materiale: 'duktilt støpejern',
        anleggsaar: 1960 + (i % 60),
      },
      geometry: { type: 'Point', coordinates: [Math.round(x * 100) / 100, Math.round(y * 100) / 100] },
    };
    const line = `${JSON.stringify(feature)}${i < ASSETS ? ',' : ''}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    i += 1;
  }
  out.end(']}\n');
  await finished(out);
}

/** The municipality and its hydrant type, as `npm run municipality` and the admin would set up. */
async function prepare(target: DatabaseTarget): Promise<void> {
  const handle = await openDatabase(target);
  try {
    await migrateDatabase(handle);
    await seedMunicipality(handle.db, porsgrunn);
    await handle.db.execute(sql`insert into asset_types (kommunenummer, code, name, sort_order)
      values ('4001', 'hydrant', '{"nb":"Brannhydrant","nn":"Brannhydrant","en":"Fire hydrant"}'::jsonb, 10)
      on conflict do nothing`);
  } finally {
    await handle.close();
  }
}

interface Measured {
  seconds: number;
  peakRssMb: number;
  summary: string;
}

/** One `npm run import:assets` under /usr/bin/time -v. */
function importOnce(file: string, env: Record<string, string>): Promise<Measured> {
  const started = performance.now();
  const child = spawn(
    '/usr/bin/time',
    ['-v', process.execPath, 'src/cli/import-assets.ts', file, '--municipality', '4001', '--type', 'hydrant'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const summary = stdout.split('\n').find((l) => l.startsWith('Assets from')) ?? '';
      if (code !== 0 || !rss) reject(new Error(`import exited ${code}:\n${stdout}\n${stderr}`));
      else resolve({ seconds, peakRssMb: Math.round(Number(rss[1]) / 1024), summary });
    });
  });
}

const cleanup = new Cleanup();
const dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-bench-assets-'));
cleanup.defer('scratch directory', () => rm(dir, { recursive: true, force: true }));
try {
  const file = path.join(dir, 'hydranter.geojson');
  await writeHydrants(file);
  const megabytes = Math.round((await stat(file)).size / 1024 / 102.4) / 10;
  console.log(`${ASSETS} hydrants in UTM 32 GeoJSON: ${megabytes} MB`);
  const results: Record<string, unknown> = { assets: ASSETS, fileMb: megabytes };

  const url = await createScratchDatabase(cleanup, 'assets');
  await prepare({ kind: 'server', url });
  const pgEnv = { DATABASE_URL: url, SECRETS_KEY: generateKey() };
  const pgFirst = await importOnce(file, pgEnv);
  const pgAgain = await importOnce(file, pgEnv);
  console.log(`PostgreSQL: ${pgFirst.seconds} s, peak RSS ${pgFirst.peakRssMb} MB — ${pgFirst.summary}`);
  console.log(
    `PostgreSQL again: ${pgAgain.seconds} s, peak RSS ${pgAgain.peakRssMb} MB — ${pgAgain.summary}`,
  );
  results.postgres = { first: pgFirst, again: pgAgain };

  const dataDir = path.join(dir, 'data');
  await prepare({ kind: 'embedded', dataDir });
  const liteFirst = await importOnce(file, { DATA_DIR: dataDir });
  const liteAgain = await importOnce(file, { DATA_DIR: dataDir });
  console.log(`PGlite: ${liteFirst.seconds} s, peak RSS ${liteFirst.peakRssMb} MB — ${liteFirst.summary}`);
  console.log(
    `PGlite again: ${liteAgain.seconds} s, peak RSS ${liteAgain.peakRssMb} MB — ${liteAgain.summary}`,
  );
  results.pglite = { first: liteFirst, again: liteAgain };
  console.log(`→ ${await mergeResults(ROOT, { assetImport: results })}`);
} finally {
  await cleanup.runAll();
}

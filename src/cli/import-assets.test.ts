// `npm run import:assets` as a real process against a PostgreSQL database of its own: a UTM 32
// GeoJSON is imported with its counts and rejected lines printed, a second run changes nothing,
// and an unreadable file, an unknown EPSG and an unknown municipality end with exit code 1.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORSGRUNN_UTM32, SKIEN_UTM32, writeGeoJson } from '../../test/support/asset-files.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../test/support/databases.ts';
import { buildPorsgrunn } from '../../test/support/factories.ts';
import { TEST_SECRETS_KEY } from '../../test/support/secrets.ts';
import { seedAssetTypes } from '../../test/support/sticker-assets.ts';
import { queryRows } from '../db/client.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe.runIf(databaseKinds().includes('postgres'))('npm run import:assets (PostgreSQL)', () => {
  let database: TestDatabase;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await buildPorsgrunn(database.handle.db);
    await seedAssetTypes(database.handle.db, '4001');
    dir = await mkdtemp(path.join(tmpdir(), 'import-assets-cli-'));
    file = path.join(dir, 'hydranter.geojson');
    await writeGeoJson(file, [
      { id: 'BH-1', name: 'Storgata 1', at: PORSGRUNN_UTM32[0] ?? [0, 0] },
      { id: 'BH-2', at: PORSGRUNN_UTM32[1] ?? [0, 0] },
      { id: 'BH-9', at: SKIEN_UTM32 },
    ]);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function run(...args: string[]) {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        ['src/cli/import-assets.ts', ...args],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: tmpdir(),
            DATABASE_URL: database.url ?? '',
            SECRETS_KEY: TEST_SECRETS_KEY,
          },
          timeout: 60_000,
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  }

  it('imports the file with progress, counts and the rejected line, and a second run changes nothing', async () => {
    const first = await run(file, '--municipality', '4001', '--type', 'hydrant');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2 created, 0 updated, 0 unchanged, 1 rejected');
    expect(first.stdout).toMatch(
      /line 3 \(BH-9\): Punktet \(59\.13\d*, 9\.59\d*\) ligger utenfor Porsgrunn\./,
    );
    expect(first.stderr).toMatch(/100\.0 % +2 created/);
    const rows = await queryRows<{ external_id: string }>(
      database.handle.db,
      sql`select external_id from assets where kommunenummer = '4001' order by external_id`,
    );
    expect(rows.map((r) => r.external_id)).toEqual(['BH-1', 'BH-2']);
    const [run1] = await queryRows<{ state: string; created: number }>(
      database.handle.db,
      sql`select state, created from asset_imports order by started_at limit 1`,
    );
    expect(run1).toEqual({ state: 'done', created: 2 });

    const second = await run(file, '--municipality', '4001', '--type', 'hydrant', '--epsg', '25832');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 created, 0 updated, 2 unchanged, 1 rejected');
  }, 90_000);

  it('exits 1 with a clear message on an unreadable file, an unknown EPSG, municipality or type', async () => {
    const missing = await run(path.join(dir, 'nope.geojson'), '--municipality', '4001');
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('Cannot read') });
    const epsg = await run(file, '--municipality', '4001', '--epsg', '3857');
    expect(epsg).toMatchObject({ code: 1, stderr: expect.stringContaining('Unsupported --epsg 3857') });
    const municipality = await run(file, '--municipality', '9999');
    expect(municipality).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Unknown municipality 9999'),
    });
    const type = await run(file, '--municipality', '4001', '--type', 'brannkran');
    expect(type).toMatchObject({ code: 1, stderr: expect.stringContaining('no asset type "brannkran"') });
    const none = await run(file);
    expect(none).toMatchObject({ code: 1, stderr: expect.stringContaining('--municipality') });
  }, 90_000);
});

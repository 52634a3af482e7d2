// `npm run stickers` against a PostgreSQL database of its own: the PDF it writes decodes to the
// report links of the municipality's hydrants, and a bad layout is refused before anything runs.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../test/support/databases.ts';
import { buildPorsgrunn } from '../../test/support/factories.ts';
import { TEST_SECRETS_KEY } from '../../test/support/secrets.ts';
import { buildAssets, seedAssetTypes } from '../../test/support/sticker-assets.ts';
import { decodeStickerPdf } from '../../test/support/sticker-pdf.ts';
import { reportLinks } from '../modules/report-links/schema.ts';
import { STICKER_LAYOUTS } from '../modules/stickers/layouts.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe.runIf(databaseKinds().includes('postgres'))('npm run stickers (PostgreSQL)', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await buildPorsgrunn(database.handle.db);
    await seedAssetTypes(database.handle.db, '4001');
    dir = await mkdtemp(path.join(tmpdir(), 'stickers-cli-'));
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function run(...args: string[]) {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        ['src/cli/stickers.ts', ...args],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: tmpdir(),
            DATABASE_URL: database.url ?? '',
            SECRETS_KEY: TEST_SECRETS_KEY,
            PUBLIC_URL: 'https://meld.example.no',
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

  it('writes the hydrants’ stickers to the file', async () => {
    const hydrants = await buildAssets(database.handle.db, '4001', 'hydrant', [
      { lat: 59.14, lon: 9.66 },
      { lat: 59.141, lon: 9.661 },
      { lat: 59.142, lon: 9.662 },
    ]);
    const out = path.join(dir, 'brannhydranter.pdf');
    const result = await run('--municipality', '4001', '--type', 'hydrant', '--layout', '3x8', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 stickers (3 new report links)');
    const { decoded } = await decodeStickerPdf(await readFile(out), STICKER_LAYOUTS['3x8'], 3);
    const links = await database.handle.db
      .select()
      .from(reportLinks)
      .where(eq(reportLinks.kommunenummer, '4001'));
    const byAsset = new Map(links.map((l) => [l.assetId, `https://meld.example.no/q/${l.code}`]));
    expect(decoded).toEqual(hydrants.map((h) => byAsset.get(h.id)));
  }, 90_000);

  it('refuses an unknown layout and a selection that matches nothing', async () => {
    const out = path.join(dir, 'x.pdf');
    const layout = await run('--municipality', '4001', '--type', 'hydrant', '--layout', '4x4', '--out', out);
    expect(layout.code).toBe(1);
    expect(layout.stderr).toContain('Unknown --layout 4x4');
    const none = await run('--municipality', '4001', '--type', 'pumpestasjon', '--out', out);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No assets match the selection.');
  }, 90_000);
});

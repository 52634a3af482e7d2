// The asset import on both databases: a UTM 32 GeoJSON with a crs member and a WGS84 CSV, a
// second run that changes nothing, a run that changes one asset, and line-by-line rejections
// (another municipality's point, unknown type, broken line, duplicate id) with their reasons.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PORSGRUNN_LONLAT,
  PORSGRUNN_UTM32,
  SKIEN_UTM32,
  writeGeoJson,
} from '../../../../test/support/asset-files.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../../test/support/factories.ts';
import { seedAssetTypes } from '../../../../test/support/sticker-assets.ts';
import { queryRows } from '../../../db/client.ts';
import { loadMunicipalityLocator, type MunicipalityLocator } from '../../geo/municipality-locator.ts';
import { type RunAssetImportOptions, runAssetImport } from './import-assets.ts';
import { startAssetImport } from './start-asset-import.ts';

describe.each(databaseKinds())('asset import on %s', (kind) => {
  let database: TestDatabase;
  let locator: MunicipalityLocator;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await buildPorsgrunn(database.handle.db);
    await buildMunicipality(database.handle.db, { kommunenummer: '4003', name: 'Skien' });
    await seedAssetTypes(database.handle.db, '4001');
    await seedAssetTypes(database.handle.db, '4003');
    locator = await loadMunicipalityLocator();
    dir = await mkdtemp(path.join(tmpdir(), 'asset-import-'));
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function run(file: string, options: Partial<RunAssetImportOptions> = {}, kommunenummer = '4001') {
    const db = database.handle.db;
    const importId = await startAssetImport(db, {
      kommunenummer,
      startedBy: null,
      fileName: 'x',
      bytesTotal: 1,
    });
    const outcome = await runAssetImport(db, locator, {
      importId,
      kommunenummer,
      file,
      language: 'en',
      actorId: null,
      batchSize: 2,
      ...options,
    });
    const [row] = await queryRows<{
      state: string;
      bytes_read: number;
      bytes_total: number;
      rejections: { line: number; externalId?: string; reason: string }[];
    }>(
      db,
      sql`select state, bytes_read, bytes_total, rejections from asset_imports where id = ${importId}::uuid`,
    );
    if (!row) throw new Error('no asset_imports row');
    return { outcome, row };
  }

  it('imports a UTM 32 GeoJSON with a crs member, rejects what cannot be used line by line, and a second run changes nothing', async () => {
    const file = path.join(dir, 'hydranter.geojson');
    await writeGeoJson(file, [
      {
        id: 'BH-1',
        type: 'hydrant',
        name: 'Storgata 1',
        at: PORSGRUNN_UTM32[0] ?? [0, 0],
        properties: { dim: 150, materiale: 'støpejern' },
      },
      { id: 'BH-2', type: 'Brannhydrant', at: PORSGRUNN_UTM32[1] ?? [0, 0] },
      { id: 'K-1', type: 'kum', at: PORSGRUNN_UTM32[2] ?? [0, 0] },
      { id: 'BH-SKIEN', type: 'hydrant', at: SKIEN_UTM32 },
      { id: 'X-1', type: 'fontene', at: PORSGRUNN_UTM32[3] ?? [0, 0] },
      { id: 'BH-1', type: 'hydrant', at: PORSGRUNN_UTM32[3] ?? [0, 0] },
      { id: 'L-1', type: 'hydrant', at: PORSGRUNN_UTM32[3] ?? [0, 0], geometryType: 'LineString' },
      { type: 'hydrant', at: PORSGRUNN_UTM32[3] ?? [0, 0] },
    ]);
    const first = await run(file);
    expect(first.outcome).toMatchObject({ state: 'done', created: 3, updated: 0, unchanged: 0, rejected: 5 });
    expect(first.row.state).toBe('done');
    expect(first.row.bytes_read).toBe(first.row.bytes_total);
    expect(first.row.rejections).toEqual([
      {
        line: 4,
        externalId: 'BH-SKIEN',
        reason: expect.stringMatching(/^The point \(59\.13\d*, 9\.59\d*\) is outside Porsgrunn\.$/),
      },
      {
        line: 5,
        externalId: 'X-1',
        reason: expect.stringContaining('Unknown asset type “fontene” (known: hydrant, kum, pumpestasjon'),
      },
      { line: 6, externalId: 'BH-1', reason: 'The same id as line 1.' },
      { line: 7, externalId: 'L-1', reason: 'The geometry is not a point (LineString).' },
      { line: 8, reason: 'No id (column id, external_id or ekstern_id).' },
    ]);
    const assets = await queryRows<{
      external_id: string;
      code: string;
      name: string;
      lat: number;
      lon: number;
      attributes: Record<string, string>;
    }>(
      database.handle.db,
      sql`select a.external_id, t.code, a.name, a.lat, a.lon, a.attributes from assets a join asset_types t on t.id = a.type_id
           where a.kommunenummer = '4001' order by a.external_id`,
    );
    expect(assets.map((a) => [a.external_id, a.code, a.name])).toEqual([
      ['BH-1', 'hydrant', 'Storgata 1'],
      ['BH-2', 'hydrant', 'BH-2'],
      ['K-1', 'kum', 'K-1'],
    ]);
    expect(assets[0]?.lat).toBeCloseTo(59.1147, 3);
    expect(assets[0]?.lon).toBeCloseTo(9.6462, 3);
    expect(assets[0]?.attributes).toEqual({ dim: '150', materiale: 'støpejern' });

    const second = await run(file);
    expect(second.outcome).toMatchObject({
      state: 'done',
      created: 0,
      updated: 0,
      unchanged: 3,
      rejected: 5,
    });
  });

  it('reads a WGS84 CSV with a type for the whole file, and a changed line updates only that asset', async () => {
    const file = path.join(dir, 'kummer.csv');
    const [a, b] = PORSGRUNN_LONLAT;
    await writeFile(
      file,
      `ekstern_id;navn;lon;lat;type;merknad\nKUM-1;Kum ved skolen;${a?.[0]};${a?.[1]};Kum;\nKUM-2;"Kum; ved kaia";${b?.[0]};${b?.[1]};;dyp\nKUM-3;Uten koordinater;;;;\n`,
    );
    const first = await run(file, { typeCode: 'kum' });
    expect(first.outcome).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(first.row.rejections).toEqual([
      { line: 4, externalId: 'KUM-3', reason: 'The coordinates are missing or not numbers.' },
    ]);
    await writeFile(
      file,
      `ekstern_id;navn;lon;lat;type;merknad\nKUM-1;Kum ved skolen;${a?.[0]};${a?.[1]};Kum;\nKUM-2;"Kum; ved kaia";${b?.[0]};${b?.[1]};;grunn\n`,
    );
    const second = await run(file, { typeCode: 'kum' });
    expect(second.outcome).toMatchObject({ created: 0, updated: 1, unchanged: 1, rejected: 0 });
    const [kum2] = await queryRows<{ name: string; attributes: Record<string, string> }>(
      database.handle.db,
      sql`select name, attributes from assets where kommunenummer = '4001' and external_id = 'KUM-2'`,
    );
    expect(kum2).toEqual({ name: 'Kum; ved kaia', attributes: { merknad: 'grunn' } });
  });

  it('imports a feature whose property is nested too deep to write back, without that property', async () => {
    const file = path.join(dir, 'deep.geojson');
    const [a] = PORSGRUNN_LONLAT;
    const depth = 200_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    await writeFile(
      file,
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"DYP-1","type":"hydrant","merknad":"ok","nested":${deep}},"geometry":{"type":"Point","coordinates":[${a?.[0]},${a?.[1]}]}}]}`,
    );
    const result = await run(file);
    expect(result.outcome).toMatchObject({ state: 'done', created: 1, rejected: 0 });
    const [asset] = await queryRows<{ attributes: Record<string, string> }>(
      database.handle.db,
      sql`select attributes from assets where kommunenummer = '4001' and external_id = 'DYP-1'`,
    );
    expect(asset?.attributes).toEqual({ merknad: 'ok' });
  });

  it('rejects Porsgrunn’s points in Skien’s import, and metres without a coordinate system', async () => {
    const file = path.join(dir, 'skien.csv');
    const [e, n] = PORSGRUNN_UTM32[0] ?? [0, 0];
    await writeFile(
      file,
      `id,type,x,y\nS-1,hydrant,${e},${n}\nS-2,hydrant,${SKIEN_UTM32[0]},${SKIEN_UTM32[1]}\n`,
    );
    const plain = await run(file, {}, '4003');
    expect(plain.outcome).toMatchObject({ created: 0, rejected: 2 });
    expect(plain.row.rejections[0]?.reason).toMatch(/^The coordinates are not longitude and latitude/);
    const utm = await run(file, { epsg: 25832 }, '4003');
    expect(utm.outcome).toMatchObject({ created: 1, rejected: 1 });
    expect(utm.row.rejections).toEqual([
      { line: 2, externalId: 'S-1', reason: expect.stringMatching(/is outside Skien\.$/) },
    ]);
  });

  it('fails a file that is not GeoJSON or CSV with coordinates, and refuses a second run while one runs', async () => {
    const file = path.join(dir, 'cut.geojson');
    await writeFile(file, '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"A"');
    const cut = await run(file, { typeCode: 'hydrant' });
    expect(cut.outcome).toMatchObject({
      state: 'failed',
      error: 'The file ends in the middle of the GeoJSON (cut off?).',
    });
    expect(cut.row.state).toBe('failed');

    await startAssetImport(database.handle.db, {
      kommunenummer: '4001',
      startedBy: null,
      fileName: 'a',
      bytesTotal: 1,
    });
    await expect(
      startAssetImport(database.handle.db, {
        kommunenummer: '4001',
        startedBy: null,
        fileName: 'b',
        bytesTotal: 1,
      }),
    ).rejects.toMatchObject({ status: 409, code: 'asset_import_running' });
    // Another municipality is not held up.
    await expect(
      startAssetImport(database.handle.db, {
        kommunenummer: '4003',
        startedBy: null,
        fileName: 'c',
        bytesTotal: 1,
      }),
    ).resolves.toMatch(/^[0-9a-f-]{36}$/);
    await database.handle.db.execute(sql`update asset_imports set state = 'done' where state = 'running'`);
  });
});

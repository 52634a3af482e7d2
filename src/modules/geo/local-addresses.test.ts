import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { importAddresses } from './import-addresses.ts';
import {
  hasLocalAddresses,
  PORSGRUNN_SAMPLE_FILE,
  searchLocalAddresses,
  seedAddressesIfEmpty,
} from './local-addresses.ts';

describe.each(databaseKinds())('local addresses on %s', (kind) => {
  let database: TestDatabase;
  let dir: string;
  let sampleLines = 0;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-addresses-'));
  });
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports the Porsgrunn sample, and a second import adds and updates nothing', async () => {
    const db = database.handle.db;
    expect(await hasLocalAddresses(db, '4001')).toBe(false);
    const progress: number[] = [];
    const first = await importAddresses(db, PORSGRUNN_SAMPLE_FILE, {
      batchSize: 100,
      onProgress: (p) => progress.push(p.bytesRead / p.totalBytes),
    });
    sampleLines = first.lines;
    expect(first).toMatchObject({ added: first.lines, updated: 0, unchanged: 0, skipped: 0 });
    expect(first.lines).toBeGreaterThan(200);
    expect(progress.at(-1)).toBe(1);
    const second = await importAddresses(db, PORSGRUNN_SAMPLE_FILE);
    expect(second).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: first.lines,
      skipped: 0,
      skipReasons: {},
    });
    // The demo seeding leaves a municipality that has addresses alone.
    expect(await seedAddressesIfEmpty(db, '4001')).toBeNull();
  });

  it('updates only the lines that changed', async () => {
    const file = path.join(dir, 'changed.csv');
    await writeFile(
      file,
      [
        'lokalid;kommunenummer;adresseTekst;EPSG-kode;Nord;Øst;postnummer;poststed',
        'skien-1;4003;Storgata 1;25832;6564000;533500;3724;SKIEN',
        'skien-2;4003;Storgata 3;25832;6564010;533510;3724;SKIEN',
        'bad;4003;Storgata 5;25832;x;533510;3724;SKIEN',
      ].join('\n'),
    );
    const db = database.handle.db;
    expect(await importAddresses(db, file)).toMatchObject({
      added: 2,
      updated: 0,
      skipped: 1,
      skipReasons: { bad_coordinates: 1 },
      skipExamples: { bad_coordinates: [4] },
    });
    await writeFile(
      file,
      [
        'lokalid;kommunenummer;adresseTekst;EPSG-kode;Nord;Øst;postnummer;poststed',
        'skien-1;4003;Storgata 1;25832;6564000;533500;3724;SKIEN',
        'skien-2;4003;Storgata 3A;25832;6564010;533510;3724;SKIEN',
      ].join('\n'),
    );
    expect(await importAddresses(db, file)).toMatchObject({ added: 0, updated: 1, unchanged: 1, skipped: 0 });
  });

  it('sorts an imported address whose number is too long for a bigint instead of failing the search', async () => {
    const file = path.join(dir, 'long-number.csv');
    await writeFile(
      file,
      [
        'lokalid;kommunenummer;adresseTekst;EPSG-kode;Nord;Øst;postnummer;poststed',
        'skien-long;4003;Langveien 12345678901234567890;25832;6564020;533520;3724;SKIEN',
        'skien-short;4003;Langveien 2;25832;6564030;533530;3724;SKIEN',
      ].join('\n'),
    );
    const db = database.handle.db;
    expect(await importAddresses(db, file)).toMatchObject({ added: 2 });
    expect((await searchLocalAddresses(db, '4003', 'langv', 8)).map((h) => h.text)).toEqual([
      'Langveien 2',
      'Langveien 12345678901234567890',
    ]);
  });

  it("finds Storgata in Porsgrunn by a lower-case prefix, in house-number order, and nothing from Skien's", async () => {
    const db = database.handle.db;
    const hits = await searchLocalAddresses(db, '4001', 'storg', 8);
    expect(hits).toHaveLength(8);
    expect(hits.map((h) => h.text)).toEqual([
      'Storgata 1',
      'Storgata 2',
      'Storgata 3',
      'Storgata 4',
      'Storgata 5',
      'Storgata 6',
      'Storgata 7',
      'Storgata 7A',
    ]);
    expect(hits[0]).toMatchObject({ postcode: '3915', postTown: 'PORSGRUNN' });
    expect(hits.every((h) => h.lat > 59 && h.lat < 59.3 && h.lon > 9.4 && h.lon < 9.9)).toBe(true);
    expect((await searchLocalAddresses(db, '4001', 'STORGATA 12', 8)).map((h) => h.text)).toEqual([
      'Storgata 12',
      'Storgata 120',
      'Storgata 121',
      'Storgata 122',
      'Storgata 123',
      'Storgata 124',
      'Storgata 125',
      'Storgata 126',
    ]);
    expect((await searchLocalAddresses(db, '4003', 'storg', 8)).map((h) => h.text)).toEqual([
      'Storgata 1',
      'Storgata 3A',
    ]);
    expect(await searchLocalAddresses(db, '4001', 'storgata_%', 8)).toEqual([]);
    expect(await searchLocalAddresses(db, '4001', 'gata', 8)).toEqual([]);
    expect(sampleLines).toBeGreaterThan(0);
  });
});

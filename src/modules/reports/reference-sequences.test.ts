// The first reports of a new year race to create its reference sequence: on 1 January every
// municipality meets this. Fifty at once, on as many connections, must all be stored with
// distinct, consecutive references; and the worker's daily job makes next year's sequence ahead.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { buildPorsgrunn, PLACES } from '../../../test/support/factories.ts';
import { sharedLocator } from '../../../test/support/test-app.ts';
import { type DatabaseHandle, openDatabase, queryRows } from '../../db/client.ts';
import { createSequencesForAllMunicipalities } from '../../jobs/maintenance.ts';
import { createIntakeCatalog } from '../categories/intake-catalog.ts';
import { createReport } from './create-report.ts';
import { referenceSequenceName } from './reference.ts';

const REPORTS = 50;

async function sequenceExists(db: DatabaseHandle, name: string): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    db.db,
    sql`select to_regclass(${name}) is not null as found`,
  );
  return rows[0]?.found === true;
}

describe.each(databaseKinds())('reference sequences on %s', (kind) => {
  let database: TestDatabase;
  let wide: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await buildPorsgrunn(database.handle.db);
    // On PostgreSQL, a pool as wide as the burst: every report on a connection of its own.
    wide = database.url
      ? await openDatabase({ kind: 'server', url: database.url, poolMax: REPORTS })
      : database.handle;
  });
  afterAll(async () => {
    if (wide && wide !== database?.handle) await wide.close();
    await database?.close();
  });

  it(`stores ${REPORTS} concurrent first reports of a new year with distinct references`, async () => {
    const year = 2040;
    const name = referenceSequenceName('4001', year);
    await database.handle.db.execute(sql.raw(`drop sequence if exists ${name}`));
    const deps = {
      database: wide,
      catalog: createIntakeCatalog(wide.db),
      locator: await sharedLocator(),
      // 00:30 on 1 January in Oslo: already the new year.
      now: () => new Date(`${year}-01-01T00:30:00+01:00`),
    };
    const results = await Promise.allSettled(
      Array.from({ length: REPORTS }, (_, i) =>
        createReport(deps, {
          category: 'vann-lekkasje',
          location: PLACES.porsgrunn,
          description: `Første melding i ${year}, nummer ${i}`,
          channel: 'api',
          language: 'nb',
        }),
      ),
    );
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failed).toEqual([]);
    const refs = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.ref] : []));
    expect(new Set(refs).size).toBe(REPORTS);
    const numbers = refs.map((ref) => Number(ref.split('-')[2])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: REPORTS }, (_, i) => i + 1));
    expect(refs.every((ref) => ref.startsWith(`4001-${year}-`))).toBe(true);
  });

  it('makes this year’s and next year’s sequences ahead for every municipality, and again without error', async () => {
    const now = new Date('2041-06-01T12:00:00Z');
    for (const year of [2041, 2042]) {
      await database.handle.db.execute(
        sql.raw(`drop sequence if exists ${referenceSequenceName('4001', year)}`),
      );
    }
    await Promise.all([
      createSequencesForAllMunicipalities(wide.db, now),
      createSequencesForAllMunicipalities(wide.db, now),
    ]);
    await createSequencesForAllMunicipalities(database.handle.db, now);
    expect(await sequenceExists(database.handle, referenceSequenceName('4001', 2041))).toBe(true);
    expect(await sequenceExists(database.handle, referenceSequenceName('4001', 2042))).toBe(true);
  });
});

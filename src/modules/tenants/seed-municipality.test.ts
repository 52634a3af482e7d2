import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { queryRows } from '../../db/client.ts';
import { categories } from '../categories/schema.ts';
import { reportLinks } from '../report-links/schema.ts';
import { porsgrunn } from './demo/porsgrunn.ts';
import { municipalities, teams } from './schema.ts';
import { seedMunicipality } from './seed-municipality.ts';

describe.each(databaseKinds())('seeding the demo municipality on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('loads Porsgrunn once, and a second run changes nothing, not even edits made since', async () => {
    const db = database.handle.db;
    const first = await seedMunicipality(db, porsgrunn);
    expect(first).toEqual({
      municipalities: 1,
      teams: 2,
      groups: 4,
      categories: 19,
      reportLinks: 2,
      assetTypes: 7,
    });

    // An administrator renames a category and switches one off after the first start.
    await db
      .update(categories)
      .set({ name: { nb: 'Lekkasje (endret)' }, active: false })
      .where(eq(categories.code, 'vann-lekkasje'));
    // ...and takes the pumping station's sticker out of use.
    await db.update(reportLinks).set({ active: false }).where(eq(reportLinks.code, 'pg-pst12'));
    const categoryRows = () =>
      queryRows(db, sql`select code, name, active, updated_at from categories order by code`);
    const snapshot = await categoryRows();
    const linkRows = () => queryRows(db, sql`select * from report_links order by code`);
    const linkSnapshot = await linkRows();

    const second = await seedMunicipality(db, porsgrunn);
    expect(second).toEqual({
      municipalities: 0,
      teams: 0,
      groups: 0,
      categories: 0,
      reportLinks: 0,
      assetTypes: 0,
    });
    expect(await categoryRows()).toEqual(snapshot);
    expect(await linkRows()).toEqual(linkSnapshot);

    const [municipality] = await db.select().from(municipalities);
    expect(municipality).toMatchObject({
      kommunenummer: '4001',
      slug: 'porsgrunn',
      enabled: true,
      defaultLanguage: 'nb',
    });
    const teamNames = (await db.select({ name: teams.name }).from(teams)).map((t) => t.name).sort();
    expect(teamNames).toEqual(['VA drift', 'Vei og park']);
    // Every water and wastewater category is routed to VA drift.
    const routed = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from categories c join teams t on t.id = c.default_team_id
          where t.code = 'va-drift' and (c.code like 'vann-%' or c.code like 'avlop-%')`,
    );
    expect(routed).toEqual([{ n: 13 }]);
  });

  it('loads the QR links for a hydrant and a pumping station, unscanned', async () => {
    const db = database.handle.db;
    await seedMunicipality(db, porsgrunn);
    const links = await db
      .select({
        code: reportLinks.code,
        kommunenummer: reportLinks.kommunenummer,
        assetRef: reportLinks.assetRef,
        suggestedCategories: reportLinks.suggestedCategories,
        label: reportLinks.label,
        scanCount: reportLinks.scanCount,
        hasPoint: sql<boolean>`${reportLinks.lat} is not null and ${reportLinks.lon} is not null`,
      })
      .from(reportLinks)
      .orderBy(reportLinks.code);
    expect(links).toEqual([
      {
        code: 'pg-bh0417',
        kommunenummer: '4001',
        assetRef: 'BH-0417',
        suggestedCategories: ['vann-brannhydrant', 'vann-lekkasje'],
        label: expect.objectContaining({ en: 'Fire hydrant BH-0417 in Storgata' }),
        scanCount: 0,
        hasPoint: true,
      },
      {
        code: 'pg-pst12',
        kommunenummer: '4001',
        assetRef: 'PST-12',
        suggestedCategories: ['avlop-lukt', 'avlop-tett', 'avlop-overvann'],
        label: expect.objectContaining({ en: 'Sewage pumping station PST-12 in Brevik' }),
        scanCount: 0,
        hasPoint: true,
      },
    ]);
  });
});

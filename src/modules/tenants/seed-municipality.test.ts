import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { queryRows } from '../../db/client.ts';
import { categories } from '../categories/schema.ts';
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
    expect(first).toEqual({ municipalities: 1, teams: 2, groups: 4, categories: 19 });

    // An administrator renames a category and switches one off after the first start.
    await db
      .update(categories)
      .set({ name: { nb: 'Lekkasje (endret)' }, active: false })
      .where(eq(categories.code, 'vann-lekkasje'));
    const categoryRows = () =>
      queryRows(db, sql`select code, name, active, updated_at from categories order by code`);
    const snapshot = await categoryRows();

    const second = await seedMunicipality(db, porsgrunn);
    expect(second).toEqual({ municipalities: 0, teams: 0, groups: 0, categories: 0 });
    expect(await categoryRows()).toEqual(snapshot);

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
});

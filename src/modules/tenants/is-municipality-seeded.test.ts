import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { categories } from '../categories/schema.ts';
import { porsgrunn } from './demo/porsgrunn.ts';
import { isMunicipalitySeeded } from './is-municipality-seeded.ts';
import { seedMunicipality } from './seed-municipality.ts';

describe.each(databaseKinds())('knowing the demo municipality is seeded on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('says no before the seed and after a seeded category is gone, yes once all is there', async () => {
    const db = database.handle.db;
    expect(await isMunicipalitySeeded(db, porsgrunn)).toBe(false);
    await seedMunicipality(db, porsgrunn);
    expect(await isMunicipalitySeeded(db, porsgrunn)).toBe(true);

    await db.delete(categories).where(eq(categories.code, 'vann-lekkasje'));
    expect(await isMunicipalitySeeded(db, porsgrunn)).toBe(false);
    expect((await seedMunicipality(db, porsgrunn)).categories).toBe(1);
    expect(await isMunicipalitySeeded(db, porsgrunn)).toBe(true);
  });
});

// Factories: each test builds the data it needs, with defaults that make a valid thing and
// overrides for what the test is about. No shared fixtures.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/client.ts';
import type { Question } from '../../src/modules/categories/questions.ts';
import { categories, categoryGroups } from '../../src/modules/categories/schema.ts';
import { porsgrunn } from '../../src/modules/tenants/demo/porsgrunn.ts';
import { municipalities } from '../../src/modules/tenants/schema.ts';
import { seedMunicipality } from '../../src/modules/tenants/seed-municipality.ts';

/** A point in Porsgrunn's town centre, and points elsewhere worth testing. */
export const PLACES = {
  porsgrunn: { lat: 59.14, lon: 9.66 },
  skien: { lat: 59.2096, lon: 9.6089 },
  osloCityHall: { lat: 59.912, lon: 10.734 },
  stockholm: { lat: 59.3293, lon: 18.0686 },
} as const;

function suffix(): string {
  return randomBytes(3).toString('hex');
}

export async function buildPorsgrunn(db: Database) {
  await seedMunicipality(db, porsgrunn);
  return porsgrunn;
}

export async function buildMunicipality(
  db: Database,
  overrides: Partial<typeof municipalities.$inferInsert> & { kommunenummer: string; name: string },
) {
  const [row] = await db
    .insert(municipalities)
    .values({
      slug: `${overrides.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${suffix()}`,
      defaultLanguage: 'nb',
      languages: ['nb', 'nn', 'en'],
      enabled: true,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('municipality not created');
  return row;
}

export async function buildCategory(
  db: Database,
  overrides: Partial<typeof categories.$inferInsert> & { kommunenummer: string; questions?: Question[] },
) {
  const [group] = await db
    .insert(categoryGroups)
    .values({
      kommunenummer: overrides.kommunenummer,
      code: `gruppe-${suffix()}`,
      name: { nb: 'Testgruppe' },
    })
    .returning();
  if (!group) throw new Error('group not created');
  const [row] = await db
    .insert(categories)
    .values({
      groupId: group.id,
      code: `test-${suffix()}`,
      name: { nb: 'Testkategori', nn: 'Testkategori', en: 'Test category' },
      deadlineHours: 24,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('category not created');
  return row;
}

/** A valid body for POST /api/v1/reports in Porsgrunn. */
export function buildReportBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'vann-lekkasje',
    location: { ...PLACES.porsgrunn },
    description: 'Vann renner opp av asfalten ved fortauskanten.',
    answers: { mengde: 'renner' },
    contact: { name: 'Kari Nordmann', email: 'kari@example.no', phone: '912 34 567', notify: 'email' },
    ...overrides,
  };
}

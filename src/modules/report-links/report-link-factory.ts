// Test factory: a report link with defaults that make a valid one (an active link in Porsgrunn),
// and overrides for what a test is about. Lives beside the module because only its tests use it.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { reportLinks } from './schema.ts';

export async function buildReportLink(
  db: Database,
  overrides: Partial<typeof reportLinks.$inferInsert> = {},
) {
  const [row] = await db
    .insert(reportLinks)
    .values({
      code: `test-${randomBytes(4).toString('hex')}`,
      kommunenummer: '4001',
      label: { nb: 'Testkum', nn: 'Testkum', en: 'Test manhole' },
      lat: 59.14,
      lon: 9.66,
      suggestedCategories: ['avlop-kumlokk'],
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('report link not created');
  return row;
}

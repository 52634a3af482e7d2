// The second municipality of the tests about accounts that span municipalities (Skien, 4003, next
// to Porsgrunn, 4001). Built with the factories for now; kept in this one helper so it can be
// swapped for the operator's `npm run municipality -- add` once that exists.
import type { Database } from '../../src/db/client.ts';
import { buildMunicipality } from './factories.ts';

export const SKIEN = { kommunenummer: '4003', name: 'Skien' } as const;

export async function buildSecondMunicipality(
  db: Database,
  municipality: { kommunenummer: string; name: string } = SKIEN,
): Promise<{ kommunenummer: string; name: string; slug: string }> {
  const row = await buildMunicipality(db, municipality);
  return { kommunenummer: row.kommunenummer, name: row.name, slug: row.slug };
}

// The second municipality of the tests about accounts that span municipalities (Skien, 4003, next
// to Porsgrunn, 4001), made the way the platform operator makes one (`npm run municipality -- add`):
// its name from the shipped boundaries, its setup copied from Porsgrunn when the test built it.
import type { Database } from '../../src/db/client.ts';
import { addMunicipalityLikeOperator } from './municipalities.ts';

export const SKIEN = { kommunenummer: '4003', name: 'Skien' } as const;

export async function buildSecondMunicipality(
  db: Database,
  municipality: { kommunenummer: string } = SKIEN,
): Promise<{ kommunenummer: string; name: string; slug: string }> {
  const added = await addMunicipalityLikeOperator(db, municipality.kommunenummer);
  return { kommunenummer: added.kommunenummer, name: added.name, slug: added.slug };
}

// A second (third…) municipality for a test, made the way the platform operator makes one:
// through the same use case as `npm run municipality -- add`, with its name from the shipped
// boundaries and its setup copied from a template (Porsgrunn, 4001, when the test built it).
import type { Database } from '../../src/db/client.ts';
import {
  type AddedMunicipality,
  type AddMunicipalityInput,
  addMunicipality,
} from '../../src/modules/tenants/add-municipality.ts';
import { sharedLocator } from './test-app.ts';

export async function addMunicipalityLikeOperator(
  db: Database,
  kommunenummer: string,
  options: Omit<Partial<AddMunicipalityInput>, 'kommunenummer'> = {},
): Promise<AddedMunicipality> {
  return addMunicipality(
    { db, directory: await sharedLocator() },
    { adminEmail: `admin-${kommunenummer}@kommune.test`, ...options, kommunenummer },
  );
}

// Search over the address points imported with `npm run import:addresses`.
import { fileURLToPath } from 'node:url';
import { and, eq, like, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.ts';
import type { AddressHit } from './address-search.ts';
import { type ImportResult, importAddresses } from './import-addresses.ts';
import { addresses } from './schema.ts';

/** Generated demo addresses for Porsgrunn (not real ones; see resources/geo/README.md). */
export const PORSGRUNN_SAMPLE_FILE = fileURLToPath(
  new URL('../../../resources/geo/porsgrunn-addresses-sample.csv', import.meta.url),
);

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Addresses in the municipality starting with `query` (case-insensitive: "storg" finds
 * "Storgata 12"), by street name, then house number as a number, then letter.
 */
export async function searchLocalAddresses(
  db: Queryable,
  kommunenummer: string,
  query: string,
  limit: number,
): Promise<AddressHit[]> {
  const prefix = query.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!prefix) return [];
  const rows = await db
    .select({
      text: addresses.adressetekst,
      postcode: addresses.postnummer,
      postTown: addresses.poststed,
      lat: addresses.lat,
      lon: addresses.lon,
    })
    .from(addresses)
    .where(
      and(eq(addresses.kommunenummer, kommunenummer), like(addresses.searchText, `${escapeLike(prefix)}%`)),
    )
    .orderBy(
      sql`substring(${addresses.searchText} from '^\\D*')`,
      // At most 18 digits, which always fit a bigint: an imported "number" of 20 digits made every
      // search its street matched fail in the cast.
      sql`coalesce(substring(${addresses.searchText} from '\\d{1,18}')::bigint, 0)`,
      addresses.searchText,
    )
    .limit(limit);
  return rows;
}

// Whether a municipality has local addresses, asked on every form page: a yes is kept for the
// process's life (addresses are not deleted), a no for a minute (an import may be running).
const NO_TTL_MS = 60_000;
const known = new WeakMap<object, Map<string, { has: boolean; at: number }>>();

export async function hasLocalAddresses(db: Queryable, kommunenummer: string): Promise<boolean> {
  let perDb = known.get(db);
  if (!perDb) {
    perDb = new Map();
    known.set(db, perDb);
  }
  const cached = perDb.get(kommunenummer);
  if (cached && (cached.has || Date.now() - cached.at < NO_TTL_MS)) return cached.has;
  const rows = await db
    .select({ id: addresses.id })
    .from(addresses)
    .where(eq(addresses.kommunenummer, kommunenummer))
    .limit(1);
  const has = rows.length > 0;
  perDb.set(kommunenummer, { has, at: Date.now() });
  return has;
}

/** Imports `file` when the municipality has no addresses yet (demo seeding); null when it had some. */
export async function seedAddressesIfEmpty(
  db: Database,
  kommunenummer: string,
  file = PORSGRUNN_SAMPLE_FILE,
): Promise<ImportResult | null> {
  const [row] = await db
    .select({ id: addresses.id })
    .from(addresses)
    .where(eq(addresses.kommunenummer, kommunenummer))
    .limit(1);
  if (row) return null;
  return importAddresses(db, file);
}

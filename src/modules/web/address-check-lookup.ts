// Answers the notice list's address check: the posted value read through its field table (length
// and control characters, refused with 400 in the page's language), then looked up in the local
// address data, then matched against the notices' areas. The address is never in a URL and never
// logged (`adresse` is also redacted from request lines, src/http/logging.ts, should a link carry it).
import type { Queryable } from '../../db/client.ts';
import { searchLocalAddresses } from '../geo/local-addresses.ts';
import { noticesAtPoint } from '../notices/notices-at-point.ts';
import { type FieldTable, firstValue, readUrlencoded } from './form-fields.ts';
import { ADDRESS_MAX_LENGTH, type AddressCheck } from './pages/address-check.ts';
import type { Site } from './site.ts';

/** The address check form's one field (form-fields.ts): cut at its limit, control characters out. */
const ADDRESS_CHECK_FORM: FieldTable = { fields: { adresse: { maxLength: ADDRESS_MAX_LENGTH } } };

export async function lookUpAddressCheck(
  db: Queryable,
  site: Site,
  body: unknown,
): Promise<{ check: AddressCheck; status: 200 | 400 }> {
  const { fields, errors } = readUrlencoded(body, ADDRESS_CHECK_FORM);
  const first = firstValue(fields, 'adresse');
  if (first === undefined) return { check: { kind: 'not_asked' }, status: 200 };
  const t = site.text.notices;
  if (errors.some((error) => error.code === 'too_long')) {
    return {
      check: { kind: 'refused', query: first, message: t.checkTooLong(ADDRESS_MAX_LENGTH) },
      status: 400,
    };
  }
  if (errors.length > 0)
    return { check: { kind: 'refused', query: '', message: t.checkControl }, status: 400 };
  const query = first.trim();
  if (!query) return { check: { kind: 'not_asked' }, status: 200 };
  const [hit] = await searchLocalAddresses(db, site.municipality.kommunenummer, query, 1);
  if (!hit) return { check: { kind: 'not_found', query }, status: 200 };
  const notices = await noticesAtPoint(db, {
    kommunenummer: site.municipality.kommunenummer,
    point: { lat: hit.lat, lon: hit.lon },
    language: site.language,
  });
  const address = hit.postTown ? `${hit.text}, ${hit.postcode} ${hit.postTown}` : hit.text;
  return { check: { kind: 'answered', query, address, notices }, status: 200 };
}

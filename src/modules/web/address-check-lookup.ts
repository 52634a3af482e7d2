// Answers the notice list's address check: the raw query value checked before any use (length
// and control characters, refused with 400 in the page's language), then looked up in the local
// address data, then matched against the notices' areas. The address is never logged (the
// `adresse` parameter is redacted from request lines, src/http/logging.ts).
import type { Queryable } from '../../db/client.ts';
import { hasControlCharacters } from '../../shared/text.ts';
import { searchLocalAddresses } from '../geo/local-addresses.ts';
import { noticesAtPoint } from '../notices/notices-at-point.ts';
import { ADDRESS_MAX_LENGTH, type AddressCheck } from './pages/address-check.ts';
import type { Site } from './site.ts';

export async function lookUpAddressCheck(
  db: Queryable,
  site: Site,
  raw: unknown,
): Promise<{ check: AddressCheck; status: 200 | 400 }> {
  // Sent twice (?adresse=a&adresse=b) is not something the form does: the first is read.
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (typeof first !== 'string') return { check: { kind: 'not_asked' }, status: 200 };
  const t = site.text.notices;
  if (first.length > ADDRESS_MAX_LENGTH) {
    const query = first.slice(0, ADDRESS_MAX_LENGTH);
    return { check: { kind: 'refused', query, message: t.checkTooLong(ADDRESS_MAX_LENGTH) }, status: 400 };
  }
  if (hasControlCharacters(first, false)) {
    return { check: { kind: 'refused', query: '', message: t.checkControl }, status: 400 };
  }
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

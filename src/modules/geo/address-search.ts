// Address search through an online service with Kartverket's address API (`{base}/sok`). The
// machines that build and test Meldepunkt cannot reach it; tests use a local stand-in. The local
// search over imported address points is in local-addresses.ts; routes.ts picks between them.
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { withoutTrailingSlashes } from '../../shared/text.ts';

export interface AddressHit {
  /** "Storgata 12" */
  text: string;
  postcode: string;
  postTown: string;
  lat: number;
  lon: number;
}

export interface AddressSearch {
  /** Up to `limit` addresses in the municipality matching `query`. Throws a 503 AppError when the service fails. */
  search(query: string, kommunenummer: string, limit: number): Promise<AddressHit[]>;
}

interface KartverketAddress {
  adressetekst?: unknown;
  postnummer?: unknown;
  poststed?: unknown;
  kommunenummer?: unknown;
  representasjonspunkt?: { lat?: unknown; lon?: unknown } | null;
}

function unavailable(cause: unknown): AppError {
  const error = new AppError(503, 'address_search_unavailable', messages.addressSearchUnavailable());
  error.cause = cause;
  return error;
}

function toHit(a: KartverketAddress, kommunenummer: string): AddressHit | undefined {
  const point = a.representasjonspunkt;
  const lat = point?.lat;
  const lon = point?.lon;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon))
    return undefined;
  if (a.kommunenummer !== kommunenummer || typeof a.adressetekst !== 'string' || !a.adressetekst)
    return undefined;
  return {
    text: a.adressetekst,
    postcode: typeof a.postnummer === 'string' ? a.postnummer : '',
    postTown: typeof a.poststed === 'string' ? a.poststed : '',
    lat,
    lon,
  };
}

/** `baseUrl` such as https://ws.geonorge.no/adresser/v1 (without `/sok`). */
export function createKartverketAddressSearch(
  baseUrl: string,
  { timeoutMs = 3000 }: { timeoutMs?: number } = {},
): AddressSearch {
  const base = withoutTrailingSlashes(baseUrl);
  return {
    async search(query, kommunenummer, limit) {
      const url = new URL(`${base}/sok`);
      url.searchParams.set('sok', query);
      url.searchParams.set('kommunenummer', kommunenummer);
      url.searchParams.set('treffPerSide', String(limit));
      url.searchParams.set('utkoordsys', '4258');
      let body: unknown;
      try {
        const response = await fetch(url, {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) {
          await response.body?.cancel();
          throw new Error(`address search answered HTTP ${response.status}`);
        }
        body = await response.json();
      } catch (error) {
        throw unavailable(error);
      }
      const list = (body as { adresser?: unknown } | null)?.adresser;
      if (!Array.isArray(list)) throw unavailable(new Error('address search answered without adresser[]'));
      const hits: AddressHit[] = [];
      for (const item of list as KartverketAddress[]) {
        const hit = item && typeof item === 'object' ? toHit(item, kommunenummer) : undefined;
        if (hit) hits.push(hit);
        if (hits.length >= limit) break;
      }
      return hits;
    },
  };
}

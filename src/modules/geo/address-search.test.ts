import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AddressStandIn, startAddressStandIn } from '../../../test/support/address-stand-in.ts';
import { AppError } from '../../shared/errors.ts';
import { createKartverketAddressSearch } from './address-search.ts';

describe('createKartverketAddressSearch (against a local stand-in)', () => {
  let standIn: AddressStandIn;
  beforeAll(async () => {
    standIn = await startAddressStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => {
    standIn.mode = 'ok';
    standIn.requests.length = 0;
  });

  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it('asks with sok, kommunenummer, treffPerSide and utkoordsys=4258, and maps the hits', async () => {
    const search = createKartverketAddressSearch(`${standIn.baseUrl}/`);
    const hits = await search.search('Storgata 1', '4001', 8);
    expect(hits).toEqual([
      { text: 'Storgata 12', postcode: '3915', postTown: 'PORSGRUNN', lat: 59.140234, lon: 9.656113 },
      { text: 'Storgata 130', postcode: '3915', postTown: 'PORSGRUNN', lat: 59.146811, lon: 9.650777 },
    ]);
    const asked = standIn.requests.at(-1);
    expect(Object.fromEntries(asked ?? [])).toEqual({
      sok: 'Storgata 1',
      kommunenummer: '4001',
      treffPerSide: '8',
      utkoordsys: '4258',
    });
  });

  it('leaves out hits from another municipality and hits without a point', async () => {
    const hits = await createKartverketAddressSearch(standIn.baseUrl).search('Storg', '4001', 10);
    expect(hits.map((h) => h.text)).toEqual(['Storgata 12', 'Storgata 130']);
  });

  it('answers an empty list when nothing matches', async () => {
    await expect(createKartverketAddressSearch(standIn.baseUrl).search('Ingen', '4001', 8)).resolves.toEqual(
      [],
    );
  });

  it('gives up with a 503 within the timeout when the service never answers', async () => {
    standIn.mode = 'hang';
    const started = Date.now();
    const error = await refusal(
      createKartverketAddressSearch(standIn.baseUrl, { timeoutMs: 200 }).search('Storg', '4001', 8),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.status).toBe(503);
    expect(error.code).toBe('address_search_unavailable');
    expect(error.localized.nb).toBe('Adressesøket svarer ikke nå. Skriv adressen selv.');
  });

  it('turns an HTTP error into a 503', async () => {
    standIn.mode = 'error';
    const error = await refusal(createKartverketAddressSearch(standIn.baseUrl).search('Storg', '4001', 8));
    expect(error.status).toBe(503);
    expect(error.localized.en).toMatch(/not responding/);
  });

  it('turns a body that is not JSON into a 503', async () => {
    standIn.mode = 'bad-json';
    const error = await refusal(createKartverketAddressSearch(standIn.baseUrl).search('Storg', '4001', 8));
    expect(error.status).toBe(503);
    expect(error.localized.nn).toBe('Adressesøket svarar ikkje no. Skriv adressa sjølv.');
  });

  it('turns an unreachable service into a 503', async () => {
    const error = await refusal(
      createKartverketAddressSearch('http://127.0.0.1:1/adresser/v1').search('Storg', '4001', 8),
    );
    expect(error.status).toBe(503);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AddressStandIn, startAddressStandIn } from '../../../test/support/address-stand-in.ts';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { importAddresses } from './import-addresses.ts';
import { PORSGRUNN_SAMPLE_FILE } from './local-addresses.ts';

describe.each(databaseKinds())('GET /api/v1/municipalities/{kommunenummer}/addresses on %s', (kind) => {
  let standIn: AddressStandIn;
  let t: TestApp;
  beforeAll(async () => {
    standIn = await startAddressStandIn();
    t = await startTestApp(kind, { addressSearchUrl: standIn.baseUrl });
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(async () => {
    await t?.close();
    await standIn?.close();
  });
  beforeEach(() => {
    standIn.mode = 'ok';
  });

  it("returns the municipality's matching addresses", async () => {
    const res = await t.request('GET', '/api/v1/municipalities/4001/addresses?q=Storg');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      addresses: [
        { text: 'Storgata 12', postcode: '3915', postTown: 'PORSGRUNN', lat: 59.140234, lon: 9.656113 },
        { text: 'Storgata 130', postcode: '3915', postTown: 'PORSGRUNN', lat: 59.146811, lon: 9.650777 },
      ],
    });
    expect(standIn.requests.at(-1)?.get('treffPerSide')).toBe('8');
  });

  it('passes the limit on, and refuses a limit over 10 or a query under 2 characters', async () => {
    await t.request('GET', '/api/v1/municipalities/4001/addresses?q=Storg&limit=1');
    expect(standIn.requests.at(-1)?.get('treffPerSide')).toBe('1');
    const tooMany = await t.request('GET', '/api/v1/municipalities/4001/addresses?q=Storg&limit=11');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('invalid_request');
    const tooShort = await t.request('GET', '/api/v1/municipalities/4001/addresses?q=S');
    expect(tooShort.status).toBe(400);
    const missing = await t.request('GET', '/api/v1/municipalities/4001/addresses');
    expect(missing.status).toBe(400);
  });

  it('answers 404 for an unknown municipality and 410 for a deactivated one', async () => {
    const unknown = await t.request('GET', '/api/v1/municipalities/9999/addresses?q=Storg');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('municipality_not_found');
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '3805', name: 'Larvik', enabled: false });
    const disabled = await t.request('GET', '/api/v1/municipalities/3805/addresses?q=Storg');
    expect(disabled.status).toBe(410);
    expect(disabled.body.error.code).toBe('municipality_unavailable');
  });

  it('answers 503 in the error shape, in the asked language, when the service fails', async () => {
    standIn.mode = 'error';
    const res = await t.request('GET', '/api/v1/municipalities/4001/addresses?q=Storg&lang=nn');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: {
        code: 'address_search_unavailable',
        message: 'Adressesøket svarar ikkje no. Skriv adressa sjølv.',
        details: [],
      },
    });
  });

  it('is in the OpenAPI document, and the form marks the address field', async () => {
    const doc = await t.request('GET', '/api/openapi.json');
    expect(doc.body.paths['/api/v1/municipalities/{kommunenummer}/addresses'].get.tags).toEqual([
      'addresses',
    ]);
    const form = await t.request('GET', '/porsgrunn/meld');
    expect(form.text).toContain('data-address-search="/api/v1/municipalities/4001/addresses"');
  });
});

describe('address search without ADDRESS_SEARCH_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien', slug: 'skien' });
    await importAddresses(t.ctx.db.db, PORSGRUNN_SAMPLE_FILE);
  });
  afterAll(() => t?.close());

  it('answers 404 and leaves the address field plain for a municipality without local addresses', async () => {
    const res = await t.request('GET', '/api/v1/municipalities/4003/addresses?q=Storg');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('address_search_off');
    const form = await t.request('GET', '/skien/meld');
    expect(form.status).toBe(200);
    expect(form.text).not.toContain('data-address-search');
  });

  it('answers from the imported addresses, and the form marks the address field', async () => {
    const res = await t.request('GET', '/api/v1/municipalities/4001/addresses?q=storgata%201&limit=3');
    expect(res.status).toBe(200);
    expect(res.body.addresses.map((a: { text: string }) => a.text)).toEqual([
      'Storgata 1',
      'Storgata 10',
      'Storgata 11',
    ]);
    expect(res.body.addresses[0]).toMatchObject({ postcode: '3915', postTown: 'PORSGRUNN' });
    const none = await t.request('GET', '/api/v1/municipalities/4001/addresses?q=Ukjentvegen');
    expect(none.body).toEqual({ addresses: [] });
    const form = await t.request('GET', '/porsgrunn/meld');
    expect(form.text).toContain('data-address-search="/api/v1/municipalities/4001/addresses"');
  });
});

describe('local addresses and the online service together', () => {
  let standIn: AddressStandIn;
  let t: TestApp;
  beforeAll(async () => {
    standIn = await startAddressStandIn();
    t = await startTestApp('pglite', { addressSearchUrl: standIn.baseUrl });
    await buildPorsgrunn(t.ctx.db.db);
    await importAddresses(t.ctx.db.db, PORSGRUNN_SAMPLE_FILE);
  });
  afterAll(async () => {
    await t?.close();
    await standIn?.close();
  });

  it('answers from local data when it finds something, and asks the online service when it does not', async () => {
    const local = await t.request('GET', '/api/v1/municipalities/4001/addresses?q=Kirkeg&limit=1');
    expect(local.body.addresses.map((a: { text: string }) => a.text)).toEqual(['Kirkegata 1']);
    expect(standIn.requests).toHaveLength(0);
    const online = await t.request('GET', '/api/v1/municipalities/4001/addresses?q=Ukjentvegen');
    expect(online.status).toBe(200);
    expect(standIn.requests.at(-1)?.get('sok')).toBe('Ukjentvegen');
  });
});

describe('address search rate limit', () => {
  let standIn: AddressStandIn;
  let t: TestApp;
  beforeAll(async () => {
    standIn = await startAddressStandIn();
    t = await startTestApp('pglite', { addressSearchUrl: standIn.baseUrl, reportRateLimitPerMinute: 1 });
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(async () => {
    await t?.close();
    await standIn?.close();
  });

  it('allows ten times the report limit per minute, then answers 429', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await t.request('GET', '/api/v1/municipalities/4001/addresses?q=Storg');
      expect(res.status).toBe(200);
    }
    const refused = await t.request('GET', '/api/v1/municipalities/4001/addresses?q=Storg');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
  });
});

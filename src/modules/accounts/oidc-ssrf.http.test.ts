// The anonymous OIDC start address makes the server fetch the configured issuer. With
// OIDC_ALLOW_PRIVATE_ISSUERS off (production) an issuer on this machine or a private network is
// never contacted; a failed discovery is not retried for a minute, gives up after 5 s, and each
// client may start only so many logins a minute. Real app, real HTTP, real local servers that
// count what reaches them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../../../test/support/oidc-test-provider.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { oidcClientSecretContext } from '../secrets/stored-secrets.ts';
import { OIDC_START_LIMIT_PER_MINUTE } from './oidc-routes.ts';

const PUBLIC_URL = 'http://meld.test';

/** A local server standing in for an issuer: counts requests and answers as told. */
async function countingServer(
  answer: 'error' | 'hang',
): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits++;
    if (answer === 'error') {
      res.statusCode = 500;
      res.end('broken');
    }
    // 'hang': never answers.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function setIssuer(t: TestApp, kommunenummer: string, issuer: string): Promise<void> {
  const secret = t.ctx.keyring.encrypt('client-secret', oidcClientSecretContext(kommunenummer));
  await t.ctx.db.db.execute(sql`insert into oidc_providers (kommunenummer, issuer, client_id, client_secret, label)
    values (${kommunenummer}, ${issuer}, 'meldepunkt', ${secret}, 'Kommunen')
    on conflict (kommunenummer) do update set issuer = excluded.issuer`);
}

async function start(t: TestApp, kommunenummer: string): Promise<Response> {
  const response = await fetch(`${t.baseUrl}/api/v1/staff/oidc/${kommunenummer}/start`, {
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return response;
}

describe.each(databaseKinds())('OIDC issuers on private addresses on %s', (kind) => {
  let production: TestApp;
  let development: TestApp;
  let idp: TestOidcProvider;
  const servers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    production = await startTestApp(kind, { publicUrl: PUBLIC_URL });
    development = await startTestApp(kind, { publicUrl: PUBLIC_URL, oidcAllowPrivateIssuers: true });
    for (const t of [production, development]) {
      await buildPorsgrunn(t.ctx.db.db);
      await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
      await buildMunicipality(t.ctx.db.db, { kommunenummer: '4005', name: 'Notodden' });
    }
    idp = await startTestOidcProvider(`${PUBLIC_URL}/api/v1/staff/oidc/callback`);
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await idp.close();
    await production.close();
    await development.close();
  });

  it('never contacts an issuer on 127.0.0.1 or localhost with the setting off, and reaches it with it on', async () => {
    const local = await countingServer('error');
    servers.push(local);
    await setIssuer(production, '4001', local.url);
    const literal = await start(production, '4001');
    expect(literal.status).toBe(302);
    expect(literal.headers.get('location')).toBe('/admin/login?error=oidc_failed');
    await setIssuer(production, '4003', local.url.replace('127.0.0.1', 'localhost'));
    expect((await start(production, '4003')).headers.get('location')).toBe('/admin/login?error=oidc_failed');
    expect(local.hits()).toBe(0);

    // The real provider on 127.0.0.1: refused in production, used with the development setting.
    await setIssuer(production, '4005', idp.issuer);
    expect((await start(production, '4005')).headers.get('location')).toBe('/admin/login?error=oidc_failed');
    await setIssuer(development, '4001', idp.issuer);
    const allowed = await start(development, '4001');
    expect(allowed.status).toBe(302);
    expect(allowed.headers.get('location')).toMatch(new RegExp(`^${idp.issuer}/auth\\?`));
  });

  it('remembers a failed discovery for a minute instead of asking the issuer again', async () => {
    const broken = await countingServer('error');
    servers.push(broken);
    await setIssuer(development, '4003', broken.url);
    for (let i = 0; i < 3; i++) {
      expect((await start(development, '4003')).headers.get('location')).toBe(
        '/admin/login?error=oidc_failed',
      );
    }
    expect(broken.hits()).toBe(1);
  });

  it('gives up on an issuer that does not answer after about 5 seconds', async () => {
    const silent = await countingServer('hang');
    servers.push(silent);
    await setIssuer(development, '4005', silent.url);
    const began = performance.now();
    expect((await start(development, '4005')).headers.get('location')).toBe('/admin/login?error=oidc_failed');
    const seconds = (performance.now() - began) / 1000;
    expect(seconds).toBeGreaterThan(4);
    expect(seconds).toBeLessThan(9);
    expect(silent.hits()).toBe(1);
  }, 20_000);
});

describe.each(databaseKinds())('the OIDC start rate limit on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { publicUrl: PUBLIC_URL });
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  it(`answers a start beyond ${OIDC_START_LIMIT_PER_MINUTE} a minute with a redirect to the login page`, async () => {
    // Porsgrunn has no provider here: each start answers 404, and still counts.
    for (let i = 0; i < OIDC_START_LIMIT_PER_MINUTE; i++) expect((await start(t, '4001')).status).toBe(404);
    const limited = await start(t, '4001');
    expect(limited.status).toBe(302);
    expect(limited.headers.get('location')).toBe('/admin/login?error=oidc_rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Only the start is limited, not the rest of the staff API.
    expect((await fetch(`${t.baseUrl}/api/v1/staff/login-options`)).status).toBe(200);
  });
});

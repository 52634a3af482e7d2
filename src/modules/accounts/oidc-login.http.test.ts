// OIDC login against a real OpenID provider (oidc-provider) on 127.0.0.1: the browser's whole
// round trip, followed redirect by redirect with the cookies a browser would keep.
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { CookieJar, type FlowResult, oidcFlow, sessionCookieFrom } from '../../../test/support/oidc-flow.ts';
import {
  startTestOidcProvider,
  type TestIdentity,
  type TestOidcProvider,
} from '../../../test/support/oidc-test-provider.ts';
import { buildStaffUser } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { oidcClientSecretContext } from '../secrets/stored-secrets.ts';

const PUBLIC_URL = 'http://meld.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/staff/oidc/callback`;

describe.each(databaseKinds())('OIDC login on %s', (kind) => {
  let t: TestApp;
  let idp: TestOidcProvider;
  let appHost: string;
  /** Every line the server logged, to check what refusals say (and what they do not). */
  const logLines: string[] = [];

  beforeAll(async () => {
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().split('\n').filter(Boolean)));
    // The local provider is on 127.0.0.1: only reachable with the development setting on.
    t = await startTestApp(kind, { publicUrl: PUBLIC_URL, oidcAllowPrivateIssuers: true }, { logStream });
    appHost = new URL(t.baseUrl).host;
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
    idp = await startTestOidcProvider(CALLBACK);
    await t.ctx.db.db.execute(sql`insert into oidc_providers (kommunenummer, issuer, client_id, client_secret, label)
      values ('4001', ${idp.issuer}, ${idp.clientId},
        ${t.ctx.keyring.encrypt(idp.clientSecret, oidcClientSecretContext('4001'))}, 'Porsgrunn kommune')`);
  });
  afterAll(async () => {
    await idp.close();
    await t.close();
  });

  /** Start at the app, through the provider, back to the app's callback; optionally tamper on the way. */
  function logIn(
    identity: TestIdentity,
    options: { tamper?: (callback: URL) => void; jar?: CookieJar } = {},
  ): Promise<FlowResult> {
    return oidcFlow(t, idp, '4001', identity, options);
  }

  function sessionCookie(jar: CookieJar): string {
    return sessionCookieFrom(t, jar);
  }

  it('logs in a staff member matched by verified email, with a session like a password login', async () => {
    const user = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['saksbehandler'],
      email: 'kari.oidc@porsgrunn.kommune.no',
      password: null,
    });
    const { location, jar } = await logIn({
      sub: 'entra-kari',
      email: 'Kari.OIDC@Porsgrunn.Kommune.no',
      emailVerified: true,
      name: 'Kari',
    });
    expect(location).toBe('/admin/');
    const me = await t.request('GET', '/api/v1/staff/session', { headers: { cookie: sessionCookie(jar) } });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: user.id, email: 'kari.oidc@porsgrunn.kommune.no' });
    expect(me.body.memberships[0]).toMatchObject({ kommunenummer: '4001', roles: ['saksbehandler'] });
    // Opened through Porsgrunn's provider: the session is Porsgrunn's only.
    expect(me.body.scope).toBe('4001');
    // The CSRF token works for changes, as after a password login.
    const logout = await t.request('DELETE', '/api/v1/staff/session', {
      headers: { cookie: sessionCookie(jar), 'x-csrf-token': me.body.csrfToken },
    });
    expect(logout.status).toBe(204);

    const [linked] = await queryRows<{ oidc_issuer: string; oidc_subject: string }>(
      t.ctx.db.db,
      sql`select oidc_issuer, oidc_subject from staff_users where id = ${user.id}::uuid`,
    );
    expect(linked).toEqual({ oidc_issuer: idp.issuer, oidc_subject: 'entra-kari' });
    const methods = await queryRows<{ method: string }>(
      t.ctx.db.db,
      sql`select method from staff_sessions where user_id = ${user.id}::uuid`,
    );
    expect(methods).toEqual([]);
    const [waiting] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from oidc_logins`,
    );
    expect(waiting?.n).toBe(0);
    const [audit] = await queryRows<{ action: string }>(
      t.ctx.db.db,
      sql`select action from audit_log where entity_id = ${user.id} order by id desc limit 1`,
    );
    expect(audit?.action).toBe('user.oidc_linked');
  });

  it('finds the account by subject at the next login, even after the provider’s email changed', async () => {
    const user = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['leser'],
      email: 'per.oidc@porsgrunn.kommune.no',
    });
    const first = await logIn({ sub: 'entra-per', email: user.email, emailVerified: true, name: 'Per' });
    expect(first.location).toBe('/admin/');
    const second = await logIn({
      sub: 'entra-per',
      email: 'per.new@elsewhere.example',
      emailVerified: false,
      name: 'Per',
    });
    expect(second.location).toBe('/admin/');
    const me = await t.request('GET', '/api/v1/staff/session', {
      headers: { cookie: sessionCookie(second.jar) },
    });
    expect(me.body.user.id).toBe(user.id);
    const methods = await queryRows<{ method: string }>(
      t.ctx.db.db,
      sql`select method from staff_sessions where user_id = ${user.id}::uuid`,
    );
    expect(methods).toEqual([{ method: 'oidc:4001' }, { method: 'oidc:4001' }]);
  });

  it('sends an unknown person, an unverified email and someone without a role here to oidc_no_account', async () => {
    const unknown = await logIn({
      sub: 'entra-nobody',
      email: 'nobody@porsgrunn.kommune.no',
      emailVerified: true,
      name: 'N',
    });
    expect(unknown.location).toBe('/admin/login?error=oidc_no_account');
    expect(unknown.jar.get(appHost, 'mp_staff')).toBeUndefined();

    const staff = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['leser'],
      email: 'unverified@porsgrunn.kommune.no',
    });
    const unverified = await logIn({
      sub: 'entra-unverified',
      email: staff.email,
      emailVerified: false,
      name: 'U',
    });
    expect(unverified.location).toBe('/admin/login?error=oidc_no_account');

    const skien = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4003',
      roles: ['admin'],
      email: 'skien@skien.kommune.no',
    });
    const elsewhere = await logIn({ sub: 'entra-skien', email: skien.email, emailVerified: true, name: 'S' });
    expect(elsewhere.location).toBe('/admin/login?error=oidc_no_account');
    const [row] = await queryRows<{ oidc_subject: string | null }>(
      t.ctx.db.db,
      sql`select oidc_subject from staff_users where id = ${skien.id}::uuid`,
    );
    expect(row?.oidc_subject).toBeNull();
  });

  it('links by email only an account that works here alone and has no identity yet; refusals are logged without the address', async () => {
    const elsewhere = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['saksbehandler'],
      email: 'two.places@porsgrunn.kommune.no',
    });
    await t.ctx.db.db.execute(sql`insert into staff_roles (user_id, kommunenummer, role)
      values (${elsewhere.id}::uuid, '4003', 'leser')`);
    const twoPlaces = await logIn({
      sub: 'entra-two',
      email: elsewhere.email,
      emailVerified: true,
      name: 'T',
    });
    expect(twoPlaces.location).toBe('/admin/login?error=oidc_no_account');

    const linked = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['leser'],
      email: 'linked.before@porsgrunn.kommune.no',
    });
    await t.ctx.db.db.execute(sql`update staff_users set oidc_issuer = 'https://login.example/other',
      oidc_subject = 'someone' where id = ${linked.id}::uuid`);
    const relink = await logIn({ sub: 'entra-relink', email: linked.email, emailVerified: true, name: 'L' });
    expect(relink.location).toBe('/admin/login?error=oidc_no_account');
    const rows = await queryRows<{ oidc_subject: string | null }>(
      t.ctx.db.db,
      sql`select oidc_subject from staff_users where id in (${elsewhere.id}::uuid, ${linked.id}::uuid) order by email`,
    );
    expect(rows).toEqual([{ oidc_subject: 'someone' }, { oidc_subject: null }]);

    const refusals = logLines.filter((line) => line.includes('OIDC login refused'));
    expect(refusals.some((line) => line.includes('also works for another municipality'))).toBe(true);
    expect(refusals.some((line) => line.includes('already linked to another identity'))).toBe(true);
    for (const line of logLines) {
      expect(line).not.toContain('two.places@');
      expect(line).not.toContain('linked.before@');
    }
  });

  it('refuses a tampered state, and a callback without the browser’s state cookie, with oidc_failed', async () => {
    const user = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['leser'],
      email: 'tamper@porsgrunn.kommune.no',
    });
    const identity = { sub: 'entra-tamper', email: user.email, emailVerified: true, name: 'T' };
    const tampered = await logIn(identity, {
      tamper: (callback) => callback.searchParams.set('state', `${callback.searchParams.get('state')}x`),
    });
    expect(tampered.location).toBe('/admin/login?error=oidc_failed');
    expect(tampered.jar.get(appHost, 'mp_staff')).toBeUndefined();

    // Another browser (no state cookie) bringing a valid callback URL gets nowhere either.
    let stolen: URL | undefined;
    const jar = new CookieJar();
    const original = await logIn(identity, {
      jar,
      tamper: (callback) => {
        stolen = new URL(callback);
        callback.searchParams.set('state', 'wrong');
      },
    });
    expect(original.location).toBe('/admin/login?error=oidc_failed');
    const replay = await fetch(`${t.baseUrl}${stolen?.pathname}${stolen?.search}`, { redirect: 'manual' });
    expect(replay.headers.get('location')).toBe('/admin/login?error=oidc_failed');
    const [linked] = await queryRows<{ oidc_subject: string | null }>(
      t.ctx.db.db,
      sql`select oidc_subject from staff_users where id = ${user.id}::uuid`,
    );
    expect(linked?.oidc_subject).toBeNull();
  });

  it('sets a short-lived HttpOnly SameSite=Lax state cookie, and forgets logins older than 10 minutes', async () => {
    await t.ctx.db.db.execute(sql`insert into oidc_logins (state, kommunenummer, code_verifier, nonce, created_at)
      values ('old-state', '4001', 'v', 'n', now() - interval '11 minutes')`);
    const start = await fetch(`${t.baseUrl}/api/v1/staff/oidc/4001/start`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const location = new URL(start.headers.get('location') ?? '');
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(location.searchParams.get('scope')).toBe('openid email profile');
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith('mp_oidc_state=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=600/i);
    const rows = await queryRows<{ state: string }>(t.ctx.db.db, sql`select state from oidc_logins`);
    expect(rows.map((r) => r.state)).toEqual([location.searchParams.get('state')]);
  });

  it('does not offer or start a disabled provider, nor one of a municipality without any', async () => {
    const offered = await t.request('GET', '/api/v1/staff/login-options');
    expect(offered.body.oidc).toEqual([
      { kommunenummer: '4001', name: 'Porsgrunn kommune', startUrl: '/api/v1/staff/oidc/4001/start' },
    ]);
    await t.ctx.db.db.execute(sql`update oidc_providers set enabled = false where kommunenummer = '4001'`);
    try {
      expect((await t.request('GET', '/api/v1/staff/login-options')).body.oidc).toEqual([]);
      const start = await fetch(`${t.baseUrl}/api/v1/staff/oidc/4001/start`, { redirect: 'manual' });
      expect(start.status).toBe(404);
      expect(((await start.json()) as { error: { code: string } }).error.code).toBe('oidc_not_configured');
      const none = await fetch(`${t.baseUrl}/api/v1/staff/oidc/4003/start`, { redirect: 'manual' });
      expect(none.status).toBe(404);
    } finally {
      await t.ctx.db.db.execute(sql`update oidc_providers set enabled = true where kommunenummer = '4001'`);
    }
  });
});

// OIDC login against a real OpenID provider (oidc-provider) on 127.0.0.1: the browser's whole
// round trip, followed redirect by redirect with the cookies a browser would keep.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { oidcClientSecretContext } from '../secrets/stored-secrets.ts';
import { startTestOidcProvider, type TestIdentity, type TestOidcProvider } from './oidc-test-provider.ts';

const PUBLIC_URL = 'http://meld.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/staff/oidc/callback`;

/** Cookies per host, as a browser keeps them (paths and expiry do not matter in these flows). */
class CookieJar {
  private readonly hosts = new Map<string, Map<string, string>>();
  header(url: URL): string {
    return [...(this.hosts.get(url.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  store(url: URL, response: Response): void {
    const jar = this.hosts.get(url.host) ?? new Map<string, string>();
    this.hosts.set(url.host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
  get(host: string, name: string): string | undefined {
    return this.hosts.get(host)?.get(name);
  }
}

interface FlowResult {
  /** Where the app finally sent the browser: /admin/ or /admin/login?error=… */
  location: string;
  jar: CookieJar;
}

describe.each(databaseKinds())('OIDC login on %s', (kind) => {
  let t: TestApp;
  let idp: TestOidcProvider;
  let appHost: string;

  beforeAll(async () => {
    // The local provider is on 127.0.0.1: only reachable with the development setting on.
    t = await startTestApp(kind, { publicUrl: PUBLIC_URL, oidcAllowPrivateIssuers: true });
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
  async function logIn(
    identity: TestIdentity,
    options: { tamper?: (callback: URL) => void; jar?: CookieJar } = {},
  ): Promise<FlowResult> {
    idp.logInNext(identity);
    const jar = options.jar ?? new CookieJar();
    let url = new URL(`${t.baseUrl}/api/v1/staff/oidc/4001/start`);
    for (let hop = 0; hop < 15; hop++) {
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
      jar.store(url, response);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new Error(`hop ${hop} to ${url.href} answered ${response.status}: ${await response.text()}`);
      }
      await response.arrayBuffer();
      if (url.host === appHost && url.pathname.endsWith('/oidc/callback')) return { location, jar };
      let next = new URL(location, url);
      // The provider sends the browser to the public address; the test app listens on its own port.
      if (next.href.startsWith(CALLBACK)) {
        options.tamper?.(next);
        next = new URL(`${t.baseUrl}${next.pathname}${next.search}`);
      }
      url = next;
    }
    throw new Error('too many redirects');
  }

  function sessionCookie(jar: CookieJar): string {
    return `mp_staff=${jar.get(appHost, 'mp_staff') ?? ''}`;
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

// "My account": the holder's own name, language and password, and the link to a municipality's
// login, which only the holder makes (from a password session, through a real OpenID provider on
// 127.0.0.1). And the platform operator, who may change any account from a password session.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import {
  CookieJar,
  oidcFlow,
  registerOidcProvider,
  sessionCookieFrom,
} from '../../../test/support/oidc-flow.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../../../test/support/oidc-test-provider.ts';
import { buildSecondMunicipality } from '../../../test/support/second-municipality.ts';
import {
  type BuiltStaffUser,
  buildStaffUser,
  logInAs,
  type StaffClient,
} from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { setPlatformOperator } from './set-platform-operator.ts';

describe.each(databaseKinds())('my account on %s', (kind) => {
  let t: TestApp;
  let skienIdp: TestOidcProvider;

  /** An account with roles in Porsgrunn (4001) and Skien (4003). */
  async function sharedAccount(
    roles: { porsgrunn: string; skien: string } = { porsgrunn: 'leser', skien: 'leser' },
  ) {
    const user = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: [roles.porsgrunn as 'leser'],
      name: 'Delt Person',
    });
    await t.ctx.db.db.execute(sql`insert into staff_roles (user_id, kommunenummer, role)
      values (${user.id}::uuid, '4003', ${roles.skien})`);
    return user;
  }

  const auditOf = (userId: string, action: string) =>
    queryRows<{ kommunenummer: string | null }>(
      t.ctx.db.db,
      sql`select kommunenummer from audit_log where entity_id = ${userId} and action = ${action} order by kommunenummer`,
    );

  /** Starts the link flow as `client` and follows it through Skien's provider. */
  async function link(client: StaffClient, sub: string, beforeCallback?: () => Promise<void>) {
    const started = await client.request('POST', '/api/v1/staff/account/oidc/4003/link');
    expect(started.status, started.text).toBe(200);
    const jar = new CookieJar();
    const appHost = new URL(t.baseUrl).host;
    for (const line of started.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      jar.set(appHost, name, value);
    }
    if (beforeCallback) await beforeCallback();
    return oidcFlow(
      t,
      skienIdp,
      '4003',
      { sub, email: 'someone@skien.test', emailVerified: true, name: 'S' },
      {
        jar,
        from: new URL(started.body.redirectTo),
      },
    );
  }

  beforeAll(async () => {
    t = await startTestApp(kind, { oidcAllowPrivateIssuers: true });
    await buildPorsgrunn(t.ctx.db.db);
    await buildSecondMunicipality(t.ctx.db.db);
    skienIdp = await startTestOidcProvider(`${t.ctx.config.publicUrl}/api/v1/staff/oidc/callback`);
    await registerOidcProvider(t, '4003', skienIdp, 'Skien kommune');
  });
  afterAll(async () => {
    await skienIdp?.close();
    await t?.close();
  });

  it('lets the holder change their name and language; every municipality’s audit log says so', async () => {
    const user = await sharedAccount();
    const holder = await logInAs(t, user);
    const before = await holder.request('GET', '/api/v1/staff/account');
    expect(before.body).toMatchObject({
      email: user.email,
      name: 'Delt Person',
      hasPassword: true,
      oidcLinked: false,
      sessionScope: null,
      canChangeAccount: true,
      canLink: true,
      providers: [{ kommunenummer: '4003', name: 'Skien kommune' }],
    });
    const changed = await holder.request('PUT', '/api/v1/staff/account', {
      name: '  Delt Navn ',
      language: 'en',
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Delt Navn', language: 'en' });
    expect((await holder.request('GET', '/api/v1/staff/session')).body.user.language).toBe('en');
    expect(await auditOf(user.id, 'user.account_updated')).toEqual([
      { kommunenummer: '4001' },
      { kommunenummer: '4003' },
    ]);
    // Sending the same again changes nothing and writes nothing.
    await holder.request('PUT', '/api/v1/staff/account', { name: 'Delt Navn' });
    expect(await auditOf(user.id, 'user.account_updated')).toHaveLength(2);
  });

  it('changes the password with the current one, ending the other sessions only', async () => {
    const user = await sharedAccount();
    const holder = await logInAs(t, user);
    const elsewhere = await logInAs(t, user);
    const wrong = await holder.request('POST', '/api/v1/staff/account/password', {
      currentPassword: 'not the password',
      newPassword: 'a brand new passphrase',
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'wrong_current_password']);
    const short = await holder.request('POST', '/api/v1/staff/account/password', {
      currentPassword: user.password,
      newPassword: 'short',
    });
    expect([short.status, short.body.error.code]).toEqual([400, 'password_too_short']);
    const changed = await holder.request(
      'POST',
      '/api/v1/staff/account/password',
      { currentPassword: user.password, newPassword: 'a brand new passphrase' },
      { 'accept-language': 'en' },
    );
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.message).toMatch(/logged out on every other device/);
    expect((await holder.request('GET', '/api/v1/staff/session')).status).toBe(200);
    expect((await elsewhere.request('GET', '/api/v1/staff/session')).status).toBe(401);
    await expect(logInAs(t, user)).rejects.toThrow(/401/);
    await logInAs(t, { email: user.email, password: 'a brand new passphrase' });
    expect(await auditOf(user.id, 'user.password_changed')).toEqual([
      { kommunenummer: '4001' },
      { kommunenummer: '4003' },
    ]);
  });

  it('links the account to Skien’s login from a password session; that login then opens a Skien-only session', async () => {
    const user = await sharedAccount({ porsgrunn: 'admin', skien: 'saksbehandler' });
    const holder = await logInAs(t, user);
    const flow = await link(holder, 'holder-at-skien');
    expect(flow.location).toBe('/admin/account?oidc=linked');
    const [linked] = await queryRows<{ oidc_issuer: string; oidc_subject: string }>(
      t.ctx.db.db,
      sql`select oidc_issuer, oidc_subject from staff_users where id = ${user.id}::uuid`,
    );
    expect(linked).toEqual({ oidc_issuer: skienIdp.issuer, oidc_subject: 'holder-at-skien' });
    expect(await auditOf(user.id, 'user.oidc_linked')).toEqual([
      { kommunenummer: '4001' },
      { kommunenummer: '4003' },
    ]);
    // The holder's session is as it was: both municipalities.
    expect((await holder.request('GET', '/api/v1/staff/session')).body.memberships).toHaveLength(2);

    const login = await oidcFlow(t, skienIdp, '4003', {
      sub: 'holder-at-skien',
      email: 'whatever@skien.test',
      emailVerified: false,
      name: 'S',
    });
    expect(login.location).toBe('/admin/');
    const cookie = sessionCookieFrom(t, login.jar);
    const scoped = await t.request('GET', '/api/v1/staff/account', { headers: { cookie } });
    expect(scoped.body).toMatchObject({
      sessionScope: '4003',
      canChangeAccount: false,
      canLink: false,
      memberships: [{ kommunenummer: '4003' }],
    });
    const csrf = (await t.request('GET', '/api/v1/staff/session', { headers: { cookie } })).body.csrfToken;
    const rename = await t.request('PUT', '/api/v1/staff/account', {
      body: { name: 'Through Skien' },
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect([rename.status, rename.body.error.code]).toEqual([403, 'account_session_scoped']);
    const unlink = await t.request('DELETE', '/api/v1/staff/account/oidc', {
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect([unlink.status, unlink.body.error.code]).toEqual([403, 'password_session_required']);
    const linkAgain = await t.request('POST', '/api/v1/staff/account/oidc/4003/link', {
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect([linkAgain.status, linkAgain.body.error.code]).toEqual([403, 'password_session_required']);

    // Already linked: unlink first. Unlinking is audited everywhere, and the login stops working.
    const twice = await holder.request('POST', '/api/v1/staff/account/oidc/4003/link');
    expect([twice.status, twice.body.error.code]).toEqual([409, 'oidc_already_linked']);
    const removed = await holder.request('DELETE', '/api/v1/staff/account/oidc');
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.oidcLinked).toBe(false);
    expect(await auditOf(user.id, 'user.oidc_unlinked')).toEqual([
      { kommunenummer: '4001' },
      { kommunenummer: '4003' },
    ]);
    expect((await holder.request('DELETE', '/api/v1/staff/account/oidc')).status).toBe(409);
    const after = await oidcFlow(t, skienIdp, '4003', {
      sub: 'holder-at-skien',
      email: user.email,
      emailVerified: true,
      name: 'S',
    });
    expect(after.location).toBe('/admin/login?error=oidc_no_account');
  });

  it('lets a Skien-only login see and end the Skien logins only, never the password sessions that reach Porsgrunn', async () => {
    const user = await sharedAccount({ porsgrunn: 'saksbehandler', skien: 'leser' });
    await t.ctx.db.db.execute(sql`update staff_users set oidc_issuer = ${skienIdp.issuer}, oidc_subject = 'reach-at-skien'
      where id = ${user.id}::uuid`);
    const password = await logInAs(t, user, { deviceName: 'Telefon i Porsgrunn' });
    const skienLogin = async () => {
      const login = await oidcFlow(t, skienIdp, '4003', {
        sub: 'reach-at-skien',
        email: user.email,
        emailVerified: true,
        name: 'S',
      });
      expect(login.location).toBe('/admin/');
      const cookie = sessionCookieFrom(t, login.jar);
      const csrf = (await t.request('GET', '/api/v1/staff/session', { headers: { cookie } })).body.csrfToken;
      return { cookie, 'x-csrf-token': csrf };
    };
    const scoped = await skienLogin();
    const otherScoped = await skienLogin();

    const seen = await t.request('GET', '/api/v1/staff/sessions', { headers: scoped });
    expect(seen.status).toBe(200);
    expect(seen.body.sessions.map((s: { scope: string | null }) => s.scope)).toEqual(['4003', '4003']);
    expect(JSON.stringify(seen.body)).not.toContain('Telefon i Porsgrunn');
    // The password session is out of reach: 404 as for any session not its own.
    const all = await password.request('GET', '/api/v1/staff/sessions');
    expect(all.body.sessions).toHaveLength(3);
    const passwordId = all.body.sessions.find((s: { scope: string | null }) => s.scope === null).id;
    const end = await t.request('DELETE', `/api/v1/staff/sessions/${passwordId}`, { headers: scoped });
    expect(end.status).toBe(404);
    expect((await password.request('GET', '/api/v1/staff/session')).status).toBe(200);

    // "Log out everywhere" from the Skien login ends the Skien logins and leaves the password session.
    const everywhere = await t.request('POST', '/api/v1/staff/session/logout-everywhere', {
      headers: scoped,
    });
    expect(everywhere.status).toBe(204);
    expect(
      (await t.request('GET', '/api/v1/staff/session', { headers: { cookie: otherScoped.cookie } })).status,
    ).toBe(401);
    expect((await password.request('GET', '/api/v1/staff/session')).status).toBe(200);
    // From the password session, which reaches every municipality, it ends everything.
    const allGone = await password.request('POST', '/api/v1/staff/session/logout-everywhere');
    expect(allGone.status).toBe(204);
    expect((await password.request('GET', '/api/v1/staff/session')).status).toBe(401);
  });

  it('refuses a link to another’s identity, after the session ended, or to a municipality the holder is not in', async () => {
    const owner = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4003', roles: ['leser'] });
    await t.ctx.db.db.execute(sql`update staff_users set oidc_issuer = ${skienIdp.issuer}, oidc_subject = 'taken'
      where id = ${owner.id}::uuid`);
    const user = await sharedAccount();
    const taken = await link(await logInAs(t, user), 'taken');
    expect(taken.location).toBe('/admin/account?oidc=link_identity_taken');

    const holder = await logInAs(t, user);
    const gone = await link(holder, 'after-logout', async () => {
      expect((await holder.request('DELETE', '/api/v1/staff/session')).status).toBe(204);
    });
    expect(gone.location).toBe('/admin/account?oidc=link_session_gone');
    const [row] = await queryRows<{ oidc_subject: string | null }>(
      t.ctx.db.db,
      sql`select oidc_subject from staff_users where id = ${user.id}::uuid`,
    );
    expect(row?.oidc_subject).toBeNull();

    const porsgrunnOnly = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] }),
    );
    const notMine = await porsgrunnOnly.request('POST', '/api/v1/staff/account/oidc/4003/link');
    expect(notMine.status).toBe(403);
  });

  it('lets a platform operator change a shared account from a password session, and only an operator change an operator', async () => {
    const shared = await sharedAccount();
    const operatorUser: BuiltStaffUser = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['admin'],
      email: 'operator@meldepunkt.test',
    });
    const before = await logInAs(t, operatorUser);
    const refused = await before.request('PUT', `/api/v1/staff/m/4001/admin/users/${shared.id}`, {
      name: 'X',
    });
    expect(refused.status).toBe(403);
    expect(await setPlatformOperator(t.ctx.db.db, 'Operator@Meldepunkt.test', true)).toBe(true);
    expect(await setPlatformOperator(t.ctx.db.db, 'nobody@meldepunkt.test', true)).toBe(false);
    const operator = await logInAs(t, operatorUser);
    const renamed = await operator.request('PUT', `/api/v1/staff/m/4001/admin/users/${shared.id}`, {
      name: 'Renamed by the operator',
      email: 'new.address@kommune.test',
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Renamed by the operator',
      email: 'new.address@kommune.test',
    });
    expect(await auditOf(operatorUser.id, 'user.platform_operator_granted')).toEqual([
      { kommunenummer: '4001' },
    ]);
    const taken = await operator.request('PUT', `/api/v1/staff/m/4001/admin/users/${shared.id}`, {
      email: operatorUser.email,
    });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'email_taken']);

    // Another administrator of Porsgrunn (the operator's only municipality) cannot touch the operator's account.
    const colleague = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }),
    );
    const list = await colleague.request('GET', '/api/v1/staff/m/4001/admin/users');
    expect(list.body.users.find((u: { id: string }) => u.id === operatorUser.id).accountEditable).toBe(false);
    const touch = await colleague.request('PUT', `/api/v1/staff/m/4001/admin/users/${operatorUser.id}`, {
      name: 'Not the operator any more',
    });
    expect([touch.status, touch.body.error.code]).toEqual([403, 'account_shared']);
    // …nor change an address, even of an account only theirs: that is the operator's.
    const single = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const address = await colleague.request('PUT', `/api/v1/staff/m/4001/admin/users/${single.id}`, {
      email: 'elsewhere@kommune.test',
    });
    expect([address.status, address.body.error.code]).toEqual([403, 'account_shared']);
  });
});

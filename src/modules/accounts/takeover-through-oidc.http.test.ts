// Finding 1 of the security review, replayed step by step: Skien's administrator adds Porsgrunn's
// administrator to Skien by email, points Skien's login at an OpenID provider they control, and
// logs in there as that address with email_verified. On the old code that linked the identity to
// the Porsgrunn account and opened a session with all its roles, Porsgrunn's included, so the
// contact details of Porsgrunn's reporters could be read. Now: the addition is an invitation
// without roles until the holder accepts it with the token from their mailbox; an identity is
// never linked by email to an account with roles elsewhere; and a session opened through one
// municipality's provider carries that municipality's roles only.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildReportBody } from '../../../test/support/factories.ts';
import { tokenFromMail } from '../../../test/support/mailbox.ts';
import { PUBLIC_URL } from '../../../test/support/notifications.ts';
import { oidcFlow, sessionCookieFrom } from '../../../test/support/oidc-flow.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../../../test/support/oidc-test-provider.ts';
import { buildSecondMunicipality } from '../../../test/support/second-municipality.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import {
  type BuiltStaffUser,
  buildStaffUser,
  logInAs,
  type StaffClient,
} from '../../../test/support/staff.ts';
import { type StaffAlertTestApp, startStaffAlertApp } from '../../../test/support/staff-alerts.ts';
import { reachableIn } from '../../../test/support/staff-routes.ts';
import { queryRows } from '../../db/client.ts';

const CALLBACK = `${PUBLIC_URL}/api/v1/staff/oidc/callback`;
const PORSGRUNN_ADMIN = 'admin@porsgrunn.kommune.test';

describe.each(databaseKinds())('finding 1: takeover through another municipality’s login (%s)', (kind) => {
  let t: StaffAlertTestApp;
  let smtp: TestSmtpServer;
  let attackerIdp: TestOidcProvider;
  let porsgrunnAdmin: BuiltStaffUser;
  let skienAdmin: StaffClient;
  let reportId: string;

  const rolesIn = async (userId: string, kommunenummer: string) =>
    (
      await queryRows<{ role: string }>(
        t.ctx.db.db,
        sql`select role from staff_roles where user_id = ${userId}::uuid and kommunenummer = ${kommunenummer}`,
      )
    ).map((r) => r.role);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startStaffAlertApp(kind, {
      smtpUrl: smtp.url,
      mailFrom: 'meld@kommune.test',
      // The providers of this test are on 127.0.0.1: only reachable with the development setting on.
      oidcAllowPrivateIssuers: true,
    });
    await buildSecondMunicipality(t.ctx.db.db);
    porsgrunnAdmin = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['admin'],
      email: PORSGRUNN_ADMIN,
      name: 'Porsgrunn Admin',
    });
    skienAdmin = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4003', roles: ['admin'], name: 'Skien Admin' }),
    );
    attackerIdp = await startTestOidcProvider(CALLBACK);
    const report = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    expect(report.status).toBe(201);
    reportId = report.body.id;
  });
  afterAll(async () => {
    await attackerIdp?.close();
    await t?.close();
    await smtp?.stop();
  });

  it('adding Porsgrunn’s admin to Skien by email gives the account no role in Skien', async () => {
    const added = await skienAdmin.request('POST', '/api/v1/staff/m/4003/admin/users', {
      email: PORSGRUNN_ADMIN,
      name: 'Anyone',
      roles: ['admin'],
    });
    expect(added.status, added.text).toBe(201);
    expect(await rolesIn(porsgrunnAdmin.id, '4003')).toEqual([]);
    const holder = await logInAs(t, porsgrunnAdmin);
    const me = await holder.request('GET', '/api/v1/staff/session');
    expect(me.body.memberships.map((m: { kommunenummer: string }) => m.kommunenummer)).toEqual(['4001']);
  });

  it('Skien’s login pointed at the attacker’s provider cannot log in as Porsgrunn’s admin', async () => {
    const settings = await skienAdmin.request('PUT', '/api/v1/staff/m/4003/admin/oidc', {
      issuer: attackerIdp.issuer,
      clientId: attackerIdp.clientId,
      clientSecret: attackerIdp.clientSecret,
      label: 'Skien kommune',
      enabled: true,
    });
    expect(settings.status, settings.text).toBe(200);
    const flow = await oidcFlow(t, attackerIdp, '4003', {
      sub: 'attacker',
      email: PORSGRUNN_ADMIN,
      emailVerified: true,
      name: 'Not Porsgrunn Admin',
    });
    expect(flow.location).toBe('/admin/login?error=oidc_no_account');
    expect(flow.jar.get(new URL(t.baseUrl).host, 'mp_staff')).toBeUndefined();
    const [account] = await queryRows<{ oidc_issuer: string | null }>(
      t.ctx.db.db,
      sql`select oidc_issuer from staff_users where id = ${porsgrunnAdmin.id}::uuid`,
    );
    expect(account?.oidc_issuer).toBeNull();
    const sessions = await queryRows<{ method: string }>(
      t.ctx.db.db,
      sql`select method from staff_sessions where user_id = ${porsgrunnAdmin.id}::uuid and method like 'oidc:%'`,
    );
    expect(sessions).toEqual([]);
  });

  it('the holder alone accepts, with the emailed token; still no link by email afterwards', async () => {
    const token = await tokenFromMail(smtp, PORSGRUNN_ADMIN, '/admin/invitation');
    // The attacker cannot accept on the holder's behalf, even holding the token.
    const stranger = await skienAdmin.request('POST', '/api/v1/staff/invitations/accept', { token });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('invitation_other_account');
    expect(await rolesIn(porsgrunnAdmin.id, '4003')).toEqual([]);

    const holder = await logInAs(t, porsgrunnAdmin);
    const accepted = await holder.request('POST', '/api/v1/staff/invitations/accept', { token });
    expect(accepted.status, accepted.text).toBe(200);
    expect(await rolesIn(porsgrunnAdmin.id, '4003')).toEqual(['admin']);
    const audit = await queryRows<{ kommunenummer: string; action: string }>(
      t.ctx.db.db,
      sql`select kommunenummer, action from audit_log where entity_id = ${porsgrunnAdmin.id}
           and action like 'user.joined%' order by kommunenummer`,
    );
    expect(audit).toEqual([
      { kommunenummer: '4001', action: 'user.joined_other_municipality' },
      { kommunenummer: '4003', action: 'user.joined' },
    ]);

    // Now in both municipalities: a verified email at Skien's provider still links nothing.
    const flow = await oidcFlow(t, attackerIdp, '4003', {
      sub: 'attacker-2',
      email: PORSGRUNN_ADMIN,
      emailVerified: true,
      name: 'X',
    });
    expect(flow.location).toBe('/admin/login?error=oidc_no_account');
    const [account] = await queryRows<{ oidc_subject: string | null }>(
      t.ctx.db.db,
      sql`select oidc_subject from staff_users where id = ${porsgrunnAdmin.id}::uuid`,
    );
    expect(account?.oidc_subject).toBeNull();
  });

  it('a session opened through Skien’s provider reaches nothing in Porsgrunn, contact details included', async () => {
    // An account legitimately in both, whose identity at Skien's provider was linked earlier.
    const shared = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['admin'],
      email: 'shared@kommune.test',
    });
    await t.ctx.db.db.execute(sql`insert into staff_roles (user_id, kommunenummer, role)
      values (${shared.id}::uuid, '4003', 'saksbehandler')`);
    await t.ctx.db.db.execute(sql`update staff_users set oidc_issuer = ${attackerIdp.issuer},
      oidc_subject = 'shared-at-skien' where id = ${shared.id}::uuid`);

    const flow = await oidcFlow(t, attackerIdp, '4003', {
      sub: 'shared-at-skien',
      email: 'shared@kommune.test',
      emailVerified: true,
      name: 'Shared',
    });
    expect(flow.location).toBe('/admin/');
    const cookie = sessionCookieFrom(t, flow.jar);
    const me = await t.request('GET', '/api/v1/staff/session', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(
      me.body.memberships.map((m: { kommunenummer: string; roles: string[] }) => [m.kommunenummer, m.roles]),
    ).toEqual([['4003', ['saksbehandler']]]);
    const contact = await t.request('GET', `/api/v1/staff/m/4001/reports/${reportId}/contact`, {
      headers: { cookie },
    });
    expect(contact.status).toBe(403);
    expect(await reachableIn(t, { cookie, csrfToken: me.body.csrfToken }, '4001')).toEqual([]);
    // Its own municipality works as usual.
    const inbox = await t.request('GET', '/api/v1/staff/m/4003/reports', { headers: { cookie } });
    expect(inbox.status).toBe(200);
    // The same account with its password sees both.
    const withPassword = await logInAs(t, shared);
    const both = await withPassword.request('GET', '/api/v1/staff/session');
    expect(both.body.memberships.map((m: { kommunenummer: string }) => m.kommunenummer).sort()).toEqual([
      '4001',
      '4003',
    ]);
    expect(
      (await withPassword.request('GET', `/api/v1/staff/m/4001/reports/${reportId}/contact`)).status,
    ).toBe(200);
  });
});

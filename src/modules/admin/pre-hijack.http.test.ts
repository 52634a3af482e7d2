// Finding 2 of the security review, replayed: Skien's administrator creates
// future.hire@porsgrunn.test with a password of their choice; when Porsgrunn later adds that
// address, the old code silently kept Skien's password, which then logged into Porsgrunn. Skien's
// administrator could also rename Porsgrunn's administrator, and the answer to "add a user" told
// whether the address existed elsewhere. Now every addition is an invitation the person accepts
// with the token from their mailbox, without a password chosen by anyone else; an account's
// name, address, language and activity can only be changed by its holder or by an administrator
// of every municipality it belongs to; and the answers are the same whether or not the address
// exists elsewhere.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { mailsTo, tokenFromMail } from '../../../test/support/mailbox.ts';
import { buildSecondMunicipality } from '../../../test/support/second-municipality.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import {
  type BuiltStaffUser,
  buildStaffUser,
  logInAs,
  type StaffClient,
} from '../../../test/support/staff.ts';
import { type StaffAlertTestApp, startStaffAlertApp } from '../../../test/support/staff-alerts.ts';
import { queryRows } from '../../db/client.ts';

const FUTURE_HIRE = 'future.hire@porsgrunn.test';
const SKIENS_PASSWORD = 'chosen by skien for porsgrunn';

/** The answer with what must differ (ids, times, the address itself) blanked out. */
function comparable(text: string, email: string): string {
  return text
    .replaceAll(email, '<email>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})/g, '<time>');
}

describe.each(databaseKinds())('finding 2: pre-hijacking by password (%s)', (kind) => {
  let t: StaffAlertTestApp;
  let smtp: TestSmtpServer;
  let porsgrunn: StaffClient;
  let skien: StaffClient;
  let porsgrunnAdmin: BuiltStaffUser;

  const rolesIn = async (email: string, kommunenummer: string) =>
    (
      await queryRows<{ role: string }>(
        t.ctx.db.db,
        sql`select r.role from staff_roles r join staff_users u on u.id = r.user_id
             where u.email = ${email} and r.kommunenummer = ${kommunenummer}`,
      )
    ).map((r) => r.role);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startStaffAlertApp(kind, { smtpUrl: smtp.url, mailFrom: 'meld@kommune.test' });
    await buildSecondMunicipality(t.ctx.db.db);
    porsgrunnAdmin = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['admin'],
      email: 'admin@porsgrunn.test',
      name: 'Porsgrunn Admin',
    });
    porsgrunn = await logInAs(t, porsgrunnAdmin);
    skien = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, {
        kommunenummer: '4003',
        roles: ['admin'],
        email: 'admin@skien.test',
        name: 'Skien Admin',
      }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('takes no password from the inviting administrator', async () => {
    const withPassword = await skien.request('POST', '/api/v1/staff/m/4003/admin/users', {
      email: FUTURE_HIRE,
      name: 'Future Hire',
      roles: ['leser'],
      password: SKIENS_PASSWORD,
    });
    expect(withPassword.status).toBe(400);
    const [account] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from staff_users where email = ${FUTURE_HIRE}`,
    );
    expect(account?.n).toBe(0);
  });

  it('answers the same for a new address and one that exists in another municipality', async () => {
    const body = (email: string) => ({ email, name: 'Ny Kollega', language: 'nb', roles: ['leser'] });
    const fresh = await skien.request('POST', '/api/v1/staff/m/4003/admin/users', body('new.person@x.test'));
    const existing = await skien.request(
      'POST',
      '/api/v1/staff/m/4003/admin/users',
      body(porsgrunnAdmin.email),
    );
    expect(fresh.status, fresh.text).toBe(201);
    expect(existing.status, existing.text).toBe(201);
    expect(comparable(existing.text, porsgrunnAdmin.email)).toBe(comparable(fresh.text, 'new.person@x.test'));
    expect(existing.headers.get('content-type')).toBe(fresh.headers.get('content-type'));
    // Neither the address nor the account is touched: no roles, no new account, the name kept.
    expect(await rolesIn(porsgrunnAdmin.email, '4003')).toEqual([]);
    const [created] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from staff_users where email = 'new.person@x.test'`,
    );
    expect(created?.n).toBe(0);
    // The pending list shows both alike, and a second invitation of either is the same 409.
    const list = await skien.request('GET', '/api/v1/staff/m/4003/admin/invitations');
    const listed = list.body.invitations as { email: string }[];
    const shape = (email: string) => comparable(JSON.stringify(listed.find((i) => i.email === email)), email);
    expect(shape(porsgrunnAdmin.email)).toBe(shape('new.person@x.test'));
    const again = [
      await skien.request('POST', '/api/v1/staff/m/4003/admin/users', body('new.person@x.test')),
      await skien.request('POST', '/api/v1/staff/m/4003/admin/users', body(porsgrunnAdmin.email)),
    ];
    expect(again.map((r) => [r.status, r.body.error.code])).toEqual([
      [409, 'invitation_pending'],
      [409, 'invitation_pending'],
    ]);
    // Only a person who already works HERE is a different answer: this municipality's own business.
    const here = await skien.request('POST', '/api/v1/staff/m/4003/admin/users', body('admin@skien.test'));
    expect([here.status, here.body.error.code]).toEqual([409, 'user_exists']);
  });

  it('gives an account pre-created elsewhere no Porsgrunn role without the token from the mailbox', async () => {
    // The account as the old code let Skien create it: Skien's password, a role in Skien.
    await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4003',
      roles: ['leser'],
      email: FUTURE_HIRE,
      name: 'Future Hire',
      password: SKIENS_PASSWORD,
    });
    const invited = await porsgrunn.request('POST', '/api/v1/staff/m/4001/admin/users', {
      email: FUTURE_HIRE,
      name: 'Frida Fremtid',
      roles: ['saksbehandler'],
    });
    expect(invited.status, invited.text).toBe(201);
    // Skien's administrator logs in with the password they chose: still nothing in Porsgrunn.
    const attacker = await logInAs(t, { email: FUTURE_HIRE, password: SKIENS_PASSWORD });
    const me = await attacker.request('GET', '/api/v1/staff/session');
    expect(me.body.memberships.map((m: { kommunenummer: string }) => m.kommunenummer)).toEqual(['4003']);
    // A logged-in session alone accepts nothing: the token is the holder's consent.
    expect((await attacker.request('POST', '/api/v1/staff/invitations/accept', {})).status).toBe(400);
    const guessed = await attacker.request('POST', '/api/v1/staff/invitations/accept', {
      token: 'A'.repeat(43),
    });
    expect(guessed.status).toBe(404);
    expect(await rolesIn(FUTURE_HIRE, '4001')).toEqual([]);
    // Nor can any administrator read the link: Porsgrunn's outbox does not show it.
    const token = await tokenFromMail(smtp, FUTURE_HIRE, '/admin/invitation');
    for (const [client, k] of [
      [porsgrunn, '4001'],
      [skien, '4003'],
    ] as const) {
      const outbox = await client.request('GET', `/api/v1/staff/m/${k}/admin/outbox`);
      expect(outbox.status).toBe(200);
      expect(outbox.text).not.toContain(token);
    }

    // The person with the mailbox: the invitation says an account exists for the address; they
    // take it over through "forgot password" (the mailbox again), which ends Skien's session.
    const lookup = await t.request('POST', '/api/v1/staff/invitations/lookup', { body: { token } });
    expect(lookup.body).toMatchObject({
      email: FUTURE_HIRE,
      accountExists: true,
      municipality: { kommunenummer: '4001' },
      roles: ['saksbehandler'],
    });
    expect(
      (await t.request('POST', '/api/v1/staff/password-reset', { body: { email: FUTURE_HIRE } })).status,
    ).toBe(202);
    const reset = await tokenFromMail(smtp, FUTURE_HIRE, '/admin/reset-password');
    const confirmed = await t.request('POST', '/api/v1/staff/password-reset/confirm', {
      body: { token: reset, password: 'only the real future hire knows this' },
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect((await attacker.request('GET', '/api/v1/staff/session')).status).toBe(401);
    const holder = await logInAs(t, {
      email: FUTURE_HIRE,
      password: 'only the real future hire knows this',
    });
    const accepted = await holder.request('POST', '/api/v1/staff/invitations/accept', { token });
    expect(accepted.status, accepted.text).toBe(200);
    expect(await rolesIn(FUTURE_HIRE, '4001')).toEqual(['saksbehandler']);
    // Used once: the same token again is refused, and the stored email no longer holds it.
    const twice = await holder.request('POST', '/api/v1/staff/invitations/accept', { token });
    expect([twice.status, twice.body.error.code]).toEqual([410, 'invitation_used']);
    const stored = await queryRows<{ body_text: string }>(
      t.ctx.db.db,
      sql`select body_text from messages where kind = 'staff_invitation' and recipient = ${FUTURE_HIRE}`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.body_text).not.toContain(token);
    expect(mailsTo(smtp, FUTURE_HIRE).length).toBeGreaterThanOrEqual(2);
  });

  it('lets neither municipality’s administrator alone change a shared account’s name, address, language or activity', async () => {
    const shared = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['admin'],
      email: 'shared.admin@porsgrunn.test',
      name: 'Delt Admin',
    });
    await t.ctx.db.db.execute(sql`insert into staff_roles (user_id, kommunenummer, role)
      values (${shared.id}::uuid, '4003', 'leser')`);
    for (const change of [
      { name: 'Renamed by Skien' },
      { email: 'attacker@skien.test' },
      { language: 'en' },
      { active: false },
    ]) {
      const refused = await skien.request('PUT', `/api/v1/staff/m/4003/admin/users/${shared.id}`, change, {
        'accept-language': 'en',
      });
      expect([refused.status, refused.body.error?.code], JSON.stringify(change)).toEqual([
        403,
        'account_shared',
      ]);
      expect(refused.body.error.message).toMatch(/holder|administrator of every municipality/);
    }
    const fromPorsgrunn = await porsgrunn.request('PUT', `/api/v1/staff/m/4001/admin/users/${shared.id}`, {
      name: 'Renamed by Porsgrunn',
    });
    expect(fromPorsgrunn.status).toBe(403);
    const [row] = await queryRows<{ name: string; email: string; language: string; active: boolean }>(
      t.ctx.db.db,
      sql`select name, email, language, active from staff_users where id = ${shared.id}::uuid`,
    );
    expect(row).toEqual({
      name: 'Delt Admin',
      email: 'shared.admin@porsgrunn.test',
      language: 'nb',
      active: true,
    });
    // Its roles here remain Skien's business.
    const roles = await skien.request('PUT', `/api/v1/staff/m/4003/admin/users/${shared.id}`, {
      roles: ['saksbehandler'],
    });
    expect(roles.status, roles.text).toBe(200);
    expect(roles.body.accountEditable).toBe(false);
    // Sending the unchanged name back with a role change (as the form does) is not a change.
    const same = await skien.request('PUT', `/api/v1/staff/m/4003/admin/users/${shared.id}`, {
      name: 'Delt Admin',
      language: 'nb',
      roles: ['leser'],
    });
    expect(same.status, same.text).toBe(200);

    // An administrator of both municipalities may rename it; both audit logs say so.
    const both = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] });
    await t.ctx.db.db.execute(sql`insert into staff_roles (user_id, kommunenummer, role)
      values (${both.id}::uuid, '4003', 'admin')`);
    const renamed = await (await logInAs(t, both)).request(
      'PUT',
      `/api/v1/staff/m/4003/admin/users/${shared.id}`,
      { name: 'Delt Administrator' },
    );
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body.name).toBe('Delt Administrator');
    const audit = await queryRows<{ kommunenummer: string; action: string }>(
      t.ctx.db.db,
      sql`select kommunenummer, action from audit_log where entity_id = ${shared.id}
           and after ? 'name' order by kommunenummer`,
    );
    expect(audit).toEqual([
      { kommunenummer: '4001', action: 'user.account_updated' },
      { kommunenummer: '4003', action: 'user.updated' },
    ]);
  });
});

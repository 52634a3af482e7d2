// Teams and staff accounts through the administration API.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';

const BASE = '/api/v1/staff/m/4001/admin';

describe.each(databaseKinds())('user and team administration on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  let adminId: string;
  let teamId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] });
    adminId = user.id;
    admin = await logInAs(t, user);
    const team = await admin.request('POST', `${BASE}/teams`, { code: 'lekkasje', name: 'Lekkasjegruppa' });
    expect(team.status).toBe(201);
    teamId = team.body.id;
  });
  afterAll(() => t.close());

  it('creates and renames teams; a taken code is a 409', async () => {
    const again = await admin.request('POST', `${BASE}/teams`, { code: 'va-drift', name: 'VA drift 2' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('code_taken');
    const renamed = await admin.request('PUT', `${BASE}/teams/${teamId}`, { name: 'Lekkasjeteamet' });
    expect(renamed.body).toEqual({ id: teamId, code: 'lekkasje', name: 'Lekkasjeteamet' });
    const list = await admin.request('GET', `${BASE}/teams`);
    expect(list.body.teams.map((x: { code: string }) => x.code).sort()).toEqual([
      'lekkasje',
      'va-drift',
      'vei-og-park',
    ]);
    const [skienTeam] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`insert into teams (kommunenummer, code, name) values ('4003', 'x', 'Skien') returning id`,
    );
    expect((await admin.request('PUT', `${BASE}/teams/${skienTeam?.id}`, { name: 'Mine' })).status).toBe(404);
  });

  /** The token of the newest invitation email to `email` (no mail server here: read from the messages table). */
  async function invitationToken(email: string): Promise<string> {
    const [message] = await queryRows<{ body_text: string }>(
      t.ctx.db.db,
      sql`select body_text from messages where kind = 'staff_invitation' and recipient = ${email}
           order by created_at desc limit 1`,
    );
    const token = /\/admin\/invitation\?token=([A-Za-z0-9_-]{43})/.exec(message?.body_text ?? '')?.[1];
    if (!token) throw new Error(`no invitation to ${email}`);
    return token;
  }

  it('invites a user, who accepts with the emailed link and a password of their own, and lists them with roles and teams', async () => {
    const invited = await admin.request('POST', `${BASE}/users`, {
      email: ' Ola.Nordmann@Porsgrunn.kommune.no ',
      name: 'Ola Nordmann',
      language: 'nn',
      roles: ['saksbehandler', 'feltarbeider'],
      teamIds: [teamId],
    });
    expect(invited.status, invited.text).toBe(201);
    expect(invited.body).toMatchObject({
      email: 'ola.nordmann@porsgrunn.kommune.no',
      name: 'Ola Nordmann',
      language: 'nn',
      roles: ['saksbehandler', 'feltarbeider'],
      teams: [{ id: teamId, name: 'Lekkasjeteamet' }],
      status: 'pending',
    });
    expect(Date.parse(invited.body.expiresAt) - Date.parse(invited.body.createdAt)).toBe(
      7 * 24 * 3600 * 1000,
    );
    // Not a user yet: only an invitation.
    const before = await admin.request('GET', `${BASE}/users`);
    expect(before.body.users.map((u: { email: string }) => u.email)).not.toContain(
      'ola.nordmann@porsgrunn.kommune.no',
    );
    const pending = await admin.request('GET', `${BASE}/invitations`);
    expect(pending.body.invitations.map((i: { id: string }) => i.id)).toContain(invited.body.id);

    const token = await invitationToken('ola.nordmann@porsgrunn.kommune.no');
    const accepted = await t.request('POST', '/api/v1/staff/invitations/accept-new', {
      body: { token, name: 'Ola N.', password: 'a long enough password' },
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.memberships[0].roles).toEqual(['feltarbeider', 'saksbehandler']);
    const session = await logInAs(t, {
      email: 'ola.nordmann@porsgrunn.kommune.no',
      password: 'a long enough password',
    });
    expect((await session.request('GET', '/api/v1/staff/session')).body.user).toMatchObject({
      name: 'Ola N.',
      language: 'nn',
    });
    const list = await admin.request('GET', `${BASE}/users`);
    expect(
      list.body.users.find((u: { email: string }) => u.email === 'ola.nordmann@porsgrunn.kommune.no'),
    ).toMatchObject({
      roles: ['feltarbeider', 'saksbehandler'],
      teams: [{ id: teamId }],
      hasPassword: true,
      accountEditable: true,
    });
    expect((await admin.request('GET', `${BASE}/invitations`)).body.invitations).not.toContainEqual(
      expect.objectContaining({ id: invited.body.id }),
    );
    // Never the password or its hash in the audit log.
    const audit = await admin.request('GET', `${BASE}/audit?limit=5`);
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual(
      expect.arrayContaining(['user.created', 'invitation.created']),
    );
    expect(audit.text).not.toContain('argon2');
    expect(audit.text).not.toContain('a long enough password');
  });

  it('refuses no roles, a bad address, another municipality’s team, a password, and the same person twice', async () => {
    const [skienTeam] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from teams where kommunenummer = '4003' limit 1`,
    );
    const refused = await admin.request('POST', `${BASE}/users`, {
      email: 'not-an-address',
      name: 'X',
      roles: [],
      teamIds: [skienTeam?.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'email',
      'roles',
      'teamIds.0',
    ]);
    const withPassword = await admin.request('POST', `${BASE}/users`, {
      email: 'pw@kommune.test',
      name: 'P',
      roles: ['leser'],
      password: 'chosen by the administrator',
    });
    expect(withPassword.status).toBe(400);
    expect(withPassword.body.error.details.map((d: { field: string }) => d.field)).toEqual(['password']);
    const first = await admin.request('POST', `${BASE}/users`, {
      email: 'dup@kommune.test',
      name: 'D',
      roles: ['leser'],
    });
    expect(first.status).toBe(201);
    const again = await admin.request('POST', `${BASE}/users`, {
      email: 'DUP@kommune.test',
      name: 'D',
      roles: ['leser'],
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'invitation_pending']);
    const here = await admin.request('POST', `${BASE}/users`, {
      email: (await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] })).email,
      name: 'H',
      roles: ['leser'],
    });
    expect([here.status, here.body.error.code]).toEqual([409, 'user_exists']);
  });

  it('sends an invitation again with a new link, and withdraws one; dead links are refused', async () => {
    const invited = await admin.request('POST', `${BASE}/users`, {
      email: 'again@kommune.test',
      name: 'Again',
      roles: ['leser'],
    });
    const first = await invitationToken('again@kommune.test');
    const resent = await admin.request('POST', `${BASE}/invitations/${invited.body.id}/resend`);
    expect(resent.status, resent.text).toBe(201);
    expect(resent.body.id).not.toBe(invited.body.id);
    const second = await invitationToken('again@kommune.test');
    expect(second).not.toBe(first);
    const old = await t.request('POST', '/api/v1/staff/invitations/lookup', { body: { token: first } });
    expect([old.status, old.body.error.code]).toEqual([410, 'invitation_revoked']);
    expect(
      (await t.request('POST', '/api/v1/staff/invitations/lookup', { body: { token: second } })).status,
    ).toBe(200);
    expect((await admin.request('DELETE', `${BASE}/invitations/${resent.body.id}`)).status).toBe(204);
    const withdrawn = await t.request('POST', '/api/v1/staff/invitations/accept-new', {
      body: { token: second, name: 'Again', password: 'a long enough password' },
    });
    expect([withdrawn.status, withdrawn.body.error.code]).toEqual([410, 'invitation_revoked']);
    expect((await admin.request('DELETE', `${BASE}/invitations/${resent.body.id}`)).status).toBe(404);
    const audit = await admin.request('GET', `${BASE}/audit?limit=3`);
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual([
      'invitation.revoked',
      'invitation.resent',
      'invitation.created',
    ]);
  });

  it('gives an account of another municipality roles here only once its holder accepts, and cannot change the account', async () => {
    const skien = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4003',
      roles: ['admin'],
      name: 'Skien Sara',
    });
    const invited = await admin.request('POST', `${BASE}/users`, {
      email: skien.email,
      name: 'Someone Else',
      roles: ['leser'],
    });
    expect(invited.status).toBe(201);
    const holder = await logInAs(t, skien);
    const meBefore = await holder.request('GET', '/api/v1/staff/session');
    expect(meBefore.body.memberships.map((m: { kommunenummer: string }) => m.kommunenummer)).toEqual([
      '4003',
    ]);
    const token = await invitationToken(skien.email);
    const lookup = await holder.request('POST', '/api/v1/staff/invitations/lookup', { token });
    expect(lookup.body).toMatchObject({ accountExists: true, signedInAsInvitee: true });
    // An account exists: it is not created anew.
    const asNew = await t.request('POST', '/api/v1/staff/invitations/accept-new', {
      body: { token, name: 'X', password: 'a long enough password' },
    });
    expect([asNew.status, asNew.body.error.code]).toEqual([409, 'account_exists']);
    expect((await holder.request('POST', '/api/v1/staff/invitations/accept', { token })).status).toBe(200);
    const me = await holder.request('GET', '/api/v1/staff/session');
    expect(
      me.body.memberships.map((m: { kommunenummer: string; roles: string[] }) => [m.kommunenummer, m.roles]),
    ).toEqual([
      ['4001', ['leser']],
      ['4003', ['admin']],
    ]);
    expect(me.body.user.name).toBe('Skien Sara');
    // Its roles elsewhere stay when its roles here change; the account itself is not ours to change.
    const changed = await admin.request('PUT', `${BASE}/users/${skien.id}`, { roles: ['saksbehandler'] });
    expect(changed.body).toMatchObject({ roles: ['saksbehandler'], accountEditable: false });
    const deactivate = await admin.request('PUT', `${BASE}/users/${skien.id}`, { active: false });
    expect([deactivate.status, deactivate.body.error.code]).toEqual([403, 'account_shared']);
    const reset = await admin.request('POST', `${BASE}/users/${skien.id}/password-reset`);
    expect([reset.status, reset.body.error.code]).toEqual([403, 'account_shared']);
    const roles = await queryRows<{ kommunenummer: string; role: string }>(
      t.ctx.db.db,
      sql`select kommunenummer, role from staff_roles where user_id = ${skien.id}::uuid order by kommunenummer`,
    );
    expect(roles).toEqual([
      { kommunenummer: '4001', role: 'saksbehandler' },
      { kommunenummer: '4003', role: 'admin' },
    ]);
    // Removing every role here takes the account off this municipality's teams as well.
    await admin.request('PUT', `${BASE}/users/${skien.id}`, { roles: ['saksbehandler'], teamIds: [teamId] });
    expect((await admin.request('PUT', `${BASE}/users/${skien.id}`, { roles: [] })).status).toBe(200);
    const teams = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from team_members where user_id = ${skien.id}::uuid`,
    );
    expect(teams[0]?.n).toBe(0);
  });

  it('sends a password reset link to an account that is only this municipality’s, never sets a password', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const sent = await admin.request('POST', `${BASE}/users/${user.id}/password-reset`);
    expect(sent.status, sent.text).toBe(202);
    const [message] = await queryRows<{ recipient: string }>(
      t.ctx.db.db,
      sql`select recipient from messages where kind = 'password_reset' and recipient = ${user.email}`,
    );
    expect(message?.recipient).toBe(user.email);
    const outbox = await admin.request('GET', `${BASE}/outbox`);
    expect(outbox.text).not.toMatch(/reset-password\?token=[A-Za-z0-9_-]{20,}/);
    const oidcOnly = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['leser'],
      password: null,
    });
    const none = await admin.request('POST', `${BASE}/users/${oidcOnly.id}/password-reset`);
    expect([none.status, none.body.error.code]).toEqual([409, 'no_password']);
  });

  it('changes roles, teams and name; deactivating ends every session', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const session = await logInAs(t, user);
    const changed = await admin.request('PUT', `${BASE}/users/${user.id}`, {
      name: 'Nytt Navn',
      roles: ['servicekontor'],
      teamIds: [teamId],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Nytt Navn',
      roles: ['servicekontor'],
      teams: [{ id: teamId }],
    });
    expect((await session.request('GET', '/api/v1/staff/session')).status).toBe(200);
    const off = await admin.request('PUT', `${BASE}/users/${user.id}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await session.request('GET', '/api/v1/staff/session')).status).toBe(401);
    const [sessions] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from staff_sessions where user_id = ${user.id}::uuid`,
    );
    expect(sessions?.n).toBe(0);
    const audit = await admin.request('GET', `${BASE}/audit?limit=1`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'user.deactivated',
      before: { active: true },
      after: { active: false },
    });
  });

  it('stops an administrator removing their own admin role or deactivating themselves', async () => {
    const own = await admin.request(
      'PUT',
      `${BASE}/users/${adminId}`,
      { roles: ['saksbehandler'] },
      { 'accept-language': 'en' },
    );
    expect(own.status).toBe(400);
    expect(own.body.error.code).toBe('cannot_remove_own_admin');
    expect(own.body.error.message).toMatch(/cannot remove your own administrator role/);
    expect((await admin.request('PUT', `${BASE}/users/${adminId}`, { active: false })).status).toBe(400);
    expect(
      (await admin.request('PUT', `${BASE}/users/${adminId}`, { roles: ['admin', 'saksbehandler'] })).status,
    ).toBe(200);
    const skienOnly = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4003', roles: ['leser'] });
    expect((await admin.request('PUT', `${BASE}/users/${skienOnly.id}`, { name: 'Mine' })).status).toBe(404);
  });
});

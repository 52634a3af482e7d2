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

  it('creates a user with an initial password who can then log in, and lists them with roles and teams', async () => {
    const created = await admin.request('POST', `${BASE}/users`, {
      email: ' Ola.Nordmann@Porsgrunn.kommune.no ',
      name: 'Ola Nordmann',
      language: 'nn',
      roles: ['saksbehandler', 'feltarbeider'],
      teamIds: [teamId],
      password: 'a long enough password',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'ola.nordmann@porsgrunn.kommune.no',
      language: 'nn',
      roles: ['feltarbeider', 'saksbehandler'],
      teams: [{ id: teamId, name: 'Lekkasjeteamet' }],
      hasPassword: true,
      oidcLinked: false,
      active: true,
    });
    const session = await logInAs(t, {
      email: 'ola.nordmann@porsgrunn.kommune.no',
      password: 'a long enough password',
    });
    expect((await session.request('GET', '/api/v1/staff/session')).body.memberships[0].roles).toEqual([
      'feltarbeider',
      'saksbehandler',
    ]);
    const list = await admin.request('GET', `${BASE}/users`);
    expect(list.body.users.map((u: { email: string }) => u.email)).toContain(
      'ola.nordmann@porsgrunn.kommune.no',
    );
    // Never the hash, in the answer or the audit log.
    const audit = await admin.request('GET', `${BASE}/audit?limit=1`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'user.created',
      after: expect.objectContaining({ passwordSet: true }),
    });
    expect(audit.text).not.toContain('argon2');
    expect(audit.text).not.toContain('a long enough password');
  });

  it('refuses a short password, no roles, a bad address, another municipality’s team, and the same person twice', async () => {
    const [skienTeam] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from teams where kommunenummer = '4003' limit 1`,
    );
    const refused = await admin.request('POST', `${BASE}/users`, {
      email: 'not-an-address',
      name: 'X',
      roles: [],
      teamIds: [skienTeam?.id],
      password: 'short',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'email',
      'roles',
      'password',
      'teamIds.0',
    ]);
    const twice = await admin.request('POST', `${BASE}/users`, {
      email: 'dup@kommune.test',
      name: 'D',
      roles: ['leser'],
    });
    expect(twice.status).toBe(201);
    expect(twice.body.hasPassword).toBe(false);
    const again = await admin.request('POST', `${BASE}/users`, {
      email: 'DUP@kommune.test',
      name: 'D',
      roles: ['leser'],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('user_exists');
  });

  it('gives an existing account of another municipality roles here, leaving its name and password', async () => {
    const skien = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4003',
      roles: ['admin'],
      name: 'Skien Sara',
    });
    const added = await admin.request('POST', `${BASE}/users`, {
      email: skien.email,
      name: 'Someone Else',
      roles: ['leser'],
      password: 'an attempt to take over',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: skien.id, name: 'Skien Sara', roles: ['leser'] });
    const session = await logInAs(t, skien);
    const me = await session.request('GET', '/api/v1/staff/session');
    expect(
      me.body.memberships.map((m: { kommunenummer: string; roles: string[] }) => [m.kommunenummer, m.roles]),
    ).toEqual([
      ['4001', ['leser']],
      ['4003', ['admin']],
    ]);
    // Its roles elsewhere stay when its roles here change, and it cannot be deactivated from here.
    const changed = await admin.request('PUT', `${BASE}/users/${skien.id}`, { roles: ['saksbehandler'] });
    expect(changed.body.roles).toEqual(['saksbehandler']);
    const deactivate = await admin.request('PUT', `${BASE}/users/${skien.id}`, { active: false });
    expect(deactivate.status).toBe(409);
    expect(deactivate.body.error.code).toBe('account_shared');
    const roles = await queryRows<{ kommunenummer: string; role: string }>(
      t.ctx.db.db,
      sql`select kommunenummer, role from staff_roles where user_id = ${skien.id}::uuid order by kommunenummer`,
    );
    expect(roles).toEqual([
      { kommunenummer: '4001', role: 'saksbehandler' },
      { kommunenummer: '4003', role: 'admin' },
    ]);
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

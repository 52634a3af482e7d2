// Sessions kept on a device (the field app): they live by the device lifetime (30 days unused,
// 90 at most) where a browser's ends after 12 hours unused or a week; a staff member lists and
// ends their own; an administrator of a municipality the person works for lists and ends theirs
// (audited), and nobody else, whatever municipality they administer.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildSecondMunicipality } from '../../../test/support/second-municipality.ts';
import {
  type BuiltStaffUser,
  buildStaffUser,
  logInAs,
  type StaffClient,
} from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { hashToken } from './sessions.ts';

const DAY_S = 24 * 3600;

interface Listed {
  id: string;
  deviceName: string | null;
  current: boolean;
  expiresAt: string;
}

describe.each(databaseKinds())('device sessions on %s', (kind) => {
  let t: TestApp;
  let adminA: StaffClient;
  let adminB: StaffClient;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildSecondMunicipality(t.ctx.db.db);
    adminA = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
    adminB = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4003', roles: ['admin'] }));
  });
  afterAll(() => t.close());

  const crewUser = (kommunenummer = '4001') =>
    buildStaffUser(t.ctx.db.db, { kommunenummer, roles: ['feltarbeider'] });

  function tokenOf(client: StaffClient): string {
    return client.cookie.split('=').slice(1).join('=');
  }

  async function setTimes(
    client: StaffClient,
    times: { created?: string; lastSeen?: string; expires?: string },
  ) {
    const hash = hashToken(tokenOf(client));
    if (times.created)
      await t.ctx.db.db.execute(
        sql`update staff_sessions set created_at = now() - ${times.created}::interval where token_hash = ${hash}`,
      );
    if (times.lastSeen)
      await t.ctx.db.db.execute(
        sql`update staff_sessions set last_seen_at = now() - ${times.lastSeen}::interval where token_hash = ${hash}`,
      );
    if (times.expires)
      await t.ctx.db.db.execute(
        sql`update staff_sessions set expires_at = now() + ${times.expires}::interval where token_hash = ${hash}`,
      );
  }

  async function alive(client: StaffClient): Promise<boolean> {
    const res = await client.request('GET', '/api/v1/staff/session');
    if (res.status !== 200 && res.status !== 401) throw new Error(`unexpected ${res.status}`);
    return res.status === 200;
  }

  it('keeps a device session 30 days unused and 90 at most, a browser session 12 hours and a week', async () => {
    const user = await crewUser();
    const phone = await logInAs(t, user, { deviceName: 'Servicebil 3' });
    const browser = await logInAs(t, user);
    const maxAge = (c: StaffClient) => Number(/Max-Age=(\d+)/i.exec(c.setCookie)?.[1]);
    expect(maxAge(phone)).toBe(90 * DAY_S);
    expect(maxAge(browser)).toBe(12 * 3600);
    const [row] = await queryRows<{ device_name: string | null; days: number }>(
      t.ctx.db.db,
      sql`select device_name, extract(epoch from expires_at - now()) / 86400 as days
        from staff_sessions where token_hash = ${hashToken(tokenOf(phone))}`,
    );
    expect(row?.device_name).toBe('Servicebil 3');
    expect(Number(row?.days)).toBeGreaterThan(29.9);

    // Eight days old: too old for a browser, fine for a device.
    await setTimes(phone, { created: '8 days' });
    await setTimes(browser, { created: '8 days' });
    expect(await alive(phone)).toBe(true);
    expect(await alive(browser)).toBe(false);

    // Used after a while: the device session slides another 30 days.
    await setTimes(phone, { lastSeen: '10 minutes', expires: '1 hour' });
    expect(await alive(phone)).toBe(true);
    const [slid] = await queryRows<{ days: number }>(
      t.ctx.db.db,
      sql`select extract(epoch from expires_at - now()) / 86400 as days from staff_sessions where token_hash = ${hashToken(tokenOf(phone))}`,
    );
    expect(Number(slid?.days)).toBeGreaterThan(29.9);

    // 91 days old, however recently used: over.
    await setTimes(phone, { created: '91 days' });
    expect(await alive(phone)).toBe(false);

    // Unused past its idle time: over.
    const tablet = await logInAs(t, user, { deviceName: 'Nettbrett' });
    await setTimes(tablet, { expires: '-1 minute' });
    expect(await alive(tablet)).toBe(false);
  });

  it('turns the current session into a device session afterwards (an identity-provider login)', async () => {
    const user = await crewUser();
    const session = await logInAs(t, user);
    const res = await session.request('PUT', '/api/v1/staff/session/device', { deviceName: 'Servicebil 5' });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`Max-Age=${90 * DAY_S}`));
    await setTimes(session, { created: '8 days' });
    expect(await alive(session)).toBe(true);
    const list = await session.request('GET', '/api/v1/staff/sessions');
    expect((list.body.sessions as Listed[]).find((s) => s.current)?.deviceName).toBe('Servicebil 5');
    const blank = await session.request('PUT', '/api/v1/staff/session/device', { deviceName: '   ' });
    expect(blank.status).toBe(400);
    expect(
      (await t.request('PUT', '/api/v1/staff/session/device', { body: { deviceName: 'x' } })).status,
    ).toBe(401);
  });

  it('refuses a device name that is too long or not one line', async () => {
    const user = await crewUser();
    for (const deviceName of ['x'.repeat(81), 'to\nlinjer']) {
      const res = await t.request('POST', '/api/v1/staff/session', {
        body: { email: user.email, password: user.password, deviceName },
      });
      expect(res.status).toBe(400);
    }
  });

  it('lists my sessions without their tokens, and ends one of mine but not anyone else’s', async () => {
    const user = await crewUser();
    const phone = await logInAs(t, user, { deviceName: 'Karis telefon' });
    const browser = await logInAs(t, user);
    const res = await browser.request('GET', '/api/v1/staff/sessions');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const sessions = res.body.sessions as Listed[];
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s) => s.current)?.deviceName).toBeNull();
    const phoneEntry = sessions.find((s) => s.deviceName === 'Karis telefon');
    if (!phoneEntry) throw new Error('the phone is not listed');
    expect(phoneEntry.current).toBe(false);
    // Neither the token nor its stored hash is in the answer.
    for (const client of [phone, browser]) {
      expect(res.text).not.toContain(tokenOf(client));
      expect(res.text).not.toContain(hashToken(tokenOf(client)).toString('hex'));
      expect(res.text).not.toContain(hashToken(tokenOf(client)).toString('base64url'));
      expect(res.text).not.toContain(client.csrfToken);
    }

    // Someone else cannot end it by its id.
    const other = await logInAs(t, await crewUser());
    expect((await other.request('DELETE', `/api/v1/staff/sessions/${phoneEntry.id}`)).status).toBe(404);
    expect(await alive(phone)).toBe(true);

    expect((await browser.request('DELETE', `/api/v1/staff/sessions/${phoneEntry.id}`)).status).toBe(204);
    expect(await alive(phone)).toBe(false);
    expect(await alive(browser)).toBe(true);
    expect((await browser.request('DELETE', `/api/v1/staff/sessions/${phoneEntry.id}`)).status).toBe(404);
    expect((await browser.request('DELETE', '/api/v1/staff/sessions/not-an-id')).status).toBe(404);
    expect((await t.request('GET', '/api/v1/staff/sessions')).status).toBe(401);
  });

  async function sessionsAs(admin: StaffClient, k: string, user: BuiltStaffUser) {
    return admin.request('GET', `/api/v1/staff/m/${k}/admin/users/${user.id}/sessions`);
  }

  it('lets an administrator of the municipality list and end a staff member’s session, audited', async () => {
    const user = await crewUser();
    const phone = await logInAs(t, user, { deviceName: 'Servicebil 7' });
    const res = await sessionsAs(adminA, '4001', user);
    expect(res.status).toBe(200);
    const entry = (res.body.sessions as Listed[]).find((s) => s.deviceName === 'Servicebil 7');
    if (!entry) throw new Error('the phone is not listed');
    expect(entry.current).toBe(false);
    const end = await adminA.request(
      'DELETE',
      `/api/v1/staff/m/4001/admin/users/${user.id}/sessions/${entry.id}`,
    );
    expect(end.status).toBe(204);
    expect(await alive(phone)).toBe(false);
    const [audit] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from audit_log where action = 'user.session_ended'
        and entity_id = ${user.id} and kommunenummer = '4001'`,
    );
    expect(audit?.n).toBe(1);
  });

  it('keeps an administrator of another municipality away from someone who works only here', async () => {
    const user = await crewUser('4001');
    await logInAs(t, user, { deviceName: 'Servicebil 9' });
    const listed = await sessionsAs(adminA, '4001', user);
    const entry = (listed.body.sessions as Listed[])[0];
    if (!entry) throw new Error('no session listed');
    // Through their own municipality: the person is not one of theirs.
    expect((await sessionsAs(adminB, '4003', user)).status).toBe(404);
    const viaB = await adminB.request(
      'DELETE',
      `/api/v1/staff/m/4003/admin/users/${user.id}/sessions/${entry.id}`,
    );
    expect(viaB.status).toBe(404);
    // Through ours: not their municipality.
    expect((await sessionsAs(adminB, '4001', user)).status).toBe(403);
    const viaA = await adminB.request(
      'DELETE',
      `/api/v1/staff/m/4001/admin/users/${user.id}/sessions/${entry.id}`,
    );
    expect(viaA.status).toBe(403);
    expect((await sessionsAs(adminA, '4001', user)).body.sessions).toHaveLength(1);
  });

  it('lets an administrator of either municipality end the session of someone who works for both', async () => {
    const user = await crewUser('4001');
    await t.ctx.db.db.execute(
      sql`insert into staff_roles (user_id, kommunenummer, role) values (${user.id}::uuid, '4003', 'feltarbeider')`,
    );
    const phone = await logInAs(t, user, { deviceName: 'Felles telefon' });
    const res = await sessionsAs(adminB, '4003', user);
    expect(res.status).toBe(200);
    const entry = (res.body.sessions as Listed[]).find((s) => s.deviceName === 'Felles telefon');
    if (!entry) throw new Error('the phone is not listed');
    const end = await adminB.request(
      'DELETE',
      `/api/v1/staff/m/4003/admin/users/${user.id}/sessions/${entry.id}`,
    );
    expect(end.status).toBe(204);
    expect(await alive(phone)).toBe(false);
    // A session id of someone else under this person's address: 404.
    const stranger = await crewUser('4003');
    await logInAs(t, stranger, { deviceName: 'Fremmed' });
    const theirs = ((await sessionsAs(adminB, '4003', stranger)).body.sessions as Listed[])[0];
    const wrong = await adminB.request(
      'DELETE',
      `/api/v1/staff/m/4003/admin/users/${user.id}/sessions/${theirs?.id}`,
    );
    expect(wrong.status).toBe(404);
  });
});

import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, TEST_PASSWORD } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { forgetExpiredSessions } from './sessions.ts';

describe.each(databaseKinds())('staff sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  it('logs in with email and password, sets an HttpOnly SameSite cookie, and says who is logged in', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['saksbehandler'] });
    const response = await t.request('POST', '/api/v1/staff/session', {
      body: { email: user.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mp_staff=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(response.body.memberships).toEqual([
      expect.objectContaining({ kommunenummer: '4001', roles: ['saksbehandler'] }),
    ]);
    // A password login covers every municipality of the account.
    expect(response.body.scope).toBeNull();
    const me = await t.request('GET', '/api/v1/staff/session', {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(user.email);
    expect(me.body.csrfToken).toBe(response.body.csrfToken);
    // The database holds only the SHA-256 of the cookie's token, never the token.
    const token = (cookie.split(';')[0] ?? '').split('=')[1] ?? '';
    const rows = await queryRows<{ hash: string }>(
      t.ctx.db.db,
      sql`select encode(token_hash, 'hex') as hash from staff_sessions where user_id = ${user.id}::uuid`,
    );
    expect(rows.map((r) => r.hash)).toEqual([createHash('sha256').update(token).digest('hex')]);
  });

  it('refuses a wrong password and an unknown address with the same message', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const wrong = await t.request('POST', '/api/v1/staff/session', {
      body: { email: user.email, password: 'wrong password' },
      headers: { 'accept-language': 'nb' },
    });
    const unknown = await t.request('POST', '/api/v1/staff/session', {
      body: { email: 'nobody@kommune.test', password: 'wrong password' },
      headers: { 'accept-language': 'nb' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe('Feil e-postadresse eller passord.');
    expect(unknown.body.error).toEqual(wrong.body.error);
  });

  // Throttling failed attempts: login-throttle.http.test.ts.

  it('refuses changes without the CSRF token, and requests without a session', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const client = await logInAs(t, user);
    const noToken = await t.request('DELETE', '/api/v1/staff/session', {
      headers: { cookie: client.cookie },
    });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf_token_invalid');
    const badToken = await t.request('DELETE', '/api/v1/staff/session', {
      headers: { cookie: client.cookie, 'x-csrf-token': `${client.csrfToken}x` },
    });
    expect(badToken.status).toBe(403);
    expect((await t.request('GET', '/api/v1/staff/session')).status).toBe(401);
  });

  it('logs out this browser, and everywhere', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const first = await logInAs(t, user);
    const second = await logInAs(t, user);
    const third = await logInAs(t, user);
    expect((await first.request('DELETE', '/api/v1/staff/session')).status).toBe(204);
    expect((await first.request('GET', '/api/v1/staff/session')).status).toBe(401);
    expect((await second.request('GET', '/api/v1/staff/session')).status).toBe(200);
    expect((await second.request('POST', '/api/v1/staff/session/logout-everywhere')).status).toBe(204);
    expect((await second.request('GET', '/api/v1/staff/session')).status).toBe(401);
    expect((await third.request('GET', '/api/v1/staff/session')).status).toBe(401);
  });

  it('ends the sessions of a deactivated account at once', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const client = await logInAs(t, user);
    await t.ctx.db.db.execute(sql`update staff_users set active = false where id = ${user.id}::uuid`);
    expect((await client.request('GET', '/api/v1/staff/session')).status).toBe(401);
  });

  it('forgets sessions past their idle time; they no longer work', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const client = await logInAs(t, user);
    await t.ctx.db.db.execute(
      sql`update staff_sessions set expires_at = now() - interval '1 minute' where user_id = ${user.id}::uuid`,
    );
    expect((await client.request('GET', '/api/v1/staff/session')).status).toBe(401);
    expect(await forgetExpiredSessions(t.ctx.db.db)).toBeGreaterThanOrEqual(1);
    const left = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from staff_sessions where user_id = ${user.id}::uuid`,
    );
    expect(left[0]?.n).toBe(0);
  });
});

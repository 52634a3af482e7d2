// Finding 10 of the security review: five wrong passwords for an address used to lock it for 15
// minutes for everyone, so anyone could lock any staff member out. Now failures slow down the
// client that makes them (a growing wait per address and client), and only a much higher number
// of failures for one address from anywhere locks the address itself. Clients are told apart by
// their address; behind the test's "proxy" (TRUST_PROXY) that is X-Forwarded-For.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, TEST_PASSWORD } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { ADDRESS_MAX_FAILURES } from './login-throttle.ts';

describe.each(databaseKinds())('login throttle on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { trustProxy: true });
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, client: string, language = 'nb') =>
    t.request('POST', '/api/v1/staff/session', {
      body: { email, password },
      headers: { 'x-forwarded-for': client, 'accept-language': language },
    });

  it('does not let five failures from one client lock the right password out for another', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(user.email, 'wrong', '198.51.100.7')).status);
    const fromDesk = await attempt(user.email, TEST_PASSWORD, '203.0.113.20');
    expect(fromDesk.status, fromDesk.text).toBe(200);
    // Three failures are free; then the same client must wait before each next try.
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toContain(429);
    // The attacker's client is still being slowed down.
    const again = await attempt(user.email, TEST_PASSWORD, '198.51.100.7', 'en');
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('login_throttled');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('makes one client wait longer after each failure: 1 s after the third, 2 s after the fourth', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const client = '198.51.100.8';
    for (let i = 0; i < 3; i++) expect((await attempt(user.email, 'wrong', client)).status).toBe(401);
    const waiting = await attempt(user.email, 'wrong', client, 'en');
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get('retry-after')).toBe('1');
    expect(waiting.body.error.message).toMatch(/Wait 1 s/);
    // Once the second has passed, the fourth try is heard (and fails), and the wait doubles.
    await vi.waitFor(
      async () => {
        const fourth = await attempt(user.email, 'wrong', client);
        if (fourth.status === 429) throw new Error('still waiting');
        expect(fourth.status).toBe(401);
      },
      { timeout: 5_000, interval: 200 },
    );
    const longer = await attempt(user.email, TEST_PASSWORD, client);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');
    await vi.waitFor(
      async () => {
        const right = await attempt(user.email, TEST_PASSWORD, client);
        if (right.status === 429) throw new Error('still waiting');
        expect(right.status).toBe(200);
      },
      { timeout: 6_000, interval: 250 },
    );
    // A login clears that client's count: three free failures again.
    for (let i = 0; i < 3; i++) expect((await attempt(user.email, 'wrong', client)).status).toBe(401);
  });

  it('locks the address everywhere once it has had far more failures than one person makes', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    // Failures already counted this hour from many clients (a guessing campaign), one short of the cap.
    await t.ctx.db.db.execute(sql`insert into login_throttle (key, failures, window_started_at, last_failure_at)
      values (${`email:${user.email}`}, ${ADDRESS_MAX_FAILURES - 1}, now(), now())`);
    expect((await attempt(user.email, 'wrong', '192.0.2.50')).status).toBe(401);
    const locked = await attempt(user.email, TEST_PASSWORD, '192.0.2.51', 'en');
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/Wait 15 min/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
  });

  it('treats an unknown address exactly like a known one', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const answers = async (email: string, client: string) => {
      const seen: [number, string][] = [];
      for (let i = 0; i < 4; i++) {
        const r = await attempt(email, 'wrong', client);
        seen.push([r.status, r.body.error.code]);
      }
      return seen;
    };
    const known = await answers(user.email, '192.0.2.60');
    const unknown = await answers('nobody.here@kommune.test', '192.0.2.61');
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toEqual([429, 'login_throttled']);
  });
});

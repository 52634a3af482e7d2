import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { hashPassword } from './passwords.ts';
import { seedDemoStaff } from './seed-demo-staff.ts';

describe.each(databaseKinds())('demo staff accounts on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  async function status(email: string, password: string): Promise<number> {
    return (await t.request('POST', '/api/v1/staff/session', { body: { email, password } })).status;
  }

  it('makes one account per role whose printed password works, and a new password without kept ones', async () => {
    const first = await seedDemoStaff(t.ctx.db.db, '4001', 'demo.test');
    expect(first.hashed).toBe(5);
    expect(first.accounts.map((a) => a.role)).toEqual([
      'admin',
      'saksbehandler',
      'servicekontor',
      'feltarbeider',
      'leser',
    ]);
    const second = await seedDemoStaff(t.ctx.db.db, '4001', 'demo.test');
    const admin1 = first.accounts[0];
    const admin2 = second.accounts[0];
    if (!admin1 || !admin2) throw new Error('no admin account');
    expect(admin2.password).not.toBe(admin1.password);
    expect(await status(admin2.email, admin2.password)).toBe(200);
    expect(await status(admin1.email, admin1.password)).toBe(401);
    const login = await t.request('POST', '/api/v1/staff/session', {
      body: { email: second.accounts[1]?.email, password: second.accounts[1]?.password },
    });
    expect(login.body.memberships[0].roles).toEqual(['saksbehandler']);
    expect(login.body.memberships[0].teams.map((team: { name: string }) => team.name)).toEqual([
      'VA drift',
      'Vei og park',
    ]);
  });

  it('keeps the kept passwords without hashing, and replaces only one changed since', async () => {
    const first = await seedDemoStaff(t.ctx.db.db, '4001', 'demo.keep');
    const again = await seedDemoStaff(t.ctx.db.db, '4001', 'demo.keep', first.kept);
    expect(again.hashed).toBe(0);
    expect(again.accounts.map((a) => a.password)).toEqual(first.accounts.map((a) => a.password));
    const leser = again.accounts[4];
    if (!leser) throw new Error('no leser account');
    expect(await status(leser.email, leser.password)).toBe(200);

    // Someone changed the reader's password in the back office: the kept one is void.
    await t.ctx.db.db.execute(
      sql`update staff_users set password_hash = ${await hashPassword('changed by a person 1')}
        where email = ${leser.email}`,
    );
    const third = await seedDemoStaff(t.ctx.db.db, '4001', 'demo.keep', again.kept);
    expect(third.hashed).toBe(1);
    expect(third.accounts[4]?.password).not.toBe(leser.password);
    expect(third.accounts.slice(0, 4).map((a) => a.password)).toEqual(
      first.accounts.slice(0, 4).map((a) => a.password),
    );
    expect(await status(leser.email, third.accounts[4]?.password ?? '')).toBe(200);
  });
});

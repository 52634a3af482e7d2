import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
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

  it('makes one account per role whose printed password works, and a new password at every start', async () => {
    const first = await seedDemoStaff(t.ctx.db.db, '4001', 'demo.test');
    expect(first.map((a) => a.role)).toEqual([
      'admin',
      'saksbehandler',
      'servicekontor',
      'feltarbeider',
      'leser',
    ]);
    const second = await seedDemoStaff(t.ctx.db.db, '4001', 'demo.test');
    const admin1 = first[0];
    const admin2 = second[0];
    if (!admin1 || !admin2) throw new Error('no admin account');
    expect(admin2.password).not.toBe(admin1.password);
    expect(await status(admin2.email, admin2.password)).toBe(200);
    expect(await status(admin1.email, admin1.password)).toBe(401);
    const login = await t.request('POST', '/api/v1/staff/session', {
      body: { email: second[1]?.email, password: second[1]?.password },
    });
    expect(login.body.memberships[0].roles).toEqual(['saksbehandler']);
    expect(login.body.memberships[0].teams.map((team: { name: string }) => team.name)).toEqual([
      'VA drift',
      'Vei og park',
    ]);
  });
});

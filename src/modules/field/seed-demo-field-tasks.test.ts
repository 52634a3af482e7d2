import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { seedDemoStaff } from '../accounts/seed-demo-staff.ts';
import { seedDemoFieldTasks } from './seed-demo-field-tasks.ts';

describe.each(databaseKinds())('demo field tasks on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  it('gives the demo field worker three open tasks from the field, once', async () => {
    const { accounts } = await seedDemoStaff(t.ctx.db.db, '4001', 'demo.test');
    const worker = accounts.find((a) => a.role === 'feltarbeider');
    if (!worker) throw new Error('no field worker');
    const deps = { database: t.ctx.db, catalog: t.ctx.catalog, locator: t.ctx.locator };
    await expect(seedDemoFieldTasks(deps, '4001', worker.email)).resolves.toBe(3);
    await expect(seedDemoFieldTasks(deps, '4001', worker.email)).resolves.toBe(0);
    const tasks = await queryRows<{ status: string; channel: string; priority: string }>(
      t.ctx.db.db,
      sql`select r.status, r.channel, r.priority from reports r join staff_users u on u.id = r.assignee_id
        where u.email = ${worker.email} order by r.created_at`,
    );
    expect(tasks).toEqual([
      { status: 'mottatt', channel: 'felt', priority: 'hoy' },
      { status: 'mottatt', channel: 'felt', priority: 'normal' },
      { status: 'mottatt', channel: 'felt', priority: 'lav' },
    ]);
  });
});

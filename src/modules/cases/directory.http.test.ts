import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';

describe.each(databaseKinds())('staff directory on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { mapTileUrl: 'https://tiles.example.no/{z}/{x}/{y}.png' });
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '3907', name: 'Sandefjord' });
  });
  afterAll(() => t.close());

  it('names the teams, people and categories of the municipality for any staff role, and the map tiles', async () => {
    const [team] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from teams where kommunenummer = '4001' and code = 'va-drift'`,
    );
    const handler = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['saksbehandler'],
      name: 'Hanne Handler',
      teamIds: team ? [team.id] : [],
    });
    await buildStaffUser(t.ctx.db.db, { kommunenummer: '3907', roles: ['admin'], name: 'Elsewhere Else' });
    const reader = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] }),
    );
    const response = await reader.request('GET', '/api/v1/staff/m/4001/directory', undefined, {
      'accept-language': 'en',
    });
    expect(response.status).toBe(200);
    expect(response.body.teams.map((x: { name: string }) => x.name)).toEqual(['VA drift', 'Vei og park']);
    const hanne = response.body.people.find((p: { id: string }) => p.id === handler.id);
    expect(hanne).toEqual({
      id: handler.id,
      name: 'Hanne Handler',
      roles: ['saksbehandler'],
      teamIds: [team?.id],
    });
    expect(response.body.people.map((p: { name: string }) => p.name)).not.toContain('Elsewhere Else');
    expect(response.body.categories.length).toBeGreaterThan(5);
    expect(response.body.groups.map((g: { name: string }) => g.name)).toContain('Water');
    expect(response.body.map).toEqual({
      tileUrl: 'https://tiles.example.no/{z}/{x}/{y}.png',
      attribution: expect.any(String),
    });
    expect((await reader.request('GET', '/api/v1/staff/m/3907/directory')).status).toBe(403);
  });

  it('lists the categories group by group, each in the order its administrators set', async () => {
    // The parks first among the groups after water, and their categories turned around.
    await t.ctx.db.db.execute(
      sql`update category_groups set sort_order = 5 where kommunenummer = '4001' and code = 'park'`,
    );
    await t.ctx.db.db.execute(sql`update categories set sort_order = case code
        when 'park-forsopling' then 0 when 'park-benk' then 10 else 20 end
      where kommunenummer = '4001' and code like 'park-%'`);
    const reader = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] }),
    );
    const response = await reader.request('GET', '/api/v1/staff/m/4001/directory');
    expect(response.status).toBe(200);
    const groups = response.body.groups as { id: string; name: string }[];
    const categories = response.body.categories as { code: string; groupId: string }[];
    expect(groups.map((g) => g.name)).toEqual(['Vann', 'Park og friområde', 'Avløp', 'Vei og gate']);
    // Each group's categories together, the groups in their order.
    const groupRuns = categories.map((c) => c.groupId).filter((id, i, all) => id !== all[i - 1]);
    expect(groupRuns).toEqual(groups.map((g) => g.id));
    expect(categories.filter((c) => c.code.startsWith('park-')).map((c) => c.code)).toEqual([
      'park-forsopling',
      'park-benk',
      'park-lekeplass',
    ]);
  });
});

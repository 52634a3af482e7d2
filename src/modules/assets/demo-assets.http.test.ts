// Porsgrunn's demo asset register, seeded as a demo start seeds it: six assets inside Porsgrunn,
// the demo stickers tied to theirs, BH-0417 with its reports (nothing sent for them), and a
// second start adds nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs } from '../../../test/support/staff.ts';
import { sharedLocator, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { StartupPhases } from '../../startup/phases.ts';
import { seedDemo } from '../../startup/seed-demo.ts';
import { porsgrunnDemoAssets } from './demo/porsgrunn.ts';

describe.each(databaseKinds())('the demo assets on %s', (kind) => {
  let t: TestApp;

  async function start(): Promise<StartupPhases> {
    const phases = new StartupPhases();
    await seedDemo(t.ctx.db.db, { ...t.ctx.config, databaseMode: 'server' }, phases, () => t.app.log);
    return phases;
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await start();
  });
  afterAll(() => t?.close());

  it('places five hydrants and the Brevik pumping station inside Porsgrunn', async () => {
    const locator = await sharedLocator();
    const rows = await queryRows<{ external_id: string; code: string; lat: number; lon: number }>(
      t.ctx.db.db,
      sql`select a.external_id, t.code, a.lat, a.lon from assets a join asset_types t on t.id = a.type_id
          where a.kommunenummer = '4001' order by a.external_id`,
    );
    expect(rows.map((r) => r.external_id)).toEqual(porsgrunnDemoAssets.map((a) => a.externalId).sort());
    expect(rows.filter((r) => r.code === 'hydrant')).toHaveLength(5);
    expect(rows.filter((r) => r.code === 'pumpestasjon').map((r) => r.external_id)).toEqual(['PST-12']);
    for (const row of rows)
      expect(locator.locate(row.lat, row.lon)?.kommunenummer, row.external_id).toBe('4001');
  });

  it('ties the demo stickers to their assets, and gives BH-0417 its reports without sending anything', async () => {
    const links = await queryRows<{ code: string; external_id: string | null }>(
      t.ctx.db.db,
      sql`select l.code, a.external_id from report_links l left join assets a on a.id = l.asset_id
          where l.code in ('pg-bh0417', 'pg-pst12') order by l.code`,
    );
    expect(links).toEqual([
      { code: 'pg-bh0417', external_id: 'BH-0417' },
      { code: 'pg-pst12', external_id: 'PST-12' },
    ]);
    const [unsent] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from report_events where notified_at is null and public`,
    );
    expect(unsent?.n).toBe(0);

    const staff = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['saksbehandler'] }),
    );
    const list = await staff.request('GET', '/api/v1/staff/m/4001/assets?q=BH-0417');
    const page = await staff.request('GET', `/api/v1/staff/m/4001/assets/${list.body.items[0].id}`);
    expect(page.body).toMatchObject({ reportsLast12Months: 4, reportsTotal: 4 });
    expect(page.body.reports.map((r: { status: string }) => r.status)).toEqual([
      'mottatt',
      'utfort',
      'utfort',
      'utfort',
    ]);
    expect(page.body.reportLinks.map((l: { code: string }) => l.code)).toEqual(['pg-bh0417']);
  });

  it('adds nothing on a second start', async () => {
    const again = await start();
    expect(again.report.work.seedRowsAdded).toBe(0);
    const [count] = await queryRows<{ n: number }>(t.ctx.db.db, sql`select count(*)::int as n from reports`);
    expect(count?.n).toBe(4);
  });
});

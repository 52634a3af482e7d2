// Scans per day of each report link in the admin list, for the sparkline: the last 30 Oslo days.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildReportLink } from '../report-links/report-link-factory.ts';

const BASE = '/api/v1/staff/m/4001/admin/report-links';

describe.each(databaseKinds())('scans per day in the report link list on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
  });
  afterAll(() => t.close());

  it('lists the last 30 days, oldest first, today last, and keeps them after an edit', async () => {
    const link = await buildReportLink(t.ctx.db.db);
    for (let i = 0; i < 3; i++) await fetch(`${t.baseUrl}/q/${link.code}`, { redirect: 'manual' });
    await t.ctx.db.db.execute(sql`
      insert into report_link_scan_days (link_id, day, scans) values
        (${link.id}, (now() at time zone 'Europe/Oslo')::date - 5, 7),
        (${link.id}, (now() at time zone 'Europe/Oslo')::date - 30, 100)`);
    const list = await admin.request('GET', BASE);
    expect(list.status).toBe(200);
    const shown = list.body.links.find((l: { id: string }) => l.id === link.id);
    const expected = Array(30).fill(0);
    expected[29] = 3;
    expected[24] = 7;
    expect(shown.scansByDay).toEqual(expected);
    expect(shown.scanCount).toBe(3);
    expect(shown.assetId).toBeNull();
    const edited = await admin.request('PUT', `${BASE}/${link.id}`, { active: false });
    expect(edited.status).toBe(200);
    expect(edited.body.scansByDay).toEqual(expected);
    const other = await buildReportLink(t.ctx.db.db);
    const again = await admin.request('GET', BASE);
    expect(again.body.links.find((l: { id: string }) => l.id === other.id).scansByDay).toEqual(
      Array(30).fill(0),
    );
  });

  it('shows another municipality’s links to no one else', async () => {
    const skienAdmin = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4003', roles: ['admin'] }),
    );
    expect((await skienAdmin.request('GET', BASE)).status).toBe(403);
  });
});

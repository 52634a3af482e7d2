// The asset register over real HTTP on both databases: search, type and map-box filters, one asset
// with its stickers and its reports newest first (and the count of the last 12 months), asset
// types read by staff and changed by administrators, and another municipality's asset is 404.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { buildAssets, seedAssetTypes } from '../../../test/support/sticker-assets.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildReportLink } from '../report-links/report-link-factory.ts';
import { reports } from '../reports/schema.ts';
import { assets, assetTypes } from './schema.ts';

const BASE = '/api/v1/staff/m/4001';

describe.each(databaseKinds())('the asset register on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  let fieldWorker: StaffClient;
  let reader: StaffClient;
  let hydrants: (typeof assets.$inferSelect)[];
  let skienHydrant: typeof assets.$inferSelect;

  beforeAll(async () => {
    t = await startTestApp(kind, { mapTileUrl: '' });
    const db = t.ctx.db.db;
    await buildPorsgrunn(db);
    await buildMunicipality(db, { kommunenummer: '4003', name: 'Skien' });
    await seedAssetTypes(db, '4003');
    hydrants = await buildAssets(db, '4001', 'hydrant', [
      { lat: 59.14, lon: 9.65 },
      { lat: 59.141, lon: 9.651 },
      { lat: 59.05, lon: 9.7 },
    ]);
    await buildAssets(db, '4001', 'pumpestasjon', [{ lat: 59.0545, lon: 9.6985 }]);
    const [other] = await buildAssets(db, '4003', 'hydrant', [{ lat: 59.2, lon: 9.6 }]);
    if (!other) throw new Error('no Skien hydrant');
    skienHydrant = other;
    admin = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4001', roles: ['admin'] }));
    fieldWorker = await logInAs(
      t,
      await buildStaffUser(db, { kommunenummer: '4001', roles: ['feltarbeider'] }),
    );
    reader = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4001', roles: ['leser'] }));
  });
  afterAll(() => t.close());

  it('searches by register id text, by type and by the map box, a page at a time', async () => {
    const first = hydrants[0];
    if (!first) throw new Error('no hydrant');
    const byText = await fieldWorker.request(
      'GET',
      `${BASE}/assets?q=${encodeURIComponent(first.externalId.toLowerCase())}`,
    );
    expect(byText.status).toBe(200);
    expect(byText.body.items.map((a: { id: string }) => a.id)).toEqual([first.id]);
    expect(byText.body.items[0]).toMatchObject({
      externalId: first.externalId,
      type: { code: 'hydrant', name: { nb: 'Brannhydrant' } },
      reportsLast12Months: 0,
    });

    const byType = await fieldWorker.request('GET', `${BASE}/assets?type=pumpestasjon`);
    expect(byType.body.total).toBe(1);
    expect(byType.body.items[0].type.code).toBe('pumpestasjon');

    const inBox = await fieldWorker.request(
      'GET',
      `${BASE}/assets?west=9.64&south=59.13&east=9.66&north=59.15`,
    );
    expect(inBox.body.items.map((a: { id: string }) => a.id).sort()).toEqual(
      [hydrants[0]?.id, hydrants[1]?.id].sort(),
    );

    const paged = await fieldWorker.request('GET', `${BASE}/assets?limit=2&offset=2`);
    expect(paged.body).toMatchObject({ total: 4, limit: 2, offset: 2 });
    expect(paged.body.items).toHaveLength(2);

    // Readers (leser) see reports, not the asset register.
    expect((await reader.request('GET', `${BASE}/assets`)).status).toBe(403);
    expect((await reader.request('GET', `${BASE}/assets/${first.id}`)).status).toBe(403);

    // Wildcards are letters: "%" finds nothing rather than everything.
    const literal = await fieldWorker.request('GET', `${BASE}/assets?q=%25`);
    expect(literal.body.total).toBe(0);
    expect((await fieldWorker.request('GET', `${BASE}/assets?limit=100000`)).status).toBe(400);
  });

  it('shows one asset with its attributes, its sticker and its reports newest first', async () => {
    const db = t.ctx.db.db;
    const hydrant = hydrants[2];
    if (!hydrant) throw new Error('no hydrant');
    await db
      .update(assets)
      .set({ attributes: { Dimensjon: 'DN 150', Anleggsår: '1987' } })
      .where(eq(assets.id, hydrant.id));
    const link = await buildReportLink(db, { assetId: hydrant.id, assetRef: hydrant.externalId });
    // Reports dated back by hand: the page counts by date, and only the rows are what it reads.
    const sent = [];
    for (const daysAgo of [400, 30, 2]) {
      const res = await t.request('POST', '/api/v1/reports', {
        body: buildReportBody({
          location: { lat: hydrant.lat, lon: hydrant.lon },
          description: `Lekker (${daysAgo})`,
        }),
      });
      expect(res.status).toBe(201);
      const created = new Date(Date.now() - daysAgo * 86_400_000);
      await db
        .update(reports)
        .set({ assetId: hydrant.id, createdAt: created })
        .where(eq(reports.id, res.body.id));
      sent.push(res.body.ref as string);
    }
    const res = await fieldWorker.request('GET', `${BASE}/assets/${hydrant.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: hydrant.id,
      externalId: hydrant.externalId,
      attributes: [
        { key: 'Dimensjon', value: 'DN 150' },
        { key: 'Anleggsår', value: '1987' },
      ],
      reportsLast12Months: 2,
      reportsTotal: 3,
    });
    expect(res.body.reports.map((r: { ref: string }) => r.ref)).toEqual([...sent].reverse());
    expect(res.body.reports[0]).toMatchObject({ status: 'mottatt', category: { nb: 'Vannlekkasje' } });
    expect(res.body.reportLinks).toHaveLength(1);
    expect(res.body.reportLinks[0]).toMatchObject({ id: link.id, scanCount: 0 });
    expect(res.body.reportLinks[0].qrCodeUrl).toMatch(/\.svg$/);

    const list = await fieldWorker.request('GET', `${BASE}/assets?q=${hydrant.externalId}`);
    expect(list.body.items[0].reportsLast12Months).toBe(2);
  });

  it("answers 404 for another municipality's asset and for an unknown one", async () => {
    const other = await admin.request('GET', `${BASE}/assets/${skienHydrant.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('asset_not_found');
    expect((await admin.request('GET', `${BASE}/assets/00000000-0000-4000-8000-000000000000`)).status).toBe(
      404,
    );
    const listed = await admin.request('GET', `${BASE}/assets?q=${skienHydrant.externalId}`);
    expect(listed.body.total).toBe(0);
  });

  it('lets staff read the types and only administrators change them', async () => {
    const types = await fieldWorker.request('GET', `${BASE}/asset-types`);
    expect(types.status).toBe(200);
    expect(types.body.types.map((t: { code: string }) => t.code)).toEqual([
      'hydrant',
      'kum',
      'pumpestasjon',
      'hoydebasseng',
      'ventil',
      'tappepost',
      'annet',
    ]);
    expect(types.body.types[0]).toMatchObject({ assetCount: 3, active: true });
    expect((await reader.request('GET', `${BASE}/asset-types`)).status).toBe(403);

    const hydrantType = types.body.types[0];
    const path = `${BASE}/admin/asset-types/${hydrantType.id}`;
    expect((await fieldWorker.request('PUT', path, { sortOrder: 1 })).status).toBe(403);
    const changed = await admin.request('PUT', path, {
      name: { nb: 'Hydrant', nn: 'Hydrant', en: 'Hydrant' },
      suggestedCategories: ['vann-brannhydrant'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      code: 'hydrant',
      name: { nb: 'Hydrant' },
      suggestedCategories: ['vann-brannhydrant'],
    });
    const unknownCategory = await admin.request('PUT', path, { suggestedCategories: ['ingen-slik'] });
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.body.error.details[0].field).toBe('suggestedCategories.0');

    const created = await admin.request('POST', `${BASE}/admin/asset-types`, {
      code: 'sandfang',
      name: { nb: 'Sandfang' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'sandfang', active: true, assetCount: 0 });
    const again = await admin.request('POST', `${BASE}/admin/asset-types`, {
      code: 'sandfang',
      name: { nb: 'X' },
    });
    expect(again.status).toBe(409);
    const skienType = await admin.request('PUT', `/api/v1/staff/m/4003/admin/asset-types/${hydrantType.id}`, {
      sortOrder: 3,
    });
    expect(skienType.status).toBe(403);
    // Skien's type id in Porsgrunn's address: not found, and Skien's type is unchanged.
    const [skienTypeRow] = await t.ctx.db.db
      .select()
      .from(assetTypes)
      .where(and(eq(assetTypes.kommunenummer, '4003'), eq(assetTypes.code, 'hydrant')));
    if (!skienTypeRow) throw new Error('no Skien type');
    const crossed = await admin.request('PUT', `${BASE}/admin/asset-types/${skienTypeRow.id}`, {
      sortOrder: 3,
    });
    expect(crossed.status).toBe(404);
    const [after] = await t.ctx.db.db.select().from(assetTypes).where(eq(assetTypes.id, skienTypeRow.id));
    expect(after?.sortOrder).toBe(skienTypeRow.sortOrder);
  });
});

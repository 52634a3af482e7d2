// Reply templates and report links (QR stickers) through the administration API.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';

const BASE = '/api/v1/staff/m/4001/admin';

describe.each(databaseKinds())('template and report link administration on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
  });
  afterAll(() => t.close());

  it('creates and changes reply templates, with the category checked', async () => {
    const categories = await admin.request('GET', `${BASE}/categories`);
    const lekkasje = categories.body.categories.find((c: { code: string }) => c.code === 'vann-lekkasje');
    const created = await admin.request('POST', `${BASE}/templates`, {
      name: 'Lekkasje planlagt',
      status: 'planlagt',
      categoryId: lekkasje.id,
      body: { nb: 'Vi reparerer lekkasjen ved {address}.', en: 'We will fix the leak at {address}.' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'planlagt',
      categoryId: lekkasje.id,
      active: true,
      sortOrder: 0,
    });
    const changed = await admin.request('PUT', `${BASE}/templates/${created.body.id}`, {
      status: null,
      categoryId: null,
      active: false,
    });
    expect(changed.body).toMatchObject({
      status: null,
      categoryId: null,
      active: false,
      name: 'Lekkasje planlagt',
    });
    const list = await admin.request('GET', `${BASE}/templates`);
    expect(list.body.templates).toHaveLength(1);
    expect(
      (await admin.request('POST', `${BASE}/templates`, { name: 'x', body: { nn: 'bare nynorsk' } })).status,
    ).toBe(400);
    expect(
      (await admin.request('POST', `${BASE}/templates`, { name: 'x', status: 'glemt', body: { nb: 'x' } }))
        .status,
    ).toBe(400);
    const [skienGroup] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`insert into category_groups (kommunenummer, code, name) values ('4003', 'g', '{"nb":"G"}') returning id`,
    );
    const foreign = await admin.request('POST', `${BASE}/templates`, {
      name: 'x',
      categoryId: skienGroup?.id,
      body: { nb: 'x' },
    });
    expect(foreign.status).toBe(400);
    const audit = await admin.request('GET', `${BASE}/audit?limit=2`);
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual([
      'reply_template.updated',
      'reply_template.created',
    ]);
  });

  it('creates and changes report links: point in the municipality, known categories, unique code', async () => {
    const created = await admin.request('POST', `${BASE}/report-links`, {
      code: 'pg-kum-77',
      label: { nb: 'Kum 77' },
      lat: 59.14,
      lon: 9.66,
      assetRef: 'KUM-77',
      suggestedCategories: ['avlop-kumlokk'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'pg-kum-77',
      url: 'http://meld.test/q/pg-kum-77',
      qrCodeUrl: 'http://meld.test/q/pg-kum-77.svg',
      active: true,
      scanCount: 0,
      lastScannedAt: null,
    });
    const scan = () => fetch(`${t.baseUrl}/q/pg-kum-77`, { redirect: 'manual' });
    expect((await scan()).status).toBe(302);
    const generated = await admin.request('POST', `${BASE}/report-links`, { label: { nb: 'Uten kode' } });
    expect(generated.status).toBe(201);
    expect(generated.body.code).toMatch(/^[a-z2-9]{8}$/);
    const taken = await admin.request('POST', `${BASE}/report-links`, {
      code: 'pg-kum-77',
      label: { nb: 'x' },
    });
    expect(taken.status).toBe(409);
    const outside = await admin.request('POST', `${BASE}/report-links`, {
      label: { nb: 'x' },
      lat: 59.2096,
      lon: 9.6089,
      suggestedCategories: ['finnes-ikke'],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details.map((d: { code: string }) => d.code)).toEqual([
      'point_outside',
      'not_in_municipality',
    ]);
    const half = await admin.request('PUT', `${BASE}/report-links/${created.body.id}`, { lat: null });
    expect(half.status).toBe(400);
    const off = await admin.request('PUT', `${BASE}/report-links/${created.body.id}`, {
      active: false,
      label: { nb: 'Kum 77 (flyttet)' },
      lat: null,
      lon: null,
      address: 'Storgata 1',
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({
      active: false,
      lat: null,
      lon: null,
      address: 'Storgata 1',
      code: 'pg-kum-77',
    });
    // Switched off: the sticker's finder gets a page saying so (410), not the form tied to it.
    expect((await scan()).status).toBe(410);
    const list = await admin.request('GET', `${BASE}/report-links`);
    expect(list.body.links.map((l: { code: string }) => l.code)).toContain('pg-kum-77');
  });
});

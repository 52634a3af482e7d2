// A crew registers a new problem from the field: channel `felt`, registered by the staff member,
// no resident contact (even where the category asks residents for it), the registered asset on
// the row, photos as the public intake takes them, and a retry with the same Idempotency-Key
// stored once.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody, PLACES } from '../../../test/support/factories.ts';
import { jpeg, reportForm } from '../../../test/support/images.ts';
import { buildSecondMunicipality } from '../../../test/support/second-municipality.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';

const FIELD_REPORTS = '/api/v1/staff/m/4001/field/reports';

describe.each(databaseKinds())('reports from the field on %s', (kind) => {
  let t: TestApp;
  let crew: StaffClient;
  let crewId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildSecondMunicipality(t.ctx.db.db);
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['feltarbeider'] });
    crewId = user.id;
    crew = await logInAs(t, user);
  });
  afterAll(() => t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    category: 'vann-lekkasje',
    description: 'Lekkasje ved kumlokket, vann på veien.',
    lat: PLACES.porsgrunn.lat,
    lon: PLACES.porsgrunn.lon,
    answers: { mengde: 'renner' },
    ...overrides,
  });

  async function reportRow(id: string) {
    const [row] = await queryRows<{
      channel: string;
      asset_id: string | null;
      asset_ref: string | null;
      contacts: number;
      photos: number;
      actor: string;
    }>(
      t.ctx.db.db,
      sql`select r.channel, r.asset_id, r.asset_ref,
          (select count(*)::int from report_contacts c where c.report_id = r.id) as contacts,
          (select count(*)::int from report_photos p where p.report_id = r.id) as photos,
          (select e.actor from report_events e where e.report_id = r.id order by e.id limit 1) as actor
        from reports r where r.id = ${id}::uuid`,
    );
    return row;
  }

  async function countByDescription(description: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from reports where description = ${description}`,
    );
    return row?.n ?? 0;
  }

  it('registers a report with channel felt, by the staff member, without contact', async () => {
    const res = await crew.request('POST', FIELD_REPORTS, body());
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^4001-\d{4}-\d{5}$/);
    expect(await reportRow(res.body.id)).toMatchObject({ channel: 'felt', contacts: 0, actor: crewId });
    const view = await crew.request('GET', `/api/v1/staff/m/4001/reports/${res.body.id}`);
    expect(view.status).toBe(200);
    expect(view.body.channel).toBe('felt');
  });

  it('does not ask for a resident contact where the category does', async () => {
    await t.ctx.db.db.execute(
      sql`update categories set contact_required = true where kommunenummer = '4001' and code = 'vann-lekkasje'`,
    );
    try {
      await t.ctx.catalog.refresh('4001', 'vann-lekkasje');
      const res = await crew.request(
        'POST',
        FIELD_REPORTS,
        body({ description: 'Kontakt kreves for innbyggere' }),
      );
      expect(res.status).toBe(201);
    } finally {
      await t.ctx.db.db.execute(
        sql`update categories set contact_required = false where kommunenummer = '4001' and code = 'vann-lekkasje'`,
      );
      await t.ctx.catalog.refresh('4001', 'vann-lekkasje');
    }
  });

  it('stores the registered asset, and refuses an asset of another municipality', async () => {
    await t.ctx.db.db.execute(
      sql`insert into asset_types (kommunenummer, code, name)
        values ('4001', 'hydrant', '{"nb":"Brannhydrant"}'::jsonb), ('4003', 'hydrant', '{"nb":"Brannhydrant"}'::jsonb)
        on conflict do nothing`,
    );
    const [asset] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`insert into assets (kommunenummer, external_id, type_id, name, lat, lon)
        select '4001', 'H-1001', id, 'Brannhydrant Storgata', 59.14, 9.66 from asset_types
        where kommunenummer = '4001' and code = 'hydrant' returning id`,
    );
    const [foreign] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`insert into assets (kommunenummer, external_id, type_id, name, lat, lon)
        select '4003', 'H-9', id, 'Hydrant i Skien', 59.2, 9.6 from asset_types
        where kommunenummer = '4003' and code = 'hydrant' returning id`,
    );
    if (!asset || !foreign) throw new Error('assets not created');
    const res = await crew.request(
      'POST',
      FIELD_REPORTS,
      body({ assetId: asset.id, description: 'Hydrant lekker' }),
    );
    expect(res.status).toBe(201);
    expect(await reportRow(res.body.id)).toMatchObject({ asset_id: asset.id, asset_ref: 'H-1001' });
    const view = await crew.request('GET', `/api/v1/staff/m/4001/reports/${res.body.id}`);
    expect(view.body.asset).toEqual({
      id: asset.id,
      externalId: 'H-1001',
      name: 'Brannhydrant Storgata',
      typeName: expect.any(String),
    });

    const wrong = await crew.request(
      'POST',
      FIELD_REPORTS,
      body({ assetId: foreign.id, description: 'Feil kommune' }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0].field).toBe('assetId');
    expect(await countByDescription('Feil kommune')).toBe(0);
  });

  it('takes photos as the public intake does, and stores a retried report once', async () => {
    const description = 'Med bilde, sendt to ganger';
    const photo = await jpeg(640, 480);
    const send = (json: Record<string, unknown>, key: string) =>
      t.requestForm('POST', FIELD_REPORTS, reportForm(json, [photo]), {
        cookie: crew.cookie,
        'x-csrf-token': crew.csrfToken,
        'idempotency-key': key,
      });
    const first = await send(body({ description }), 'field-report-1');
    expect(first.status).toBe(201);
    const again = await send(body({ description }), 'field-report-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await countByDescription(description)).toBe(1);
    expect((await reportRow(first.body.id))?.photos).toBe(1);

    const other = await send(body({ description: 'Noe annet' }), 'field-report-1');
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');

    // Two copies at once: one report.
    const twice = 'Sendt samtidig fra felt';
    const both = await Promise.all([
      crew.request('POST', FIELD_REPORTS, body({ description: twice }), {
        'idempotency-key': 'field-report-2',
      }),
      crew.request('POST', FIELD_REPORTS, body({ description: twice }), {
        'idempotency-key': 'field-report-2',
      }),
    ]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    expect(both[0]?.body.id).toBe(both[1]?.body.id);
    expect(await countByDescription(twice)).toBe(1);
  });

  it('keeps a key to its municipality and apart from the public intake’s keys', async () => {
    // Someone who works in Skien too: the same key and the same body under Skien's URL is another
    // request (422), not a replay of Porsgrunn's report.
    const twoPlaces = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['feltarbeider'] });
    await t.ctx.db.db.execute(
      sql`insert into staff_roles (user_id, kommunenummer, role) values (${twoPlaces.id}::uuid, '4003', 'feltarbeider')`,
    );
    const both = await logInAs(t, twoPlaces);
    const description = 'Lekkasje, sendt i to kommuner';
    const first = await both.request('POST', FIELD_REPORTS, body({ description }), {
      'idempotency-key': 'shared-key-1',
    });
    expect(first.status).toBe(201);
    const inSkien = await both.request('POST', '/api/v1/staff/m/4003/field/reports', body({ description }), {
      'idempotency-key': 'shared-key-1',
    });
    expect(inSkien.status).toBe(422);
    expect(inSkien.body.error.code).toBe('idempotency_key_reused');
    // A resident's request with a key spelled like the staff member's gets a report of its own.
    for (const key of [`${twoPlaces.id}:shared-key-1`, `staff:${twoPlaces.id}:shared-key-1`]) {
      const resident = await t.request('POST', '/api/v1/reports', {
        body: buildReportBody({ description }),
        headers: { 'idempotency-key': key },
      });
      expect(resident.status, key).toBe(201);
      expect(resident.headers.get('idempotency-replayed'), key).toBeNull();
      expect(resident.body.id, key).not.toBe(first.body.id);
    }
  });

  it('refuses a point outside the municipality, half a point, and roles without field.tasks', async () => {
    const skien = await crew.request(
      'POST',
      FIELD_REPORTS,
      body({ ...PLACES.skien, description: 'I Skien' }),
    );
    expect(skien.status).toBe(422);
    expect((await crew.request('POST', FIELD_REPORTS, body({ lon: undefined }))).status).toBe(400);
    const desk = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['servicekontor'] }),
    );
    expect((await desk.request('POST', FIELD_REPORTS, body())).status).toBe(403);
    expect((await crew.request('POST', '/api/v1/staff/m/4003/field/reports', body())).status).toBe(403);
    expect(await countByDescription('I Skien')).toBe(0);
  });
});

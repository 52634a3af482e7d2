import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  buildMunicipality,
  buildPorsgrunn,
  buildReportBody,
  PLACES,
} from '../../../test/support/factories.ts';
import {
  type BuiltStaffUser,
  buildStaffUser,
  logInAs,
  type StaffClient,
} from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';

const BASE = '/api/v1/staff/m/4001/front-desk';

describe.each(databaseKinds())('front desk lookups on %s', (kind) => {
  let t: TestApp;
  let deskUser: BuiltStaffUser;
  let desk: StaffClient;
  let categoryIds: Record<string, string>;

  async function categoryId(code: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from categories where kommunenummer = '4001' and code = ${code}`,
    );
    if (!row) throw new Error(`no category ${code}`);
    return row.id;
  }

  function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      channel: 'telefon',
      categoryId: categoryIds.leak,
      description: 'Innringer melder om vann som renner over veien.',
      lat: PLACES.porsgrunn.lat,
      lon: PLACES.porsgrunn.lon,
      answers: { mengde: 'renner' },
      contact: { name: 'Ola Innringer', phone: '+47 412 34 567', notify: 'sms' },
      language: 'nn',
      ...overrides,
    };
  }

  async function asRole(role: 'admin' | 'saksbehandler' | 'servicekontor' | 'feltarbeider' | 'leser') {
    return logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: [role] }));
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '3806', name: 'Porsgrunn-nabo' });
    deskUser = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['servicekontor'] });
    desk = await logInAs(t, deskUser);
    categoryIds = {
      leak: await categoryId('vann-lekkasje'),
      pressure: await categoryId('vann-lavt-trykk'),
      taste: await categoryId('vann-lukt-smak'),
    };
  });
  afterAll(() => t.close());

  describe('looking up a caller', () => {
    it('finds the same reports whichever way the number is written, newest first, and logs the lookup', async () => {
      const phone = '+47 487 65 432';
      const fromWeb = await t.request('POST', '/api/v1/reports', {
        body: buildReportBody({ contact: { phone: '48765432', notify: 'sms' } }),
      });
      const fromDesk = await desk.request(
        'POST',
        `${BASE}/reports`,
        body({ contact: { phone, notify: 'sms' } }),
      );
      const other = await desk.request(
        'POST',
        `${BASE}/reports`,
        body({ contact: { phone: '99887766', notify: 'sms' } }),
      );
      expect([fromWeb.status, fromDesk.status, other.status]).toEqual([201, 201, 201]);
      // Make the order unambiguous: the web report is a day older.
      await t.ctx.db.db.execute(
        sql`update reports set created_at = created_at - interval '1 day' where id = ${fromWeb.body.id}::uuid`,
      );

      const expected = [fromDesk.body.id, fromWeb.body.id];
      for (const written of [phone, '48765432', '0047 48765432', '487 65 432']) {
        const res = await desk.request(
          'POST',
          `${BASE}/caller`,
          { phone: written },
          {
            'accept-language': 'en',
          },
        );
        expect(res.status).toBe(200);
        expect(res.body.reports.map((r: { id: string }) => r.id)).toEqual(expected);
        expect(res.body.reports[0]).toEqual({
          id: fromDesk.body.id,
          ref: fromDesk.body.ref,
          status: 'mottatt',
          category: { id: categoryIds.leak, name: 'Water leak' },
          createdAt: expect.any(String),
          address: null,
        });
      }

      const audit = await queryRows<{
        actor_id: string;
        after: { results: number; searchedBy: string[] };
        raw: string;
      }>(
        t.ctx.db.db,
        sql`select actor_id, after, after::text || entity_id || coalesce(before::text, '') as raw from audit_log
          where action = 'report.caller_lookup' order by id desc limit 4`,
      );
      expect(audit).toHaveLength(4);
      for (const entry of audit) {
        expect(entry.actor_id).toBe(deskUser.id);
        expect(entry.after).toMatchObject({ results: 2, searchedBy: ['phone'] });
        expect(entry.raw).not.toMatch(/48765432|487 65 432/);
      }
    });

    it('finds by email, case-insensitively, and by phone or email together', async () => {
      const email = `caller-${crypto.randomUUID().slice(0, 8)}@example.no`;
      const a = await desk.request('POST', `${BASE}/reports`, body({ contact: { email, notify: 'email' } }));
      const b = await desk.request(
        'POST',
        `${BASE}/reports`,
        body({ contact: { phone: '93334444', notify: 'sms' } }),
      );
      const byEmail = await desk.request('POST', `${BASE}/caller`, { email: email.toUpperCase() });
      expect(byEmail.body.reports.map((r: { id: string }) => r.id)).toEqual([a.body.id]);
      const both = await desk.request('POST', `${BASE}/caller`, { email, phone: '93334444' });
      expect(both.body.reports.map((r: { id: string }) => r.id).sort()).toEqual(
        [a.body.id, b.body.id].sort(),
      );
      const nobody = await desk.request('POST', `${BASE}/caller`, { phone: '40000001' });
      expect(nobody.body.reports).toEqual([]);
      const [audit] = await queryRows<{ after: { results: number } }>(
        t.ctx.db.db,
        sql`select after from audit_log where action = 'report.caller_lookup' order by id desc limit 1`,
      );
      expect(audit?.after.results).toBe(0);
    });

    it('returns at most 20 reports', async () => {
      for (let i = 0; i < 21; i++) {
        const res = await desk.request(
          'POST',
          `${BASE}/reports`,
          body({ contact: { phone: '45556666', notify: 'sms' } }),
        );
        expect(res.status).toBe(201);
      }
      const res = await desk.request('POST', `${BASE}/caller`, { phone: '45556666' });
      expect(res.body.reports).toHaveLength(20);
    });

    it('needs a phone number or an email address, and a number that looks like one', async () => {
      const none = await desk.request('POST', `${BASE}/caller`, {}, { 'accept-language': 'nb' });
      expect(none.status).toBe(400);
      expect(none.body.error.details[0]).toMatchObject({ field: 'phone', code: 'required' });
      expect(none.body.error.details[0].message).toMatch(/telefonnummer eller e-postadresse/);
      const bad = await desk.request('POST', `${BASE}/caller`, { phone: 'abc' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0]).toMatchObject({ field: 'phone', code: 'invalid_phone' });
    });

    it('is refused to field workers, readers and other municipalities', async () => {
      for (const role of ['feltarbeider', 'leser'] as const) {
        const res = await (await asRole(role)).request('POST', `${BASE}/caller`, { phone: '41234567' });
        expect(res.status).toBe(403);
      }
      expect(
        (await desk.request('POST', '/api/v1/staff/m/3806/front-desk/caller', { phone: '41234567' })).status,
      ).toBe(403);
    });
  });

  describe('open reports nearby', () => {
    it('lists open reports of the category near the point, nearest first, with their distance', async () => {
      const near = { lat: 59.1405, lon: 9.6605 };
      const created: string[] = [];
      for (const location of [near, { lat: 59.141, lon: 9.661 }, near]) {
        const res = await t.request('POST', '/api/v1/reports', {
          body: buildReportBody({ category: 'vann-lavt-trykk', location, answers: {} }),
        });
        expect(res.status).toBe(201);
        created.push(res.body.id);
      }
      // A closed one is not a candidate.
      await t.ctx.db.db.execute(sql`update reports set status = 'utfort' where id = ${created[2]}::uuid`);

      const res = await desk.request(
        'GET',
        `${BASE}/nearby?lat=${near.lat}&lon=${near.lon}&categoryId=${categoryIds.pressure}`,
        undefined,
        { 'accept-language': 'en' },
      );
      expect(res.status).toBe(200);
      expect(res.body.reports.map((r: { id: string }) => r.id)).toEqual([created[0], created[1]]);
      expect(res.body.reports[0]).toMatchObject({
        status: 'mottatt',
        channel: 'api',
        category: { id: categoryIds.pressure, name: 'Low water pressure' },
        distanceMeters: 0,
      });
      expect(res.body.reports[1].distanceMeters).toBeGreaterThan(50);
      expect(res.body.reports[1].distanceMeters).toBeLessThan(100);

      const otherCategory = await desk.request(
        'GET',
        `${BASE}/nearby?lat=${near.lat}&lon=${near.lon}&categoryId=${categoryIds.taste}`,
      );
      expect(otherCategory.body.reports).toEqual([]);
    });

    it('answers 404 for a category of no such id here, and 403 to readers and other municipalities', async () => {
      const q = `lat=59.14&lon=9.66&categoryId=${crypto.randomUUID()}`;
      expect((await desk.request('GET', `${BASE}/nearby?${q}`)).status).toBe(404);
      const ok = `lat=59.14&lon=9.66&categoryId=${categoryIds.leak}`;
      expect((await (await asRole('leser')).request('GET', `${BASE}/nearby?${ok}`)).status).toBe(403);
      expect((await (await asRole('feltarbeider')).request('GET', `${BASE}/nearby?${ok}`)).status).toBe(403);
      expect((await desk.request('GET', `/api/v1/staff/m/3806/front-desk/nearby?${ok}`)).status).toBe(403);
    });
  });
});

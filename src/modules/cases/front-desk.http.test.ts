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
import { type InboxItemRow, inboxItemColumns, inboxItemJoins } from './present-inbox-item.ts';

const BASE = '/api/v1/staff/m/4001/front-desk';

describe.each(databaseKinds())('front desk on %s', (kind) => {
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

  describe('registering a report', () => {
    it('registers a phone report through intake, with the staff member as the one who registered it', async () => {
      const res = await desk.request('POST', `${BASE}/reports`, body());
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['id', 'ref']);
      expect(res.body.ref).toMatch(/^4001-\d{4}-\d{5}$/);
      const id: string = res.body.id;

      const [report] = await queryRows<{ channel: string; status: string; team_id: string | null }>(
        t.ctx.db.db,
        sql`select channel, status, team_id from reports where id = ${id}::uuid`,
      );
      expect(report).toMatchObject({ channel: 'telefon', status: 'mottatt' });
      // Intake's routing applied: the category's default team.
      expect(report?.team_id).not.toBeNull();
      const events = await queryRows<{ kind: string; actor: string; public: boolean }>(
        t.ctx.db.db,
        sql`select kind, actor, public from report_events where report_id = ${id}::uuid`,
      );
      expect(events).toEqual([{ kind: 'received', actor: deskUser.id, public: true }]);
      const contacts = await queryRows<{ phone: string; notify: string; language: string; name: string }>(
        t.ctx.db.db,
        sql`select phone, notify, language, name from report_contacts where report_id = ${id}::uuid`,
      );
      expect(contacts).toEqual([
        { phone: '+4741234567', notify: 'sms', language: 'nn', name: 'Ola Innringer' },
      ]);
      // The receipt goes out as every other channel's: from the public `received` event (the outbox).
      const pending = await queryRows<{ kind: string }>(
        t.ctx.db.db,
        sql`select kind from report_events where report_id = ${id}::uuid and public and notified_at is null`,
      );
      expect(pending).toEqual([{ kind: 'received' }]);

      // The inbox's own query finds it, newest first, with its channel.
      const inbox = await queryRows<InboxItemRow>(
        t.ctx.db.db,
        sql`select ${inboxItemColumns} from reports r ${inboxItemJoins}
          where r.kommunenummer = '4001' order by r.created_at desc, r.id desc limit 1`,
      );
      expect(inbox[0]).toMatchObject({ id, channel: 'telefon', status: 'mottatt' });

      const publicView = await t.request('GET', `/api/v1/reports/${res.body.ref}`);
      expect(publicView.status).toBe(200);
    });

    it('registers a walk-in report with only an address', async () => {
      const res = await desk.request(
        'POST',
        `${BASE}/reports`,
        body({
          channel: 'skranke',
          lat: undefined,
          lon: undefined,
          address: 'Storgata 10, Porsgrunn',
          contact: { email: 'Besok@Example.no', notify: 'email' },
        }),
      );
      expect(res.status).toBe(201);
      const [row] = await queryRows<{ channel: string; lat: number | null; address: string; email: string }>(
        t.ctx.db.db,
        sql`select r.channel, r.lat, r.address, c.email from reports r
          join report_contacts c on c.report_id = r.id where r.id = ${res.body.id}::uuid`,
      );
      expect(row).toEqual({
        channel: 'skranke',
        lat: null,
        address: 'Storgata 10, Porsgrunn',
        email: 'besok@example.no',
      });
    });

    it('lets admins and case handlers register too', async () => {
      for (const role of ['admin', 'saksbehandler'] as const) {
        const res = await (await asRole(role)).request('POST', `${BASE}/reports`, body());
        expect(res.status).toBe(201);
      }
    });

    it('refuses channels other than telefon and skranke', async () => {
      for (const channel of ['web', 'api', 'felt', 'epost']) {
        const res = await desk.request('POST', `${BASE}/reports`, body({ channel }));
        expect(res.status).toBe(400);
        expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('channel');
      }
    });

    it("names each refused field as the front-desk body does, in the caller's language", async () => {
      const res = await desk.request(
        'POST',
        `${BASE}/reports`,
        body({ description: '   ', contact: { phone: 'ring meg', notify: 'sms' } }),
        { 'accept-language': 'en' },
      );
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('invalid_report');
      expect(res.body.error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'description', code: 'required' }),
          expect.objectContaining({
            field: 'contact.phone',
            code: 'invalid_phone',
            message: expect.stringMatching(/^The phone number does not look right/),
          }),
        ]),
      );

      const nb = await desk.request(
        'POST',
        `${BASE}/reports`,
        body({ contact: { notify: 'none' }, categoryId: categoryIds.taste, answers: {} }),
        {
          'accept-language': 'nb',
        },
      );
      expect(nb.status).toBe(422);
      expect(nb.body.error.details).toEqual([
        expect.objectContaining({
          field: 'contact',
          code: 'required',
          message: expect.stringMatching(/^«Lukt eller smak på vannet» krever/),
        }),
      ]);

      const noPlace = await desk.request('POST', `${BASE}/reports`, body({ lat: undefined, lon: undefined }));
      expect(noPlace.status).toBe(422);
      expect(noPlace.body.error.code).toBe('location_required');
      expect(noPlace.body.error.details[0].field).toBe('address');

      const halfPoint = await desk.request('POST', `${BASE}/reports`, body({ lon: undefined }));
      expect(halfPoint.status).toBe(400);
      expect(halfPoint.body.error.details[0].field).toBe('lon');

      const elsewhere = await desk.request('POST', `${BASE}/reports`, body(PLACES.osloCityHall));
      expect(elsewhere.status).toBe(422);
      expect(elsewhere.body.error.code).toBe('location_in_other_municipality');
      expect(elsewhere.body.error.details[0].field).toBe('lat');

      const unknown = await desk.request(
        'POST',
        `${BASE}/reports`,
        body({ categoryId: crypto.randomUUID() }),
      );
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.details[0]).toMatchObject({ field: 'categoryId', code: 'unknown_category' });

      const [count] = await queryRows<{ n: number }>(
        t.ctx.db.db,
        sql`select count(*)::int as n from reports where description = '   '`,
      );
      expect(count?.n).toBe(0);
    });

    it('keeps "reporter" as the actor of reports from the public API', async () => {
      const res = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
      expect(res.status).toBe(201);
      const events = await queryRows<{ actor: string }>(
        t.ctx.db.db,
        sql`select actor from report_events where report_id = ${res.body.id}::uuid`,
      );
      expect(events).toEqual([{ actor: 'reporter' }]);
    });

    it('is refused to field workers, readers and other municipalities', async () => {
      for (const role of ['feltarbeider', 'leser'] as const) {
        const res = await (await asRole(role)).request('POST', `${BASE}/reports`, body());
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      const neighbour = await logInAs(
        t,
        await buildStaffUser(t.ctx.db.db, { kommunenummer: '3806', roles: ['servicekontor'] }),
      );
      expect((await neighbour.request('POST', `${BASE}/reports`, body())).status).toBe(403);
      expect((await desk.request('POST', '/api/v1/staff/m/3806/front-desk/reports', body())).status).toBe(
        403,
      );
      const anonymous = await t.request('POST', `${BASE}/reports`, { body: body() });
      expect(anonymous.status).toBe(401);
    });
  });
});

// Incidents end to end on both databases (the quality test): five discoloured-water
// reports filed close together over the public API raise an incident that arrives live on the
// staff change feed (SSE) and by email to the on-call team; a sixth nearby joins it; a report far
// away or of another category does not; "create notice from incident" gives a draft notice whose
// area holds all five points, with the reports linked. Another municipality's staff reach nothing.
// Follow-ups run twice and concurrently (two workers, a retry) still raise exactly one incident.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import {
  type NotificationTestApp,
  postReport,
  startNotificationApp,
  waitUntil,
} from '../../../test/support/notifications.ts';
import { buildSecondMunicipality, SKIEN } from '../../../test/support/second-municipality.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { openSse } from '../../../test/support/sse-client.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { pointInMultiPolygon } from '../notices/point-in-area.ts';
import { followUpIntake, followupStepsOf } from './intake-followup.ts';

const OWN = '4001';
const base = `/api/v1/staff/m/${OWN}/incidents`;

/** Five points within ~150 m of each other near Porsgrunn's centre. */
const CLUSTER = [
  { lat: 59.14, lon: 9.66 },
  { lat: 59.1408, lon: 9.6612 },
  { lat: 59.1395, lon: 9.6618 },
  { lat: 59.1404, lon: 9.659 },
  { lat: 59.1411, lon: 9.6603 },
];

function discoloured(location: { lat: number; lon: number }, i: number) {
  return {
    category: 'vann-misfarget',
    location,
    address: `Storgata ${i + 1}`,
    description: 'Brunt vann fra kranen.',
    answers: { 'rent-kaldt': true },
    contact: { name: 'Beboer', email: `beboer${i}@example.no`, notify: 'email' },
  };
}

describe.each(databaseKinds())('incidents (%s)', (kind) => {
  let t: NotificationTestApp;
  let smtp: TestSmtpServer;
  let onCall: StaffClient;
  let onCallEmail: string;
  let skienAdmin: StaffClient;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startNotificationApp(kind, { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' });
    await buildSecondMunicipality(t.ctx.db.db);
    const [team] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from teams where kommunenummer = ${OWN} and code = 'va-drift'`,
    );
    const user = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: OWN,
      roles: ['saksbehandler'],
      teamIds: [team?.id ?? ''],
    });
    onCallEmail = user.email;
    onCall = await logInAs(t, user);
    skienAdmin = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: SKIEN.kommunenummer, roles: ['admin'] }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  async function followupDone(reportId: string): Promise<void> {
    await waitUntil(`the intake follow-up of ${reportId}`, async () => {
      const [row] = await queryRows<{ n: number }>(
        t.ctx.db.db,
        sql`select count(*)::int as n from pgboss.job
             where name = 'reports.intake-followup' and data->>'reportId' = ${reportId} and state = 'completed'`,
      );
      return row?.n === 1;
    });
  }

  it('raises an incident live from five reports close together, and creates a notice from it', async () => {
    const stream = await openSse(`${t.baseUrl}/api/v1/staff/m/${OWN}/events`, { cookie: onCall.cookie });
    try {
      expect(stream.response.status).toBe(200);
      const ids: string[] = [];
      for (const [i, point] of CLUSTER.entries()) {
        ids.push((await postReport(t, discoloured(point, i))).id);
        if (i < 4) await followupDone(ids[i] ?? '');
        if (i === 3) {
          // Four is under the rule (5 within 500 m within 2 hours): nothing yet.
          expect((await onCall.request('GET', base)).body.incidents).toEqual([]);
        }
      }
      const event = await stream.next((e) => e.event === 'incident', 20_000);
      const live = JSON.parse(event.data) as { id: string; status: string; reportCount: number };
      expect(live).toMatchObject({ status: 'open', reportCount: 5 });

      const list = await onCall.request('GET', base);
      expect(list.status).toBe(200);
      expect(list.body.incidents).toEqual([
        expect.objectContaining({ id: live.id, reportCount: 5, radiusMeters: 500, windowMinutes: 120 }),
      ]);
      const detail = await onCall.request('GET', `${base}/${live.id}`);
      expect(detail.body.reports.map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort());

      // The on-call team hears of it by email, once.
      await waitUntil('the on-call email', async () =>
        smtp.mails.some(
          (m) => m.envelopeTo.includes(onCallEmail) && /^Hendelse: /.test(m.parsed.subject ?? ''),
        ),
      );
      const mail = smtp.mails.find((m) => /^Hendelse: /.test(m.parsed.subject ?? ''));
      expect(mail?.parsed.text).toContain(`http://meld.test/admin/m/${OWN}/incidents/${live.id}`);

      // Running the follow-up again changes nothing.
      await followUpIntake(
        { db: t.ctx.db.db, boss: t.ctx.jobs.boss, publicUrl: 'http://meld.test', emailConfigured: true },
        ids[4] ?? '',
      );
      const [count] = await queryRows<{ n: number }>(
        t.ctx.db.db,
        sql`select count(*)::int as n from incidents`,
      );
      expect(count?.n).toBe(1);

      // A sixth report nearby joins it; one far away and one of another category do not.
      const sixth = await postReport(t, discoloured({ lat: 59.1402, lon: 9.6606 }, 6));
      const far = await postReport(t, discoloured({ lat: 59.16, lon: 9.64 }, 7));
      const leak = await postReport(t, { location: { lat: 59.1401, lon: 9.6601 } });
      const grown = await stream.next(
        (e) => e.event === 'incident' && (JSON.parse(e.data) as { reportCount: number }).reportCount === 6,
        20_000,
      );
      expect(JSON.parse(grown.data)).toMatchObject({ id: live.id });
      await followupDone(far.id);
      await followupDone(leak.id);
      const members = await queryRows<{ report_id: string }>(
        t.ctx.db.db,
        sql`select report_id from incident_reports where incident_id = ${live.id}`,
      );
      expect(members.map((m) => m.report_id).sort()).toEqual([...ids, sixth.id].sort());

      // Another municipality's admin reaches none of it.
      for (const [method, path] of [
        ['GET', base],
        ['GET', `${base}/${live.id}`],
        ['POST', `${base}/${live.id}/create-notice`],
        ['POST', `${base}/${live.id}/dismiss`],
      ] as const) {
        expect((await skienAdmin.request(method, path)).status, `${method} ${path}`).toBe(403);
      }

      // Discoloured water is shown coarsely here: the draft (public once published) must not
      // name a reporter's address, and its area reaches further than the reports.
      await t.ctx.db.db.execute(
        sql`update categories set public_location = 'coarse' where kommunenummer = ${OWN} and code = 'vann-misfarget'`,
      );
      const created = await onCall.request('POST', `${base}/${live.id}/create-notice`);
      expect(created.status, created.text).toBe(201);
      const notice = created.body.notice;
      expect(notice).toMatchObject({ status: 'draft', type: 'flushing', kommunenummer: OWN });
      expect(JSON.stringify([notice.title, notice.body])).not.toContain('Storgata');
      // 400 m north of the northernmost report: inside with the wider margin (150 m would not reach).
      const north = Math.max(...CLUSTER.map((p) => p.lat), 59.1402);
      expect(
        pointInMultiPolygon({ lat: north + 400 / 111_195, lon: CLUSTER[0]?.lon ?? 0 }, notice.areas),
      ).toBe(true);
      for (const point of [...CLUSTER, { lat: 59.1402, lon: 9.6606 }]) {
        expect(pointInMultiPolygon(point, notice.areas), JSON.stringify(point)).toBe(true);
      }
      expect(pointInMultiPolygon({ lat: 59.16, lon: 9.64 }, notice.areas)).toBe(false);
      const linked = await onCall.request(
        'GET',
        `/api/v1/staff/m/${OWN}/notices/${notice.id}/linked-reports`,
      );
      expect(linked.body.total).toBe(6);
      const after = await onCall.request('GET', `${base}/${live.id}`);
      expect(after.body).toMatchObject({ status: 'noticed', noticeId: notice.id });
      // Other screens hear it too, so their incidents panel drops it without a reload.
      const noticed = await stream.next((e) => e.event === 'incident' && e.data.includes('noticed'), 20_000);
      expect(JSON.parse(noticed.data)).toMatchObject({ id: live.id, status: 'noticed', reportCount: 6 });
      const again = await onCall.request('POST', `${base}/${live.id}/create-notice`);
      expect(again.status).toBe(409);
      expect((await onCall.request('GET', base)).body.incidents).toEqual([]);
    } finally {
      await stream.close();
    }
  });
  it('dismisses an incident: audited, live on the other screens, not twice', async () => {
    const stream = await openSse(`${t.baseUrl}/api/v1/staff/m/${OWN}/events`, { cookie: onCall.cookie });
    try {
      // Another cluster in Porsgrunn, well away from the first one's area (north-west is Skien).
      const elsewhere = CLUSTER.map((p) => ({ lat: p.lat - 0.02, lon: p.lon + 0.02 }));
      for (const [i, point] of elsewhere.entries()) await postReport(t, discoloured(point, i + 10));
      const raised = await stream.next(
        (e) => e.event === 'incident' && e.data.includes('"reportCount":5'),
        20_000,
      );
      const id = (JSON.parse(raised.data) as { id: string }).id;

      expect((await skienAdmin.request('POST', `${base}/${id}/dismiss`)).status).toBe(403);
      const dismissed = await onCall.request('POST', `${base}/${id}/dismiss`);
      expect(dismissed.status, dismissed.text).toBe(200);
      expect(dismissed.body).toMatchObject({ id, status: 'dismissed' });
      const live = await stream.next((e) => e.event === 'incident' && e.data.includes('dismissed'), 20_000);
      expect(JSON.parse(live.data)).toMatchObject({ id, status: 'dismissed', reportCount: 5 });
      expect((await onCall.request('POST', `${base}/${id}/dismiss`)).status).toBe(409);
      const audit = await queryRows<{ action: string }>(
        t.ctx.db.db,
        sql`select action from audit_log where entity_id = ${id} order by id`,
      );
      expect(audit.map((a) => a.action)).toEqual(['incident.dismissed']);
      expect((await onCall.request('GET', base)).body.incidents).toEqual([]);
    } finally {
      await stream.close();
    }
  });
});

describe.each(databaseKinds())('incident detection run by two workers at once (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // Role web: no worker picks the follow-ups up; the test runs them itself, all at once.
    t = await startTestApp(
      kind,
      { reportRateLimitPerMinute: 100_000 },
      {
        prepare: (database) => buildPorsgrunn(database.handle.db),
      },
    );
  });
  afterAll(() => t?.close());

  it('raises one incident with every report, however the follow-ups interleave', async () => {
    const ids: string[] = [];
    for (const [i, point] of CLUSTER.entries()) ids.push((await postReport(t, discoloured(point, i))).id);
    const deps = {
      db: t.ctx.db.db,
      boss: t.ctx.jobs.boss,
      publicUrl: 'http://meld.test',
      emailConfigured: false,
    };
    // Each report's follow-up twice, as two workers would after a retry, all concurrently.
    await Promise.all([...ids, ...ids].map((id) => followUpIntake(deps, id)));
    const incidents = await queryRows<{ id: string; report_count: number }>(
      t.ctx.db.db,
      sql`select id, report_count from incidents`,
    );
    expect(incidents).toEqual([{ id: expect.any(String), report_count: 5 }]);
    const [members] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from incident_reports where incident_id = ${incidents[0]?.id ?? ''}`,
    );
    expect(members?.n).toBe(5);
  });

  it('reads which follow-up steps each report of a batch may need, in one statement', async () => {
    const leak = (await postReport(t)).id; // no notice explains a leak, and it has no incident rule
    const open = (await postReport(t, discoloured({ lat: 59.12, lon: 9.7 }, 10))).id;
    const rejected = (await postReport(t, discoloured({ lat: 59.121, lon: 9.7 }, 11))).id;
    await t.ctx.db.db.execute(sql`update reports set status = 'avvist' where id = ${rejected}::uuid`);
    const [inIncident] = await queryRows<{ report_id: string }>(
      t.ctx.db.db,
      sql`select report_id from incident_reports limit 1`,
    );
    // From the test before: this file's incident.
    expect(inIncident, 'a report in an incident').toBeDefined();
    const gone = '00000000-0000-4000-8000-000000000000';
    const ids = [leak, open, rejected, inIncident?.report_id ?? '', gone];
    const steps = await followupStepsOf(t.ctx.db.db, ids);
    expect(steps.get(leak)).toEqual({ link: false, incident: false });
    expect(steps.get(open)).toEqual({ link: true, incident: true });
    expect(steps.get(rejected)).toEqual({ link: false, incident: false });
    // Linking is still possible for a report in an incident; joining one is done.
    expect(steps.get(inIncident?.report_id ?? '')).toEqual({ link: true, incident: false });
    expect(steps.has(gone)).toBe(false);
  });
});

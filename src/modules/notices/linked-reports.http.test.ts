// Reports meet notices, end to end on both databases: a flushing notice is published over an
// area; a discoloured-water report filed inside over the public API is linked to it by the worker
// within seconds and gets one public reply pointing to the notice, which reaches the reporter by
// real SMTP exactly once; a report outside, or of a category the notice does not explain, gets
// nothing. When the notice has ended, staff close the linked reports together with one reply that
// reaches the reporter and the followers. Another municipality's staff reach none of it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  follow,
  type NotificationTestApp,
  postReport,
  startNotificationApp,
  waitForSendQueueDrained,
  waitUntil,
} from '../../../test/support/notifications.ts';
import { buildSecondMunicipality, SKIEN } from '../../../test/support/second-municipality.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { queryRows } from '../../db/client.ts';
import { followUpIntake } from '../incidents/intake-followup.ts';

const OWN = '4001';
const base = `/api/v1/staff/m/${OWN}/notices`;
const CENTRE = { lat: 59.14, lon: 9.66 };
const HOUR = 3_600_000;

function discoloured(email: string, location = CENTRE, language = 'nb') {
  return {
    category: 'vann-misfarget',
    location,
    description: 'Brunt vann fra kranen.',
    answers: { 'rent-kaldt': true },
    contact: { name: 'Kari Nordmann', email, notify: 'email', language },
  };
}

describe.each(databaseKinds())('reports linked to notices (%s)', (kind) => {
  let t: NotificationTestApp;
  let smtp: TestSmtpServer;
  let caseWorker: StaffClient;
  let reader: StaffClient;
  let skienAdmin: StaffClient;
  let noticeId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startNotificationApp(kind, { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' });
    await buildSecondMunicipality(t.ctx.db.db);
    caseWorker = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: OWN, roles: ['saksbehandler'] }),
    );
    reader = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: OWN, roles: ['leser'] }));
    skienAdmin = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: SKIEN.kommunenummer, roles: ['admin'] }),
    );
    const created = await caseWorker.request('POST', base, {
      type: 'flushing',
      title: { nb: 'Spyling i sentrum', en: 'Flushing in the centre' },
      body: { nb: 'Vannet kan bli brunt. La kaldtvannet renne.' },
      area: { type: 'Circle', center: CENTRE, radiusMetres: 500 },
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      expectedEndAt: new Date(Date.now() + 5 * HOUR).toISOString(),
    });
    expect(created.status, created.text).toBe(201);
    noticeId = created.body.id;
    expect((await caseWorker.request('POST', `${base}/${noticeId}/publish`)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const noticeUrl = () => `http://meld.test/porsgrunn/driftsmeldinger/${noticeId}`;
  const mailsTo = (address: string) =>
    smtp.mails.filter((m) => m.envelopeTo.includes(address)).map((m) => m.parsed);

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

  async function links(reportId: string) {
    return queryRows<{ notice_id: string }>(
      t.ctx.db.db,
      sql`select notice_id from notice_report_links where report_id = ${reportId}`,
    );
  }

  async function publicReplies(reportId: string) {
    return queryRows<{ message: string; actor: string }>(
      t.ctx.db.db,
      sql`select message, actor from report_events where report_id = ${reportId} and kind = 'public_reply'`,
    );
  }

  let linkedId = '';
  let linkedRef = '';

  it('links a report inside the notice and tells the reporter once, pointing to the notice', async () => {
    const started = Date.now();
    const report = await postReport(
      t,
      discoloured('kari.link@example.no', { lat: 59.1405, lon: 9.661 }, 'en'),
    );
    linkedId = report.id;
    linkedRef = report.ref;
    const mail = await waitUntil('the reply about the notice', async () =>
      mailsTo('kari.link@example.no').find((m) => m.text?.includes(noticeUrl())),
    );
    // "Immediately": seconds after intake, not the relay's minute-long backstop.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(mail.text).toContain('"Flushing in the centre"');
    expect(await links(report.id)).toEqual([{ notice_id: noticeId }]);
    expect(await publicReplies(report.id)).toHaveLength(1);

    // The follow-up running again (a retry, a second worker) changes nothing.
    await followupDone(report.id);
    await followUpIntake(
      { db: t.ctx.db.db, boss: t.ctx.jobs.boss, publicUrl: 'http://meld.test', emailConfigured: true },
      report.id,
    );
    await waitForSendQueueDrained(t);
    expect(await publicReplies(report.id)).toHaveLength(1);
    expect(mailsTo('kari.link@example.no').filter((m) => m.text?.includes(noticeUrl()))).toHaveLength(1);

    // Staff see the link on the case and on the notice.
    const view = await reader.request('GET', `/api/v1/staff/m/${OWN}/reports/${report.id}`);
    expect(view.status).toBe(200);
    expect(view.body.linkedNotices).toEqual([
      expect.objectContaining({ id: noticeId, status: 'published', automatic: true }),
    ]);
    const list = await reader.request('GET', `${base}/${noticeId}/linked-reports`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, open: 1, reports: [{ id: report.id, ref: report.ref }] });
  });

  it('leaves a report outside the area, or of a category the notice does not explain, alone', async () => {
    const outside = await postReport(t, discoloured('ola.outside@example.no', { lat: 59.16, lon: 9.64 }));
    const leak = await postReport(t, {
      location: { lat: 59.1402, lon: 9.6605 },
      contact: { name: 'Per', email: 'per.leak@example.no', notify: 'email' },
    });
    await followupDone(outside.id);
    await followupDone(leak.id);
    expect(await links(outside.id)).toEqual([]);
    expect(await links(leak.id)).toEqual([]);
    expect(await publicReplies(outside.id)).toEqual([]);
    expect(await publicReplies(leak.id)).toEqual([]);
  });

  it('refuses another municipality and closes linked reports only after the notice has ended', async () => {
    expect((await skienAdmin.request('GET', `${base}/${noticeId}/linked-reports`)).status).toBe(403);
    const reply = { reply: { nb: 'Spylingen er ferdig, og vannet er klart igjen.' } };
    expect((await skienAdmin.request('POST', `${base}/${noticeId}/close-linked-reports`, reply)).status).toBe(
      403,
    );
    expect((await reader.request('POST', `${base}/${noticeId}/close-linked-reports`, reply)).status).toBe(
      403,
    );
    const early = await caseWorker.request('POST', `${base}/${noticeId}/close-linked-reports`, reply);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('notice_not_ended');

    await follow(t, linkedRef, { email: 'per.follower@example.no' }, 'nb');
    expect((await caseWorker.request('POST', `${base}/${noticeId}/end`, {})).status).toBe(200);
    const blank = await caseWorker.request('POST', `${base}/${noticeId}/close-linked-reports`, {
      reply: { nb: '   ' },
    });
    expect(blank.status).toBe(400);
    const closed = await caseWorker.request('POST', `${base}/${noticeId}/close-linked-reports`, reply);
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toEqual({ closed: 1, alreadyClosed: 0, failed: 0 });
    const [row] = await queryRows<{ status: string }>(
      t.ctx.db.db,
      sql`select status from reports where id = ${linkedId}`,
    );
    expect(row?.status).toBe('utfort');
    await waitUntil('the closing reply to reporter and follower', async () =>
      ['kari.link@example.no', 'per.follower@example.no'].every((a) =>
        mailsTo(a).some((m) => m.text?.includes('Spylingen er ferdig')),
      ),
    );
    // Again: nothing left to close, nobody hears twice.
    const again = await caseWorker.request('POST', `${base}/${noticeId}/close-linked-reports`, reply);
    expect(again.body).toEqual({ closed: 0, alreadyClosed: 1, failed: 0 });
    await waitForSendQueueDrained(t);
    for (const address of ['kari.link@example.no', 'per.follower@example.no']) {
      expect(mailsTo(address).filter((m) => m.text?.includes('Spylingen er ferdig'))).toHaveLength(1);
    }
    const [audit] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from audit_log
           where action = 'notice.linked_reports_closed' and entity_id = ${noticeId}`,
    );
    expect(audit?.n).toBe(2);
  });
});

// The notice fan-out end to end, on both databases: a boil-water notice published, updated and
// lifted through the staff API with the real worker running, a real SMTP server and the local SMS
// gateway. Exactly the subscribers inside the area (not in its hole, not outside, not unconfirmed,
// not unsubscribed, not another municipality's) get exactly one message per confirmed channel and
// version, vulnerable ones first; the delivery counts and the vulnerable call list with who may
// see it; another municipality's staff reach neither.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  fanoutsFinished,
  insertSubscriber,
  type NoticeMessageRow,
  noticeMessages,
  publishNotice,
  square,
} from '../../../test/support/notice-fanout.ts';
import {
  type NotificationTestApp,
  startNotificationApp,
  waitForSendQueueDrained,
  waitUntil,
} from '../../../test/support/notifications.ts';
import { buildSecondMunicipality, SKIEN } from '../../../test/support/second-municipality.ts';
import { startSmsGateway, type TestSmsGateway } from '../../../test/support/sms-gateway.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { queryRows } from '../../db/client.ts';

const OWN = '4001';
const base = `/api/v1/staff/m/${OWN}/notices`;

/** The area: a square with a square hole in its south-west quarter. */
const AREA = {
  type: 'Polygon',
  coordinates: [square(9.65, 59.13, 9.67, 59.15), square(9.652, 59.132, 9.658, 59.138)],
};

describe.each(databaseKinds())('notice fan-out on %s', (kind) => {
  let t: NotificationTestApp;
  let smtp: TestSmtpServer;
  let gateway: TestSmsGateway;
  const staff = {} as Record<'saksbehandler' | 'feltarbeider' | 'leser' | 'skienAdmin', StaffClient>;
  const who = {} as Record<string, string>;
  let noticeId = '';

  beforeAll(async () => {
    smtp = await startSmtpServer();
    gateway = await startSmsGateway();
    t = await startNotificationApp(kind, {
      smtpUrl: smtp.url,
      smsGatewayUrl: gateway.url,
      smsGatewayToken: 'gateway-token-0123456789',
      vulnerableCallAfterMinutes: 0,
    });
    const db = t.ctx.db.db;
    await buildSecondMunicipality(db);
    for (const role of ['saksbehandler', 'feltarbeider', 'leser'] as const) {
      staff[role] = await logInAs(t, await buildStaffUser(db, { kommunenummer: OWN, roles: [role] }));
    }
    staff.skienAdmin = await logInAs(
      t,
      await buildStaffUser(db, { kommunenummer: SKIEN.kommunenummer, roles: ['admin'] }),
    );
    await db.execute(sql`insert into email_unsubscribes (email) values ('nomail@example.no')`);
    who.email = await insertSubscriber(db, {
      lat: 59.145,
      lon: 9.66,
      email: 'inside@example.no',
      address: 'Kirkegata 2',
    });
    who.vulnerable = await insertSubscriber(db, {
      lat: 59.14,
      lon: 9.665,
      language: 'en',
      phone: '+4791000001',
      vulnerable: true,
      name: 'Kari Nordmann',
      note: 'Home dialysis',
      address: 'Storgata 1',
    });
    who.both = await insertSubscriber(db, {
      lat: 59.148,
      lon: 9.652,
      language: 'nn',
      email: 'both@example.no',
      phone: '+4791000002',
    });
    // Not reached: in the hole, outside, unconfirmed, unsubscribed, "no email at all", Skien's.
    await insertSubscriber(db, { lat: 59.135, lon: 9.655, email: 'hole@example.no' });
    await insertSubscriber(db, { lat: 59.2, lon: 9.7, email: 'outside@example.no', phone: '+4791000009' });
    await insertSubscriber(db, {
      lat: 59.146,
      lon: 9.661,
      email: 'unconfirmed@example.no',
      emailConfirmed: false,
      phone: '+4791000003',
      phoneConfirmed: false,
      vulnerable: true,
    });
    await insertSubscriber(db, { lat: 59.146, lon: 9.662, email: 'gone@example.no', unsubscribed: true });
    await insertSubscriber(db, { lat: 59.146, lon: 9.663, email: 'nomail@example.no' });
    await insertSubscriber(db, {
      kommunenummer: SKIEN.kommunenummer,
      lat: 59.146,
      lon: 9.664,
      email: 'skien@example.no',
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await gateway?.stop();
  });

  const expected = () => [
    `${who.both}:email`,
    `${who.both}:sms`,
    `${who.email}:email`,
    `${who.vulnerable}:sms`,
  ];
  const ofVersion = (rows: NoticeMessageRow[], version: number) =>
    rows
      .filter((m) => m.notice_version === version)
      .map((m) => `${m.subscriber_id}:${m.channel}`)
      .sort();

  async function waitForVersion(version: number, versions: number) {
    await waitUntil(`fan-out of version ${version}`, () => fanoutsFinished(t.ctx.db.db, noticeId, versions));
    await waitForSendQueueDrained(t);
  }

  it('publishes a boil-water advice to exactly the subscribers inside, vulnerable first, once each', async () => {
    noticeId = await publishNotice(staff.saksbehandler, OWN, {
      type: 'boil_water',
      title: { nb: 'Kokevarsel i sentrum', nn: 'Kokevarsel i sentrum', en: 'Boil water in the centre' },
      body: { nb: 'Kok vannet i ett minutt.', en: 'Boil the water for one minute.' },
      area: AREA,
      startsAt: '2026-12-02T07:00:00.000Z',
    });
    await waitForVersion(2, 1);
    const rows = await noticeMessages(t.ctx.db.db, noticeId);
    expect(ofVersion(rows, 2)).toEqual(expected().sort());
    expect(rows.every((m) => m.kind === 'notice_published')).toBe(true);
    expect(
      rows.every((m) => m.idempotency_key === `notice:${noticeId}:2:${m.subscriber_id}:${m.channel}`),
    ).toBe(true);
    // The vulnerable pass is a transaction before the others: its message was written first.
    const vulnerable = rows.find((m) => m.subscriber_id === who.vulnerable);
    const others = rows.filter((m) => m.subscriber_id !== who.vulnerable);
    for (const other of others) {
      expect(new Date(vulnerable?.created_at ?? 0).getTime()).toBeLessThan(
        new Date(other.created_at).getTime(),
      );
    }
    // Its send job was queued ahead of the others'.
    const priorities = await queryRows<{ message_id: string; priority: number }>(
      t.ctx.db.db,
      sql`select message_id, priority
            from (select jsonb_array_elements_text(data->'messageIds') as message_id, priority
                    from pgboss.job where name = 'message.send-group') grouped
           where message_id in ${sql`(${sql.join(
             rows.map((m) => sql`${m.id}`),
             sql`, `,
           )})`}`,
    );
    expect(priorities).toHaveLength(4);
    for (const job of priorities) {
      expect(job.priority).toBe(job.message_id === vulnerable?.id ? 10 : 0);
    }

    // Sent: one mail to each email, one SMS to each phone.
    await smtp.waitForMails(2);
    expect(smtp.mails.map((m) => m.envelopeTo.join()).sort()).toEqual([
      'both@example.no',
      'inside@example.no',
    ]);
    const nn = smtp.mails.find((m) => m.envelopeTo.includes('both@example.no'));
    expect(nn?.parsed.subject).toBe('Kokevarsel i sentrum');
    expect(nn?.parsed.text).toContain(`http://meld.test/porsgrunn/driftsmeldinger/${noticeId}?lang=nn`);
    expect(nn?.parsed.text).toContain('Kok vannet i ett minutt.');
    // Why they get it: their address, or the point they chose, in their language.
    expect(nn?.parsed.text).toContain('driftsmeldingar for eit punkt i kartet.');
    const nb = smtp.mails.find((m) => m.envelopeTo.includes('inside@example.no'));
    expect(nb?.parsed.text).toContain(
      'Du får denne meldingen fordi du abonnerer på driftsmeldinger for Kirkegata 2.',
    );
    const sms = await gateway.waitForAccepted(2);
    expect(sms.map((s) => s.body.recipient).sort()).toEqual(['+4791000001', '+4791000002']);
    const english = sms.find((s) => s.body.recipient === '+4791000001');
    expect(english?.body.text).toContain('Boil water in the centre');
    expect(english?.body.text).toContain(`/porsgrunn/driftsmeldinger/${noticeId}?lang=en`);
  });

  it('tells them once more when the notice is updated, and once more when it is lifted', async () => {
    const updated = await staff.saksbehandler.request('PUT', `${base}/${noticeId}`, {
      body: { nb: 'Kok vannet i tre minutter.' },
    });
    expect(updated.status).toBe(200);
    await waitForVersion(3, 2);
    const lifted = await staff.saksbehandler.request('POST', `${base}/${noticeId}/end`, {});
    expect(lifted.status).toBe(200);
    await waitForVersion(4, 3);
    const rows = await noticeMessages(t.ctx.db.db, noticeId);
    expect(rows).toHaveLength(12);
    expect(ofVersion(rows, 3)).toEqual(expected().sort());
    expect(ofVersion(rows, 4)).toEqual(expected().sort());
    expect(new Set(rows.filter((m) => m.notice_version === 3).map((m) => m.kind))).toEqual(
      new Set(['notice_updated']),
    );
    const ended = rows.filter((m) => m.notice_version === 4);
    expect(new Set(ended.map((m) => m.kind))).toEqual(new Set(['notice_ended']));
    expect(ended.find((m) => m.channel === 'email' && m.subscriber_id === who.email)?.subject).toBe(
      'Kokevarsel opphevet: Kokevarsel i sentrum',
    );
    await smtp.waitForMails(6);
    expect(smtp.mails).toHaveLength(6);
    expect([...smtp.countByMessageId().values()].every((n) => n === 1)).toBe(true);
    await gateway.waitForAccepted(6);
    expect(gateway.accepted).toHaveLength(6);

    // A draft and its changes tell nobody.
    const draft = await staff.saksbehandler.request('POST', base, {
      type: 'flushing',
      title: { nb: 'Spyling' },
      body: { nb: 'Brunt vann.' },
      area: AREA,
      startsAt: '2026-12-03T07:00:00.000Z',
    });
    expect(draft.status).toBe(201);
    expect(
      (await staff.saksbehandler.request('PUT', `${base}/${draft.body.id}`, { title: { nb: 'Spyling 2' } }))
        .status,
    ).toBe(200);
    const [fanouts] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from notice_fanouts where notice_id = ${draft.body.id}::uuid`,
    );
    expect(fanouts?.n).toBe(0);
  });

  it('shows targeted / sent / delivered / failed per version, to every role, not to another municipality', async () => {
    const smsV4 = gateway.accepted.filter(
      (s) => s.body.recipient === '+4791000002' && s.body.text.includes('oppheva'),
    );
    expect(smsV4).toHaveLength(1);
    const [report] = smsV4;
    if (!report?.body.callbackUrl) throw new Error('no callback URL');
    const answered = await fetch(t.local(report.body.callbackUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference: report.body.reference, status: 'DELIVRD' }),
    });
    expect(answered.status).toBe(200);

    const delivery = await staff.leser.request('GET', `${base}/${noticeId}/delivery`);
    expect(delivery.status).toBe(200);
    expect(delivery.body.inProgress).toBe(false);
    expect(delivery.body.versions.map((v: { version: number }) => v.version)).toEqual([4, 3, 2]);
    expect(delivery.body.versions[0]).toMatchObject({
      state: 'finished',
      targeted: 4,
      queued: 0,
      sent: 3,
      delivered: 1,
      failed: 0,
    });
    expect(delivery.body.versions[2]).toMatchObject({ targeted: 4, sent: 4, delivered: 0 });

    const other = await staff.skienAdmin.request('GET', `${base}/${noticeId}/delivery`);
    expect(other.status).toBe(403);
    const unknown = await staff.leser.request('GET', `${base}/00000000-0000-4000-8000-000000000000/delivery`);
    expect(unknown.status).toBe(404);
  });

  it('lists the vulnerable subscriber without a delivery report for a call, to those who may see contacts, audited', async () => {
    const list = await staff.feltarbeider.request('GET', `${base}/${noticeId}/call-list`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ version: 4, callAfterMinutes: 0, waiting: 0 });
    expect(list.body.calls).toEqual([
      {
        subscriberId: who.vulnerable,
        name: 'Kari Nordmann',
        phone: '+4791000001',
        address: 'Storgata 1',
        note: 'Home dialysis',
        messages: [{ channel: 'sms', status: 'sent' }],
      },
    ]);
    // An email-only subscriber would be listed too (no delivery reports for email); a delivered SMS takes them off.
    const sms = gateway.accepted.find(
      (s) => s.body.recipient === '+4791000001' && s.body.text.includes('lifted'),
    );
    if (!sms?.body.callbackUrl) throw new Error('no SMS of version 4');
    await fetch(t.local(sms.body.callbackUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference: sms.body.reference, status: 'DELIVRD' }),
    });
    const after = await staff.feltarbeider.request('GET', `${base}/${noticeId}/call-list`);
    expect(after.body.calls).toEqual([]);

    expect((await staff.leser.request('GET', `${base}/${noticeId}/call-list`)).status).toBe(403);
    expect((await staff.skienAdmin.request('GET', `${base}/${noticeId}/call-list`)).status).toBe(403);
    const audit = await queryRows<{ action: string; kommunenummer: string }>(
      t.ctx.db.db,
      sql`select action, kommunenummer from audit_log where entity_id = ${noticeId} and action = 'notice.call_list_viewed'`,
    );
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.kommunenummer === OWN)).toBe(true);
  });
});

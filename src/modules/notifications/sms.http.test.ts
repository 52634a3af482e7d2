// SMS end to end against a local HTTP server standing in for the gateway: the JSON it gets,
// delivery reports, 4xx (failed at once), 5xx and timeouts (retried, then sent), quiet hours; and
// the outbox (email is not configured in this app) as the admin sees it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality } from '../../../test/support/factories.ts';
import {
  addEvent,
  DELIVERY_TOKEN,
  type NotificationTestApp,
  postReport,
  startNotificationApp,
  storedMessages,
  waitForSendQueueDrained,
  waitUntil,
} from '../../../test/support/notifications.ts';
import {
  type GatewayRequest,
  startSmsGateway,
  type TestSmsGateway,
} from '../../../test/support/sms-gateway.ts';
import { buildStaffUser, logInAs } from '../../../test/support/staff.ts';
import { isGsm7 } from './render-message.ts';

const smsContact = (phone: string, language = 'nb') => ({ phone, notify: 'sms', language });

describe.each(databaseKinds())('SMS notifications and the outbox (%s)', (kind) => {
  let t: NotificationTestApp;
  let gateway: TestSmsGateway;

  beforeAll(async () => {
    gateway = await startSmsGateway();
    t = await startNotificationApp(kind, {
      smsGatewayUrl: gateway.url,
      smsGatewayToken: 'gateway-token-0123456789',
      smsSender: 'Porsgrunn',
    });
    // Quiet hours never, unless a test asks for them.
    await t.ctx.db.db.execute(
      sql`insert into notification_settings (kommunenummer, sms_quiet_from, sms_quiet_until) values ('4001', 0, 0)`,
    );
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.stop();
  });

  const forRecipient = (phone: string) => gateway.requests.filter((r) => r.body.recipient === phone);

  it('sends a short GSM-7 receipt with the report link and the stop link, and records the delivery report', async () => {
    const report = await postReport(t, { contact: smsContact('912 34 567') });
    const [sms] = await gateway.waitForAccepted(1);
    if (!sms) throw new Error('no SMS');
    expect(sms.authorization).toBe('Bearer gateway-token-0123456789');
    expect(sms.body).toMatchObject({ sender: 'Porsgrunn', recipient: '+4791234567' });
    expect(sms.body.text).toContain(report.ref);
    expect(sms.body.text).toContain(`http://meld.test/porsgrunn/meldinger/${report.ref}`);
    expect(sms.body.text).toMatch(/Stopp varsler: http:\/\/meld\.test\/api\/v1\/notifications\/stop\?token=/);
    expect(isGsm7(sms.body.text)).toBe(true);
    // Two links do not fit one SMS; two segments (306 GSM-7 characters) at most.
    expect(sms.body.text.length).toBeLessThanOrEqual(306);
    expect(sms.body.callbackUrl).toBe(
      `http://meld.test/api/v1/notifications/sms/delivery-report?token=${DELIVERY_TOKEN}`,
    );
    const [stored] = (await storedMessages(t)).filter((m) => m.recipient === '+4791234567');
    expect(stored?.id).toBe(sms.body.reference);
    await waitUntil('sent', async () => (await messageStatus(t, sms.body.reference)) === 'sent');

    const wrong = await t.request('POST', '/api/v1/notifications/sms/delivery-report?token=wrong', {
      body: { reference: sms.body.reference, status: 'delivered' },
    });
    expect(wrong.status).toBe(401);
    const reported = await fetch(t.local(sms.body.callbackUrl ?? ''), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'gw-0', reference: sms.body.reference, status: 'DELIVRD' }),
    });
    expect(await reported.json()).toEqual({ received: 1, matched: 1 });
    expect(await messageStatus(t, sms.body.reference)).toBe('delivered');
  });

  it('fails at once on a 4xx from the gateway, without retrying', async () => {
    gateway.answer = (request) => (request.body.recipient === '+4790000001' ? 'reject' : 'accept');
    await postReport(t, { contact: smsContact('900 00 001') });
    const failed = await waitUntil('the failure', async () =>
      (await storedMessages(t)).find((m) => m.recipient === '+4790000001' && m.status === 'failed'),
    );
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain('400');
    await waitForSendQueueDrained(t);
    expect(forRecipient('+4790000001')).toHaveLength(1);
  });

  it('retries on 5xx answers and timeouts, then sends once', async () => {
    const tries = new Map<string, number>();
    gateway.answer = (request: GatewayRequest) => {
      const n = (tries.get(request.body.recipient) ?? 0) + 1;
      tries.set(request.body.recipient, n);
      if (request.body.recipient === '+4790000002' && n <= 2) return 'error';
      if (request.body.recipient === '+4790000003' && n <= 1) return 'hang';
      return 'accept';
    };
    await postReport(t, { contact: smsContact('900 00 002') });
    await postReport(t, { contact: smsContact('900 00 003', 'en') });
    for (const phone of ['+4790000002', '+4790000003']) {
      const sent = await waitUntil(`${phone} sent`, async () =>
        (await storedMessages(t)).find((m) => m.recipient === phone && m.status === 'sent'),
      );
      expect(gateway.accepted.filter((r) => r.body.recipient === phone)).toHaveLength(1);
      expect(sent.attempts).toBe(phone === '+4790000002' ? 3 : 2);
    }
    expect(forRecipient('+4790000003')[0]?.body.text).toMatch(/^Porsgrunn municipality: Thank you!/);
  });

  it('holds SMS for non-acute reports until quiet hours end, but not email or acute ones', async () => {
    gateway.answer = 'accept';
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' }).format(
        new Date(),
      ),
    );
    await t.ctx.db.db.execute(
      sql`update notification_settings set sms_quiet_from = ${hour}, sms_quiet_until = ${(hour + 2) % 24} where kommunenummer = '4001'`,
    );
    try {
      const quiet = await postReport(t, { contact: smsContact('900 00 004') });
      const acute = await postReport(t, { category: 'vann-lekkasje', contact: smsContact('900 00 005') });
      await t.ctx.db.db.execute(sql`update reports set acute = true where id = ${acute.id}::uuid`);
      await addEvent(t, acute.id, { kind: 'public_reply', public: true, message: 'Vi kommer nå.' });
      await waitUntil('the acute reply', async () => forRecipient('+4790000005').length >= 1);
      const held = (await storedMessages(t)).find((m) => m.recipient === '+4790000004');
      expect(held?.status).toBe('queued');
      expect(held?.send_after.getTime()).toBeGreaterThan(Date.now() + 3600_000 - 60_000);
      expect(forRecipient('+4790000004')).toHaveLength(0);
      expect(quiet.ref).toBeTruthy();
    } finally {
      await t.ctx.db.db.execute(
        sql`update notification_settings set sms_quiet_from = 0, sms_quiet_until = 0`,
      );
    }
  });

  it('keeps email in the outbox when no mail server is configured, for admins only', async () => {
    const report = await postReport(t, { contact: { email: 'demo@example.no', notify: 'email' } });
    await waitUntil('the outbox message', async () =>
      (await storedMessages(t)).find((m) => m.recipient === 'demo@example.no' && m.status === 'outbox'),
    );
    const admin = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }),
    );
    const outbox = await admin.request('GET', '/api/v1/staff/m/4001/admin/outbox?status=outbox');
    expect(outbox.status).toBe(200);
    const [first] = outbox.body.messages;
    expect(first).toMatchObject({
      channel: 'email',
      recipient: 'demo@example.no',
      status: 'outbox',
      kind: 'receipt',
      attempts: 0,
      lastError: null,
      report: { id: report.id, ref: report.ref },
    });
    expect(first.subject).toContain(report.ref);
    const failed = await admin.request('GET', '/api/v1/staff/m/4001/admin/outbox?status=failed&limit=1');
    expect(failed.body.messages[0]).toMatchObject({ status: 'failed', channel: 'sms' });
    expect(failed.body.messages[0].lastError).toContain('400');
    const page1 = await admin.request('GET', '/api/v1/staff/m/4001/admin/outbox?limit=2');
    const page2 = await admin.request(
      'GET',
      `/api/v1/staff/m/4001/admin/outbox?limit=2&cursor=${page1.body.nextCursor}`,
    );
    const [newer, older] = [page1.body.messages.at(-1), page2.body.messages[0]];
    expect(older.id).not.toBe(newer.id);
    expect(older.createdAt <= newer.createdAt).toBe(true);
    // A cursor whose parts look right but that PostgreSQL cannot cast is no cursor: the first page.
    for (const odd of [`${older.createdAt}|${'-'.repeat(36)}`, `2026-02-31T25:00:00Z|${older.id}`]) {
      const cursor = Buffer.from(odd).toString('base64url');
      const res = await admin.request('GET', `/api/v1/staff/m/4001/admin/outbox?limit=2&cursor=${cursor}`);
      expect(res.status, odd).toBe(200);
      expect(res.body.messages[0].id, odd).toBe(page1.body.messages[0].id);
    }

    const caseWorker = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['saksbehandler'] }),
    );
    expect((await caseWorker.request('GET', '/api/v1/staff/m/4001/admin/outbox')).status).toBe(403);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
    const otherAdmin = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4003', roles: ['admin'] }),
    );
    expect((await otherAdmin.request('GET', '/api/v1/staff/m/4001/admin/outbox')).status).toBe(403);
    const own = await otherAdmin.request('GET', '/api/v1/staff/m/4003/admin/outbox');
    expect(own.body.messages).toEqual([]);
    expect((await t.request('GET', '/api/v1/staff/m/4001/admin/outbox')).status).toBe(401);
  });
});

async function messageStatus(t: NotificationTestApp, id: string): Promise<string | undefined> {
  return (await storedMessages(t)).find((m) => m.id === id)?.status;
}

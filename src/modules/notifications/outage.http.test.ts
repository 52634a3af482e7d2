// Exactly once under failure: the mail server is down while 500 messages are due, then comes
// back; the SMS gateway times out while 200 are due, then answers. Every message must arrive
// once: none lost, none twice (counted at the receiving end by Message-ID and by reference).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  addEvent,
  FAST,
  type NotificationTestApp,
  postReport,
  startNotificationApp,
  waitForSendQueueDrained,
  waitUntil,
} from '../../../test/support/notifications.ts';
import { startSmsGateway, type TestSmsGateway } from '../../../test/support/sms-gateway.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { queryRows } from '../../db/client.ts';

async function statusCounts(t: NotificationTestApp, channel: string): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string; n: number; tried: number }>(
    t.ctx.db.db,
    sql`select status, count(*)::int as n from messages where channel = ${channel} group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function triedAtLeastOnce(t: NotificationTestApp, channel: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.ctx.db.db,
    sql`select count(*)::int as n from messages where channel = ${channel} and status = 'queued' and attempts >= 1`,
  );
  return row?.n ?? 0;
}

/**
 * Confirmed followers added straight to the table: the load, not the follow form and its
 * confirmation, is what this test is about.
 */
async function addFollowers(
  t: NotificationTestApp,
  reportId: string,
  count: number,
  kind: 'email' | 'phone',
) {
  await t.ctx.db.db.execute(
    kind === 'email'
      ? sql`insert into report_followers (report_id, email, language, confirmed_at)
            select ${reportId}::uuid, 'follower' || n || '@example.no', 'nb', now() from generate_series(1, ${count}) n`
      : sql`insert into report_followers (report_id, phone, language, confirmed_at)
            select ${reportId}::uuid, '+479' || lpad(n::text, 7, '0'), 'nb', now() from generate_series(1, ${count}) n`,
  );
}

describe.each(databaseKinds())('delivery through outages (%s)', (kind) => {
  let t: NotificationTestApp;
  let smtp: TestSmtpServer;
  let gateway: TestSmsGateway;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    gateway = await startSmsGateway();
    t = await startNotificationApp(
      kind,
      {
        smtpUrl: smtp.url,
        mailFrom: 'meld@porsgrunn.example',
        smsGatewayUrl: gateway.url,
        smsGatewayToken: 'gateway-token-0123456789',
      },
      // All 200 SMS in one relay batch (embedded batches are smaller by default): with a retry
      // delay of 1 s and no backoff, failing retries are fetched before newer jobs (pg-boss takes
      // the oldest first), so messages written by a later batch would wait out the whole outage.
      { ...FAST, retryLimit: 40, batchSize: 25, smsTimeoutMs: 1000, relayBatchRecipients: 500 },
    );
    await t.ctx.db.db.execute(
      sql`insert into notification_settings (kommunenummer, sms_quiet_from, sms_quiet_until) values ('4001', 0, 0)`,
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await gateway?.stop();
  });

  it('delivers 500 emails exactly once after the mail server comes back', { timeout: 300_000 }, async () => {
    const report = await postReport(t, { contact: { email: 'reporter@example.no', notify: 'email' } });
    await smtp.waitForMails(1);
    await smtp.stop();
    await addFollowers(t, report.id, 499, 'email');
    await addEvent(t, report.id, { kind: 'public_reply', public: true, message: 'Vi graver i morgen.' });
    // Every one of the 500 has failed at least once while the server was down.
    await waitUntil('every message tried', async () => (await triedAtLeastOnce(t, 'email')) === 500, 120_000);
    expect(smtp.mails).toHaveLength(1);
    await smtp.start();
    await waitUntil('all sent', async () => (await statusCounts(t, 'email')).sent === 501, 150_000);
    await waitForSendQueueDrained(t);
    const counts = smtp.countByMessageId();
    expect(counts.size).toBe(501);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const recipients = new Set(smtp.mails.flatMap((m) => m.envelopeTo));
    expect(recipients.size).toBe(500);
    expect(await statusCounts(t, 'email')).toEqual({ sent: 501 });
  });

  it('delivers 200 SMS exactly once after the gateway stops timing out', { timeout: 300_000 }, async () => {
    gateway.answer = 'accept';
    const report = await postReport(t, { contact: { phone: '+4791111111', notify: 'sms' } });
    await gateway.waitForAccepted(1, 60_000);
    gateway.answer = 'hang';
    await addFollowers(t, report.id, 199, 'phone');
    await addEvent(t, report.id, { kind: 'status_changed', public: true, status: 'planlagt' });
    await waitUntil('every SMS tried', async () => (await triedAtLeastOnce(t, 'sms')) === 200, 120_000);
    gateway.answer = 'accept';
    await waitUntil('all SMS sent', async () => (await statusCounts(t, 'sms')).sent === 201, 150_000);
    await waitForSendQueueDrained(t);
    const perReference = new Map<string, number>();
    for (const sms of gateway.accepted) {
      perReference.set(sms.body.reference, (perReference.get(sms.body.reference) ?? 0) + 1);
    }
    expect(perReference.size).toBe(201);
    expect([...perReference.values()].every((n) => n === 1)).toBe(true);
    expect(await statusCounts(t, 'sms')).toEqual({ sent: 201 });
    // Resends of a request the gateway took after we gave up: it recognised them by reference.
    expect(gateway.duplicates.every((d) => perReference.has(d.body.reference))).toBe(true);
  });
});

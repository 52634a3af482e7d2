// The send worker's batch: read with one query, sent concurrently over the SMTP pool, outcomes
// written per message. Messages stored straight in the table (no job), and sendMessages called
// as the worker calls it, so each outcome can be checked against the mail server and the row.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  FAST,
  type NotificationTestApp,
  PUBLIC_URL,
  postReport,
  startNotificationApp,
} from '../../../test/support/notifications.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { queryRows } from '../../db/client.ts';
import type { MessageChannelAdapter } from './channels.ts';
import { type SendDeps, sendMessages } from './send-message.ts';
import { createSmtpChannel } from './smtp-channel.ts';

async function storeMessage(
  t: NotificationTestApp,
  reportId: string,
  recipient: string,
  status = 'queued',
  sendAfter = new Date(),
): Promise<string> {
  const id = randomUUID();
  await t.ctx.db.db.execute(
    sql`insert into messages (id, kommunenummer, idempotency_key, kind, report_id, channel, recipient,
                              language, subject, body_text, status, send_after)
        values (${id}::uuid, '4001', ${`test:${id}`}, 'public_reply', ${reportId}::uuid, 'email', ${recipient},
                'nb', 'Svar på meldingen din', 'Vi graver i morgen.', ${status}, ${sendAfter.toISOString()}::timestamptz)`,
  );
  return id;
}

async function rowsOf(t: NotificationTestApp, ids: string[]) {
  const rows = await queryRows<{ id: string; status: string; attempts: number; last_error: string | null }>(
    t.ctx.db.db,
    sql`select id, status, attempts, last_error from messages where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

describe.each(databaseKinds())('sending a batch (%s)', (kind) => {
  let t: NotificationTestApp;
  let smtp: TestSmtpServer;
  let email: MessageChannelAdapter;
  let deps: SendDeps;
  let reportId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startNotificationApp(
      kind,
      { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' },
      { ...FAST, relayIntervalMs: 3_600_000, relayOnChanges: false },
    );
    email = createSmtpChannel({ url: smtp.url, from: 'meld@porsgrunn.example', maxConnections: 3 });
    deps = { db: t.ctx.db.db, channels: { email }, publicUrl: PUBLIC_URL, secret: t.ctx.secret };
    reportId = (await postReport(t, { contact: { email: 'reporter@example.no', notify: 'email' } })).id;
    // The receipt, sent by the running worker: after it, the mail server hears only from the tests.
    await t.notifications.relayNow();
    await smtp.waitForMails(1);
    smtp.mails.length = 0;
  });
  afterAll(async () => {
    email?.close?.();
    await t?.close();
    await smtp?.stop();
  });

  it('sends each queued message of a batch once and answers for every job in its order', async () => {
    smtp.refused.add('refused@example.no');
    const queued = await Promise.all(
      Array.from({ length: 40 }, (_, i) => storeMessage(t, reportId, `reader${i}@example.no`)),
    );
    const refused = await storeMessage(t, reportId, 'refused@example.no');
    const alreadySent = await storeMessage(t, reportId, 'sent@example.no', 'sent');
    const tomorrow = new Date(Date.now() + 86_400_000);
    const later = await storeMessage(t, reportId, 'later@example.no', 'queued', tomorrow);
    const gone = randomUUID();
    const requests = [
      ...queued.map((messageId) => ({ messageId, lastAttempt: false })),
      { messageId: refused, lastAttempt: false },
      { messageId: alreadySent, lastAttempt: false },
      { messageId: later, lastAttempt: false },
      { messageId: gone, lastAttempt: false },
      // A second job for a message of this batch: sent once, the second job has nothing to do.
      { messageId: queued[0] ?? '', lastAttempt: false },
    ];

    const outcomes = await sendMessages(deps, requests);

    expect(outcomes).toEqual([
      ...queued.map(() => ({ result: 'sent' })),
      { result: 'failed' },
      { result: 'skipped' },
      { result: 'later', at: tomorrow },
      { result: 'skipped' },
      { result: 'skipped' },
    ]);
    const counts = smtp.countByMessageId();
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const rows = await rowsOf(t, [...queued, refused, alreadySent, later]);
    for (const id of queued)
      expect(rows.get(id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(rows.get(refused)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(rows.get(refused)?.last_error).toContain('550');
    expect(rows.get(alreadySent)).toMatchObject({ status: 'sent', attempts: 0 });
    expect(rows.get(later)).toMatchObject({ status: 'queued', attempts: 0 });

    // Sent already: a second run of the same jobs sends nothing.
    expect(await sendMessages(deps, requests.slice(0, 40))).toEqual(
      queued.map(() => ({ result: 'skipped' })),
    );
    expect(smtp.countByMessageId().size).toBe(40);
  });

  it('counts a failed try on every message while the mail server is down, and fails them on the last', async () => {
    await smtp.stop();
    try {
      const ids = await Promise.all(
        Array.from({ length: 12 }, (_, i) => storeMessage(t, reportId, `down${i}@example.no`)),
      );
      const outcomes = await sendMessages(
        deps,
        ids.map((messageId, i) => ({ messageId, lastAttempt: i >= 10 })),
      );
      expect(outcomes.slice(0, 10).map((o) => o.result)).toEqual(Array(10).fill('retry'));
      expect(outcomes.slice(10)).toEqual([{ result: 'failed' }, { result: 'failed' }]);
      const rows = await rowsOf(t, ids);
      for (const [i, id] of ids.entries()) {
        expect(rows.get(id)).toMatchObject({ status: i >= 10 ? 'failed' : 'queued', attempts: 1 });
        expect(rows.get(id)?.last_error).toBeTruthy();
      }
    } finally {
      await smtp.start();
    }
  });
});

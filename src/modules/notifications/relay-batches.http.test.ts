// The relay in batches of bounded size: an event with many followers is written a batch of
// recipients at a time, each batch committed with its jobs and its progress. A failure between
// batches (here the database refusing the second batch's first message, from a trigger) keeps what
// was committed, and the next run resumes there: every recipient gets exactly one message, one
// send job, and one mail at the SMTP server.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  addEvent,
  FAST,
  type NotificationTestApp,
  PUBLIC_URL,
  postReport,
  startNotificationApp,
  waitUntil,
} from '../../../test/support/notifications.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { queryRows } from '../../db/client.ts';
import { type RelayDeps, relayBatch, relayPending } from './relay.ts';

const FOLLOWERS = 60;
const BATCH = 20;

function relayDeps(t: NotificationTestApp): RelayDeps {
  return {
    db: t.ctx.db.db,
    boss: t.ctx.jobs.boss,
    publicUrl: PUBLIC_URL,
    secret: t.ctx.secret,
    configured: { email: true, sms: false },
  };
}

async function addFollowers(t: NotificationTestApp, reportId: string, prefix: string, count: number) {
  await t.ctx.db.db.execute(
    sql`insert into report_followers (report_id, email, language, confirmed_at)
        select ${reportId}::uuid, ${prefix} || n || '@example.no', 'nb', now() from generate_series(1, ${count}) n`,
  );
}

async function latestEventId(t: NotificationTestApp, reportId: string): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    t.ctx.db.db,
    sql`select max(id)::int as id from report_events where report_id = ${reportId}::uuid`,
  );
  return row?.id ?? 0;
}

/** What the relay has written for one event: messages, distinct keys, send jobs, and its state. */
async function writtenFor(t: NotificationTestApp, eventId: number) {
  const [row] = await queryRows<{
    messages: number;
    keys: number;
    recipients: number;
    jobs: number;
    notified: boolean;
    progress: number;
  }>(
    t.ctx.db.db,
    sql`select
          (select count(*)::int from messages where report_event_id = ${eventId}) as messages,
          (select count(distinct idempotency_key)::int from messages where report_event_id = ${eventId}) as keys,
          (select count(distinct recipient)::int from messages where report_event_id = ${eventId}) as recipients,
          (select count(*)::int from pgboss.job j join messages m on m.id::text = j.data->>'messageId'
            where j.name = 'message.send' and m.report_event_id = ${eventId}) as jobs,
          (select notified_at is not null from report_events where id = ${eventId}) as notified,
          (select count(*)::int from notification_relay_progress where report_event_id = ${eventId}) as progress`,
  );
  if (!row) throw new Error('no answer');
  return row;
}

describe.each(databaseKinds())('the relay in batches (%s)', (kind) => {
  let t: NotificationTestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // The relay runs only when a test calls it.
    t = await startNotificationApp(
      kind,
      { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' },
      { ...FAST, relayIntervalMs: 3_600_000, relayOnChanges: false },
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('writes a large event a batch at a time and resumes after a failure between batches, each recipient once', async () => {
    const report = await postReport(t, { contact: { email: 'reporter@example.no', notify: 'email' } });
    await relayPending(relayDeps(t)); // the receipt
    await addFollowers(t, report.id, 'batch', FOLLOWERS);
    await addEvent(t, report.id, { kind: 'public_reply', public: true, message: 'Vi graver i morgen.' });
    const eventId = await latestEventId(t, report.id);
    // The database refuses this event's message number BATCH + 1: the second batch fails.
    await t.ctx.db.db.execute(
      sql.raw(`create function relay_fault() returns trigger language plpgsql as $$
               begin
                 if new.report_event_id = ${eventId}
                    and (select count(*) from messages where report_event_id = ${eventId}) >= ${BATCH} then
                   raise exception 'injected failure after the first batch';
                 end if;
                 return new;
               end $$`),
    );
    await t.ctx.db.db.execute(
      sql`create trigger relay_fault before insert on messages for each row execute function relay_fault()`,
    );

    const first = await relayBatch(relayDeps(t), { recipients: BATCH });
    expect(first).toEqual({ events: 0, messages: BATCH, more: true });
    const afterFirst = await writtenFor(t, eventId);
    expect(afterFirst).toEqual({
      messages: BATCH,
      keys: BATCH,
      recipients: BATCH,
      jobs: BATCH,
      notified: false,
      progress: 1,
    });

    await expect(relayBatch(relayDeps(t), { recipients: BATCH })).rejects.toThrow();
    // The failed batch left nothing behind; the first one stands.
    expect(await writtenFor(t, eventId)).toEqual(afterFirst);

    await t.ctx.db.db.execute(sql`drop trigger relay_fault on messages`);
    await t.ctx.db.db.execute(sql`drop function relay_fault()`);
    const rest = await relayPending(relayDeps(t), { recipients: BATCH });
    expect(rest).toEqual({ events: 1, messages: FOLLOWERS + 1 - BATCH });
    expect(await writtenFor(t, eventId)).toEqual({
      messages: FOLLOWERS + 1,
      keys: FOLLOWERS + 1,
      recipients: FOLLOWERS + 1,
      jobs: FOLLOWERS + 1,
      notified: true,
      progress: 0,
    });
    // At the mail server: the receipt, then every recipient of the reply once.
    await waitUntil('every mail', async () => smtp.mails.length >= FOLLOWERS + 2, 60_000);
    const counts = smtp.countByMessageId();
    expect(counts.size).toBe(FOLLOWERS + 2);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('writes nothing twice when its progress is lost, or when two relays share the events', async () => {
    const big = await postReport(t, { contact: { email: 'big@example.no', notify: 'email' } });
    const small = await postReport(t, { contact: { email: 'small@example.no', notify: 'email' } });
    await relayPending(relayDeps(t)); // the receipts
    await addFollowers(t, big.id, 'big', 45);
    await addFollowers(t, small.id, 'small', 3);
    await addEvent(t, big.id, { kind: 'status_changed', public: true, status: 'under_behandling' });
    await addEvent(t, small.id, { kind: 'status_changed', public: true, status: 'under_behandling' });
    const bigEvent = await latestEventId(t, big.id);
    const smallEvent = await latestEventId(t, small.id);

    await relayBatch(relayDeps(t), { recipients: 10 });
    // As if the progress had never been written: the next run starts the event over.
    await t.ctx.db.db.execute(sql`delete from notification_relay_progress`);
    // Two relays at once, one event and 7 recipients per batch: each takes the event the other
    // does not hold, and the big one from whichever gets it between the other's batches.
    await Promise.all([
      relayPending(relayDeps(t), { events: 1, recipients: 7 }),
      relayPending(relayDeps(t), { events: 1, recipients: 7 }),
    ]);
    expect(await writtenFor(t, bigEvent)).toEqual({
      messages: 46,
      keys: 46,
      recipients: 46,
      jobs: 46,
      notified: true,
      progress: 0,
    });
    expect(await writtenFor(t, smallEvent)).toEqual({
      messages: 4,
      keys: 4,
      recipients: 4,
      jobs: 4,
      notified: true,
      progress: 0,
    });
  });
});

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
import { buildStaffUser } from '../../../test/support/staff.ts';
import { teamId } from '../../../test/support/staff-alerts.ts';
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

  it('shares one batch among its events in order, and alerts each new report’s own team from it', async () => {
    const db = t.ctx.db.db;
    const va = await teamId(t, 'va-drift');
    const park = await teamId(t, 'vei-og-park');
    const vaStaff = await buildStaffUser(db, {
      kommunenummer: '4001',
      roles: ['saksbehandler'],
      teamIds: [va],
    });
    const parkStaff = await buildStaffUser(db, {
      kommunenummer: '4001',
      roles: ['saksbehandler'],
      teamIds: [park],
    });
    await db.execute(
      sql`insert into staff_notification_prefs (user_id, kommunenummer, new_reports, acute, deadlines)
          values (${vaStaff.id}::uuid, '4001', 'immediate', true, true),
                 (${parkStaff.id}::uuid, '4001', 'immediate', true, true)`,
    );
    const reports = [];
    for (const name of ['va', 'park', 'none']) {
      reports.push(await postReport(t, { contact: { email: `${name}@example.no`, notify: 'email' } }));
    }
    const [toVa, toPark, toNobody] = reports.map((r) => r.id);
    await db.execute(sql`update reports set team_id = ${park}::uuid where id = ${toPark}::uuid`);
    await db.execute(sql`update reports set team_id = null where id = ${toNobody}::uuid`);

    // Three received events in one batch: three receipts, and each team alerted about its own.
    expect(await relayBatch(relayDeps(t))).toEqual({ events: 3, messages: 3, more: false });
    const alerts = await queryRows<{ idempotency_key: string }>(
      db,
      sql`select idempotency_key from messages where kind like 'staff_%'
           and report_id in (${toVa}::uuid, ${toPark}::uuid, ${toNobody}::uuid)`,
    );
    expect(alerts.map((a) => a.idempotency_key).sort()).toEqual(
      [`staff_new:${toVa}:${vaStaff.id}`, `staff_new:${toPark}:${parkStaff.id}`].sort(),
    );

    // Then replies, each to its reporter and 8 followers: 9 recipients an event, 20 a batch. The
    // first two events fit whole; the third gets the 2 places left (its reporter and its first
    // follower), and the next batch the rest. Once with all events in one read of recipients,
    // once with each event read on its own (what a batch of many large events does).
    for (const [round, rowsPerRead] of [5_000, 20].entries()) {
      const events: number[] = [];
      for (const [i, report] of reports.entries()) {
        if (round === 0) await addFollowers(t, report.id, `room${i}-`, 8);
        await addEvent(t, report.id, { kind: 'public_reply', public: true, message: `Svar ${round}` });
        events.push(await latestEventId(t, report.id));
      }
      const limits = { recipients: 20, peopleRowsPerRead: rowsPerRead };
      expect(await relayBatch(relayDeps(t), limits)).toEqual({ events: 2, messages: 20, more: true });
      const [first, second, third] = await Promise.all(events.map((id) => writtenFor(t, id)));
      for (const whole of [first, second]) {
        expect(whole).toEqual({ messages: 9, keys: 9, recipients: 9, jobs: 9, notified: true, progress: 0 });
      }
      expect(third).toEqual({ messages: 2, keys: 2, recipients: 2, jobs: 2, notified: false, progress: 1 });
      const thirdEvent = events[2] ?? 0;
      const [expected] = await queryRows<{ first_follower: string }>(
        db,
        sql`select email as first_follower from report_followers where report_id = ${toNobody}::uuid
             order by id limit 1`,
      );
      const got = await queryRows<{ recipient: string }>(
        db,
        sql`select recipient from messages where report_event_id = ${thirdEvent} order by recipient`,
      );
      expect(got.map((m) => m.recipient).sort()).toEqual(
        ['none@example.no', expected?.first_follower ?? ''].sort(),
      );
      expect(await relayPending(relayDeps(t), limits)).toEqual({ events: 1, messages: 7 });
      expect(await writtenFor(t, thirdEvent)).toEqual({
        messages: 9,
        keys: 9,
        recipients: 9,
        jobs: 9,
        notified: true,
        progress: 0,
      });
    }
  });
});

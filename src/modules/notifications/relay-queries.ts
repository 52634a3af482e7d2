// What the relay reads and writes for one batch: the events (locked), their reports with what the
// messages mention, the next page of who hears about each event and how far the last batch came,
// each municipality's templates and quiet hours; then the messages and the progress.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Language, LocalizedText } from '../../shared/language.ts';
import type { NotifyChannel, ReportEventKind, ReportStatus } from '../reports/statuses.ts';
import type { NewMessage } from './compose-messages.ts';
import type { MessageChannel, MessageStatus } from './schema.ts';

export interface PendingEvent {
  id: number;
  report_id: string;
  kind: ReportEventKind;
  status: ReportStatus | null;
  message: string | null;
}

/**
 * The oldest public events not yet turned into messages, locked for this transaction. SKIP LOCKED
 * lets every process run the relay at once: each takes the events no other has.
 */
export async function lockPendingEvents(tx: Queryable, limit: number): Promise<PendingEvent[]> {
  return queryRows<PendingEvent>(
    tx,
    sql`select id, report_id, kind, status, message from report_events
        where public and notified_at is null order by id limit ${limit} for update skip locked`,
  );
}

export interface ReportFacts {
  id: string;
  ref: string;
  kommunenummer: string;
  status: ReportStatus;
  acute: boolean;
  forwarded_to: string | null;
  forwarded_to_email: string | null;
  merged_into_ref: string | null;
  category_name: LocalizedText;
  slug: string;
  municipality_name: string;
  default_language: Language;
  contact_email: string | null;
  sms_quiet_from: number;
  sms_quiet_until: number;
}

export async function loadReports(tx: Queryable, ids: string[]): Promise<Map<string, ReportFacts>> {
  const rows = await queryRows<ReportFacts>(
    tx,
    sql`select r.id, r.ref, r.kommunenummer, r.status, r.acute, r.forwarded_to, r.forwarded_to_email,
               p.ref as merged_into_ref, c.name as category_name, m.slug, m.name as municipality_name,
               m.default_language, m.contact_email,
               coalesce(s.sms_quiet_from, 21)::int as sms_quiet_from,
               coalesce(s.sms_quiet_until, 8)::int as sms_quiet_until
          from reports r
          join categories c on c.id = r.category_id
          join municipalities m on m.kommunenummer = r.kommunenummer
          left join reports p on p.id = r.merged_into_id
          left join notification_settings s on s.kommunenummer = r.kommunenummer
         where r.id in ${sqlList(ids)}`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

export interface Person {
  report_id: string;
  /** The reporter (report_contacts) or a follower. */
  role: 'reporter' | 'follower';
  /** A follower's row id: the order the relay goes through followers in (null for the reporter). */
  follower_id: string | null;
  email: string | null;
  phone: string | null;
  notify: NotifyChannel | null;
  language: Language;
}

/** Where an event's recipients continue: nothing done yet, or the reporter and followers up to an id. */
export type PeopleCursor = { started: false } | { started: true; afterFollowerId: string | null };

/** One event's place in a batch: whose people it wants and where they continue. */
export interface PeopleRequest {
  eventId: number;
  reportId: string;
  audience: { reporter: boolean; followers: boolean };
  cursor: PeopleCursor;
}

/**
 * The next people who hear about each event, at most `limit` over all of them together and in
 * the events' order: an event gets what is left after those before it. Per event: the reporter
 * first (who asked for updates), then followers in id order. Only followers who confirmed their
 * address: anyone can type anyone's address into the follow form. One statement for the whole
 * batch; each event reads at most `limit` rows, and at most `limit` come back.
 */
export async function loadPeoplePages(
  tx: Queryable,
  requests: readonly PeopleRequest[],
  limit: number,
): Promise<Map<number, Person[]>> {
  const pages = new Map<number, Person[]>();
  if (requests.length === 0 || limit <= 0) return pages;
  const wanted = requests.map((r, ord) => ({
    ord,
    reportId: r.reportId,
    reporter: r.audience.reporter && !r.cursor.started,
    followers: r.audience.followers,
    after: r.cursor.started ? r.cursor.afterFollowerId : null,
  }));
  const rows = await queryRows<Person & { ord: number; place: number }>(
    tx,
    sql`with wanted as (
          select * from json_to_recordset(${JSON.stringify(wanted)}::text::json)
            as w(ord int, "reportId" uuid, reporter boolean, followers boolean, after uuid)
        ), people as (
          select w.ord, p.* from wanted w cross join lateral (
            select * from (
              (select report_id, null::uuid as follower_id, 'reporter' as role, email, phone, notify, language
                 from report_contacts
                where w.reporter and report_id = w."reportId" and notify <> 'none')
              union all
              (select report_id, id as follower_id, 'follower' as role, email, phone, null as notify, language
                 from report_followers
                where w.followers and report_id = w."reportId" and confirmed_at is not null
                  and (w.after is null or id > w.after)
                order by id limit ${limit})
            ) one_event order by follower_id nulls first limit ${limit}
          ) p
        )
        select * from (
          select people.*, row_number() over (order by ord, follower_id nulls first) as place from people
        ) numbered
        where place <= ${limit}
        order by place`,
  );
  for (const { ord, place: _, ...person } of rows) {
    const eventId = requests[ord]?.eventId;
    if (eventId === undefined) continue;
    const page = pages.get(eventId);
    if (page) page.push(person);
    else pages.set(eventId, [person]);
  }
  return pages;
}

/** How far the relay came with these events, for those it has started on in an earlier batch. */
export async function loadRelayProgress(
  tx: Queryable,
  eventIds: number[],
): Promise<Map<number, PeopleCursor>> {
  if (eventIds.length === 0) return new Map();
  const rows = await queryRows<{ report_event_id: number; after_follower_id: string | null }>(
    tx,
    sql`select report_event_id, after_follower_id from notification_relay_progress
         where report_event_id in ${sqlList(eventIds)}`,
  );
  return new Map(
    rows.map((row) => [row.report_event_id, { started: true, afterFollowerId: row.after_follower_id }]),
  );
}

/**
 * Stores composed messages; one whose idempotency key is there already is skipped, and only the
 * new ones are returned. The rows travel as one JSON parameter rather than 14 parameters each: for
 * a batch of 500 that is what the relay's time went to (building and sending 7,000 parameters).
 */
export async function insertMessages(
  tx: Queryable,
  rows: readonly NewMessage[],
): Promise<{ id: string; status: MessageStatus; sendAfter: Date }[]> {
  if (rows.length === 0) return [];
  const inserted = await queryRows<{ id: string; status: MessageStatus; send_after: string | Date }>(
    tx,
    sql`insert into messages (id, kommunenummer, idempotency_key, kind, report_id, report_event_id, channel,
                              recipient, language, subject, body_text, body_html, status, send_after)
        select id, kommunenummer, "idempotencyKey", kind, "reportId", "reportEventId", channel,
               recipient, language, subject, "bodyText", "bodyHtml", status, "sendAfter"
          from json_to_recordset(${JSON.stringify(rows)}::text::json) as m(
                 id uuid, kommunenummer char(4), "idempotencyKey" text, kind text, "reportId" uuid,
                 "reportEventId" bigint, channel text, recipient text, language text, subject text,
                 "bodyText" text, "bodyHtml" text, status text, "sendAfter" timestamptz)
        on conflict (idempotency_key) do nothing
        returning id, status, send_after`,
  );
  return inserted.map((row) => ({ id: row.id, status: row.status, sendAfter: new Date(row.send_after) }));
}

/** Records how far an event's recipients are done, with the messages of the same batch. */
export async function saveRelayProgress(
  tx: Queryable,
  eventId: number,
  afterFollowerId: string | null,
): Promise<void> {
  await tx.execute(
    sql`insert into notification_relay_progress (report_event_id, after_follower_id)
        values (${eventId}, ${afterFollowerId})
        on conflict (report_event_id)
        do update set after_follower_id = excluded.after_follower_id, updated_at = now()`,
  );
}

/** Of these addresses, those that asked for no email at all. */
export async function loadUnsubscribed(tx: Queryable, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await queryRows<{ email: string }>(
    tx,
    sql`select email from email_unsubscribes where email in ${sqlList(emails.map((e) => e.toLowerCase()))}`,
  );
  return new Set(rows.map((r) => r.email));
}

export interface TemplateOverride {
  kommunenummer: string;
  kind: string;
  channel: MessageChannel;
  language: Language;
  subject: string | null;
  body: string;
}

export async function loadTemplateOverrides(
  tx: Queryable,
  kommunenummere: string[],
): Promise<TemplateOverride[]> {
  return queryRows<TemplateOverride>(
    tx,
    sql`select kommunenummer, kind, channel, language, subject, body from message_templates
         where kommunenummer in ${sqlList(kommunenummere)}`,
  );
}

/** These events are done: every message they make is written. Their progress is no longer needed. */
export async function markNotified(tx: Queryable, eventIds: number[]): Promise<void> {
  if (eventIds.length === 0) return;
  await tx.execute(sql`update report_events set notified_at = now() where id in ${sqlList(eventIds)}`);
  await tx.execute(
    sql`delete from notification_relay_progress where report_event_id in ${sqlList(eventIds)}`,
  );
}

/** `(a, b, c)` with each value a parameter. */
function sqlList(values: readonly (string | number)[]) {
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

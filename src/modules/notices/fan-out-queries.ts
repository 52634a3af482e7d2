// What the fan-out reads and writes for one batch: the pending fan-out (locked), its version with
// what the messages say, the next page of candidate subscribers in the version's bounding box, then
// the messages and how far it came.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Language, LocalizedText } from '../../shared/language.ts';
import type { MessageStatus } from '../notifications/schema.ts';
import type { FanoutVersion, NoticeMessage, NoticeMessageKind } from './compose-notice-message.ts';
import type { MultiPolygon, NoticeStatus, NoticeType } from './schema.ts';

export interface PendingFanout {
  notice_id: string;
  version: number;
  vulnerable_done: boolean;
  after_subscriber_id: string | null;
}

/**
 * The oldest fan-out not finished, locked for this transaction. SKIP LOCKED lets several workers
 * run at once: a fan-out one of them holds is skipped by the others, never done twice.
 */
export async function lockPendingFanout(tx: Queryable): Promise<PendingFanout | undefined> {
  const [row] = await queryRows<PendingFanout>(
    tx,
    sql`select notice_id, version, vulnerable_done, after_subscriber_id from notice_fanouts
         where finished_at is null order by created_at, notice_id, version limit 1 for update skip locked`,
  );
  return row;
}

/** Whether any fan-out waits (the worker's cheap check before it takes a batch). */
export async function hasPendingFanout(db: Queryable): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from notice_fanouts where finished_at is null limit 1`,
  );
  return rows.length > 0;
}

export interface FanoutVersionRow {
  version: FanoutVersion;
  status: NoticeStatus;
  areas: MultiPolygon;
  bbox: { minLat: number; minLon: number; maxLat: number; maxLon: number };
}

export async function loadFanoutVersion(
  tx: Queryable,
  noticeId: string,
  version: number,
): Promise<FanoutVersionRow | undefined> {
  const [row] = await queryRows<{
    kommunenummer: string;
    type: NoticeType;
    status: NoticeStatus;
    previous_status: NoticeStatus | null;
    title: LocalizedText;
    body: LocalizedText;
    areas: MultiPolygon;
    min_lat: number;
    min_lon: number;
    max_lat: number;
    max_lon: number;
    slug: string;
    name: string;
    default_language: Language;
    sms_quiet_from: number;
    sms_quiet_until: number;
  }>(
    tx,
    sql`select n.kommunenummer, n.type, v.status, p.status as previous_status, v.title, v.body, v.areas,
               v.min_lat, v.min_lon, v.max_lat, v.max_lon, m.slug, m.name, m.default_language,
               coalesce(s.sms_quiet_from, 21)::int as sms_quiet_from,
               coalesce(s.sms_quiet_until, 8)::int as sms_quiet_until
          from notice_versions v
          join notices n on n.id = v.notice_id
          join municipalities m on m.kommunenummer = n.kommunenummer
          left join notice_versions p on p.notice_id = v.notice_id and p.version = v.version - 1
          left join notification_settings s on s.kommunenummer = n.kommunenummer
         where v.notice_id = ${noticeId}::uuid and v.version = ${version}`,
  );
  if (!row) return undefined;
  const kind: NoticeMessageKind =
    row.status === 'ended'
      ? 'notice_ended'
      : row.previous_status === 'published'
        ? 'notice_updated'
        : 'notice_published';
  return {
    status: row.status,
    areas: row.areas,
    bbox: { minLat: row.min_lat, minLon: row.min_lon, maxLat: row.max_lat, maxLon: row.max_lon },
    version: {
      noticeId,
      version,
      kommunenummer: row.kommunenummer,
      type: row.type,
      kind,
      title: row.title,
      body: row.body,
      slug: row.slug,
      municipalityName: row.name,
      defaultLanguage: row.default_language,
      smsQuietFrom: row.sms_quiet_from,
      smsQuietUntil: row.sms_quiet_until,
    },
  };
}

export interface Candidate {
  id: string;
  lat: number;
  lon: number;
  vulnerable: boolean;
  language: Language;
  address: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * The next page of live subscribers with a confirmed channel in the bounding box, in id order
 * after `after`: the GiST index on location finds the box, the exact area test is the caller's.
 * An email on the "no email at all" list comes back as null.
 */
export async function loadCandidates(
  tx: Queryable,
  page: {
    kommunenummer: string;
    bbox: FanoutVersionRow['bbox'];
    vulnerable: boolean;
    after: string | null;
    limit: number;
  },
): Promise<Candidate[]> {
  const { bbox } = page;
  return queryRows<Candidate>(
    tx,
    sql`select s.id, s.lat, s.lon, s.vulnerable, s.language, s.address,
               case when s.email_confirmed_at is not null
                     and not exists (select 1 from email_unsubscribes u where u.email = lower(s.email))
                    then s.email end as email,
               case when s.phone_confirmed_at is not null then s.phone end as phone
          from subscribers s
         where s.location <@ box(point(${bbox.minLon}, ${bbox.minLat}), point(${bbox.maxLon}, ${bbox.maxLat}))
           and s.unsubscribed_at is null
           and s.kommunenummer = ${page.kommunenummer}
           and s.vulnerable = ${page.vulnerable}
           and (s.email_confirmed_at is not null or s.phone_confirmed_at is not null)
           ${page.after ? sql`and s.id > ${page.after}::uuid` : sql``}
         order by s.id
         limit ${page.limit}`,
  );
}

/** Writes the messages; one already there (same idempotency key) is left as it is and not returned. */
export async function insertNoticeMessages(
  tx: Queryable,
  rows: readonly NoticeMessage[],
): Promise<{ id: string; status: MessageStatus; sendAfter: Date }[]> {
  if (rows.length === 0) return [];
  const inserted = await queryRows<{ id: string; status: MessageStatus; send_after: string | Date }>(
    tx,
    sql`insert into messages (id, kommunenummer, idempotency_key, kind, notice_id, notice_version, subscriber_id,
                              channel, recipient, language, subject, body_text, status, send_after)
        select id, kommunenummer, "idempotencyKey", kind, "noticeId", "noticeVersion", "subscriberId",
               channel, recipient, language, subject, "bodyText", status, "sendAfter"
          from json_to_recordset(${JSON.stringify(rows)}::text::json) as m(
                 id uuid, kommunenummer char(4), "idempotencyKey" text, kind text, "noticeId" uuid,
                 "noticeVersion" int, "subscriberId" uuid, channel text, recipient text, language text,
                 subject text, "bodyText" text, status text, "sendAfter" timestamptz)
        on conflict (idempotency_key) do nothing
        returning id, status, send_after`,
  );
  return inserted.map((row) => ({ id: row.id, status: row.status, sendAfter: new Date(row.send_after) }));
}

/** How far the fan-out came, in the transaction of the batch's messages. */
export async function saveFanoutProgress(
  tx: Queryable,
  fanout: Pick<PendingFanout, 'notice_id' | 'version'>,
  progress: { vulnerableDone: boolean; after: string | null; finished: boolean; created: number },
): Promise<void> {
  await tx.execute(
    sql`update notice_fanouts
           set vulnerable_done = ${progress.vulnerableDone},
               after_subscriber_id = ${progress.after}::uuid,
               targeted = targeted + ${progress.created},
               started_at = coalesce(started_at, now()),
               finished_at = ${progress.finished ? sql`now()` : sql`null`}
         where notice_id = ${fanout.notice_id}::uuid and version = ${fanout.version}`,
  );
}

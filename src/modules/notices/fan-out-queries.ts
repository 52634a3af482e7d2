// What the fan-out reads and writes for one batch: the pending fan-out (locked), its version with
// what the messages say, the messages of the next page of candidate subscribers in the version's
// bounding box, and how far it came.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Language, LocalizedText } from '../../shared/language.ts';
import type { MessageChannel, MessageStatus } from '../notifications/schema.ts';
import type { FanoutVersion, NoticeMessageKind, NoticeTexts } from './compose-notice-message.ts';
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

/**
 * A ring as PostgreSQL's polygon literal, `((lon,lat),…)`. The ring's numbers were checked when the
 * area was saved (areas.ts), and they travel as a parameter, never in the statement's text.
 */
function polygonLiteral(ring: readonly number[][]): string {
  return `(${ring.map(([lon, lat]) => `(${Number(lon)},${Number(lat)})`).join(',')})`;
}

/**
 * The exact area test in SQL: inside an exterior ring and not inside one of its holes.
 * PostgreSQL's `polygon @> point` counts a point on an edge (within its 1e-6° tolerance, about
 * 10 cm) as inside, as point-in-area.ts does for the "does this affect my address" check; on a
 * hole's edge the two differ (the database leaves the point out), which no address meets in practice.
 */
function insideAreasSql(areas: MultiPolygon, location: SQL): SQL {
  if (areas.coordinates.length === 0) return sql`false`;
  const polygons = areas.coordinates.map(([exterior = [], ...holes]) => {
    const outside = holes.map((hole) => sql` and not ${polygonLiteral(hole)}::polygon @> ${location}`);
    return sql`(${polygonLiteral(exterior)}::polygon @> ${location}${sql.join(outside)})`;
  });
  return sql`(${sql.join(polygons, sql` or `)})`;
}

export interface NoticeMessagePage {
  /** The messages written (one already there with the same idempotency key is not). */
  written: { id: string; status: MessageStatus; sendAfter: Date }[];
  /** Candidates read (subscribers in the bounding box, inside the areas or not). */
  candidates: number;
  /** The last candidate's id: where the next page starts. */
  lastCandidateId: string | null;
}

/**
 * One page of the fan-out in one statement: the next `limit` live subscribers with a confirmed
 * channel in the version's bounding box (the GiST index), in id order after `after`; of them, those
 * exactly inside the areas get one message per confirmed channel, composed from the version's texts
 * in their language, written with ON CONFLICT on the idempotency key notice × version × subscriber ×
 * channel. An email on the "no email at all" list is not written. Nothing but the written ids
 * comes back: reading the candidates into the process and sending their messages back as JSON
 * cost about 75 µs a message, most of a 30,000-message fan-out (docs/benchmarks.md).
 */
export async function writeNoticeMessagePage(
  tx: Queryable,
  page: {
    version: FanoutVersion;
    areas: MultiPolygon;
    bbox: FanoutVersionRow['bbox'];
    texts: readonly NoticeTexts[];
    status: Record<MessageChannel, MessageStatus>;
    sendAfter: Record<MessageChannel, Date>;
    vulnerable: boolean;
    after: string | null;
    limit: number;
  },
): Promise<NoticeMessagePage> {
  const { bbox, version } = page;
  const rows = await queryRows<{
    id: string | null;
    status: MessageStatus | null;
    send_after: string | Date | null;
    last_candidate_id: string | null;
    candidates: number | null;
  }>(
    tx,
    sql`with page as materialized (
          select s.id, s.location, s.language, s.address,
                 case when s.email_confirmed_at is not null
                       and not exists (select 1 from email_unsubscribes u where u.email = lower(s.email))
                      then s.email end as email,
                 case when s.phone_confirmed_at is not null then s.phone end as phone
            from subscribers s
           where s.location <@ box(point(${bbox.minLon}, ${bbox.minLat}), point(${bbox.maxLon}, ${bbox.maxLat}))
             and s.unsubscribed_at is null
             and s.kommunenummer = ${version.kommunenummer}
             and s.vulnerable = ${page.vulnerable}
             and (s.email_confirmed_at is not null or s.phone_confirmed_at is not null)
             ${page.after ? sql`and s.id > ${page.after}::uuid` : sql``}
           order by s.id
           limit ${page.limit}
        ),
        texts as (
          select * from json_to_recordset(${JSON.stringify(page.texts)}::text::json) as t(
            language text, subject text, "emailBeforeAddress" text, "emailNoAddress" text,
            "emailAfterAddress" text, "smsBody" text)
        ),
        written as (
          insert into messages (kommunenummer, idempotency_key, kind, notice_id, notice_version, subscriber_id,
                                channel, recipient, language, subject, body_text, status, send_after)
          select ${version.kommunenummer}, ${`notice:${version.noticeId}:${version.version}:`}::text || p.id::text || ':' || c.channel,
                 ${version.kind}, ${version.noticeId}::uuid, ${version.version}::int, p.id,
                 c.channel, c.recipient, p.language, c.subject, c.body, c.status, c.send_after
            from page p
            join texts t on t.language = p.language
            cross join lateral (values
              ('email', p.email, t.subject,
               t."emailBeforeAddress" || coalesce(p.address, t."emailNoAddress") || t."emailAfterAddress",
               ${page.status.email}, ${page.sendAfter.email.toISOString()}::timestamptz),
              ('sms', p.phone, null, t."smsBody", ${page.status.sms}, ${page.sendAfter.sms.toISOString()}::timestamptz)
            ) as c(channel, recipient, subject, body, status, send_after)
           where c.recipient is not null and ${insideAreasSql(page.areas, sql`p.location`)}
          on conflict (idempotency_key) do nothing
          returning id, status, send_after
        )
        select id, status, send_after, null::uuid as last_candidate_id, null::int as candidates from written
        union all
        select null, null, null, (select id from page order by id desc limit 1), (select count(*)::int from page)`,
  );
  const summary = rows.find((row) => row.candidates !== null);
  const written: NoticeMessagePage['written'] = [];
  for (const row of rows) {
    if (row.id === null || row.status === null || row.send_after === null) continue;
    written.push({ id: row.id, status: row.status, sendAfter: new Date(row.send_after) });
  }
  return {
    written,
    candidates: summary?.candidates ?? 0,
    lastCandidateId: summary?.last_candidate_id ?? null,
  };
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

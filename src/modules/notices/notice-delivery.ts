// How a notice reached its subscribers: per fanned-out version, the fan-out's state and its
// messages by status (targeted / queued / sent / delivered / failed), read through the
// messages_notice index; and the vulnerable call list of the latest version.
//
// The call list: a vulnerable subscriber the latest fanned-out version wrote to, none of whose
// messages for it has a delivery confirmation, once `afterMinutes` have passed since the first of
// them was written. Only an SMS delivery report confirms delivery: an email the mail server
// accepted ('sent') may still sit unread in a spam folder, and for a person on home dialysis that
// is not good enough. So an email-only vulnerable subscriber is always called; the list shows each
// channel's status so the caller knows what was tried.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { MessageChannel, MessageStatus } from '../notifications/schema.ts';
import { findNotice } from './notice-queries.ts';

export interface DeliveryCounts {
  targeted: number;
  queued: number;
  sent: number;
  delivered: number;
  failed: number;
  outbox: number;
}

export interface VersionDelivery extends DeliveryCounts {
  version: number;
  state: 'pending' | 'running' | 'finished';
  createdAt: string;
  finishedAt: string | null;
}

export interface NoticeDelivery {
  /** Newest first. */
  versions: VersionDelivery[];
  /** Whether messages are still being written or sent (the page polls while so). */
  inProgress: boolean;
  callAfterMinutes: number;
}

function iso(value: string | Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

export async function getNoticeDelivery(
  db: Queryable,
  kommunenummer: string,
  id: string,
  callAfterMinutes: number,
): Promise<NoticeDelivery> {
  await findNotice(db, kommunenummer, id);
  const rows = await queryRows<{
    version: number;
    created_at: string | Date;
    started_at: string | Date | null;
    finished_at: string | Date | null;
    targeted: number;
    queued: number;
    sent: number;
    delivered: number;
    failed: number;
    outbox: number;
  }>(
    db,
    sql`select f.version, f.created_at, f.started_at, f.finished_at,
               coalesce(c.targeted, 0)::int as targeted, coalesce(c.queued, 0)::int as queued,
               coalesce(c.sent, 0)::int as sent, coalesce(c.delivered, 0)::int as delivered,
               coalesce(c.failed, 0)::int as failed, coalesce(c.outbox, 0)::int as outbox
          from notice_fanouts f
          left join (
            select notice_version, count(*) as targeted,
                   count(*) filter (where status = 'queued') as queued,
                   count(*) filter (where status = 'sent') as sent,
                   count(*) filter (where status = 'delivered') as delivered,
                   count(*) filter (where status = 'failed') as failed,
                   count(*) filter (where status = 'outbox') as outbox
              from messages where notice_id = ${id}::uuid
             group by notice_version
          ) c on c.notice_version = f.version
         where f.notice_id = ${id}::uuid
         order by f.version desc`,
  );
  const versions: VersionDelivery[] = rows.map((row) => ({
    version: row.version,
    state: row.finished_at ? 'finished' : row.started_at ? 'running' : 'pending',
    createdAt: iso(row.created_at) ?? '',
    finishedAt: iso(row.finished_at),
    targeted: row.targeted,
    queued: row.queued,
    sent: row.sent,
    delivered: row.delivered,
    failed: row.failed,
    outbox: row.outbox,
  }));
  return {
    versions,
    inProgress: versions.some((v) => v.state !== 'finished' || v.queued > 0),
    callAfterMinutes,
  };
}

export interface CallListEntry {
  subscriberId: string;
  name: string | null;
  phone: string | null;
  address: string | null;
  note: string | null;
  messages: { channel: MessageChannel; status: MessageStatus }[];
}

export interface CallList {
  /** The version the list is about (the latest fanned out); null when none was. */
  version: number | null;
  callAfterMinutes: number;
  /** Vulnerable subscribers written to whose time has not come yet: they may still confirm. */
  waiting: number;
  calls: CallListEntry[];
}

/** The call list; every look is written to the audit log (it shows contact details). */
export async function viewCallList(
  db: Queryable,
  actorId: string,
  kommunenummer: string,
  id: string,
  callAfterMinutes: number,
): Promise<CallList> {
  await findNotice(db, kommunenummer, id);
  const [latest] = await queryRows<{ version: number }>(
    db,
    sql`select max(version)::int as version from notice_fanouts where notice_id = ${id}::uuid`,
  );
  const version = latest?.version ?? null;
  let calls: CallListEntry[] = [];
  let waiting = 0;
  if (version !== null) {
    const rows = await queryRows<{
      subscriber_id: string;
      contact_name: string | null;
      phone: string | null;
      address: string | null;
      vulnerable_note: string | null;
      messages: { channel: MessageChannel; status: MessageStatus }[];
      due: boolean;
    }>(
      db,
      sql`select s.id as subscriber_id, s.contact_name, s.phone, s.address, s.vulnerable_note,
                 json_agg(json_build_object('channel', m.channel, 'status', m.status) order by m.channel) as messages,
                 min(m.created_at) <= now() - make_interval(mins => ${callAfterMinutes}) as due
            from messages m
            join subscribers s on s.id = m.subscriber_id
           where m.notice_id = ${id}::uuid and m.notice_version = ${version}
             and s.vulnerable and s.unsubscribed_at is null
           group by s.id
          having bool_and(m.delivered_at is null)
           order by s.address nulls last, s.id`,
    );
    calls = rows
      .filter((row) => row.due)
      .map((row) => ({
        subscriberId: row.subscriber_id,
        name: row.contact_name,
        phone: row.phone,
        address: row.address,
        note: row.vulnerable_note,
        messages: row.messages,
      }));
    waiting = rows.length - calls.length;
  }
  await recordAudit(db, {
    kommunenummer,
    actorId,
    action: 'notice.call_list_viewed',
    entityType: 'notice',
    entityId: id,
    after: { version, subscribers: calls.map((c) => c.subscriberId) },
  });
  return { version, callAfterMinutes, waiting, calls };
}

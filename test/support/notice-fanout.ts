// Test helpers for the notice fan-out: subscribers written straight into the table (the subscribe
// pages are another module's), a notice published through the staff API, and the messages a
// notice made.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { type Queryable, queryRows } from '../../src/db/client.ts';
import type { StaffClient } from './staff.ts';

export interface SubscriberSpec {
  kommunenummer?: string;
  lat: number;
  lon: number;
  language?: 'nb' | 'nn' | 'en';
  address?: string | null;
  email?: string | null;
  emailConfirmed?: boolean;
  phone?: string | null;
  phoneConfirmed?: boolean;
  vulnerable?: boolean;
  note?: string | null;
  name?: string | null;
  unsubscribed?: boolean;
}

export async function insertSubscriber(db: Queryable, spec: SubscriberSpec): Promise<string> {
  const id = randomUUID();
  const email = spec.email ?? null;
  const phone = spec.phone ?? null;
  await db.execute(
    sql`insert into subscribers (id, kommunenummer, address, lat, lon, language, email, email_confirmed_at,
                                 phone, phone_confirmed_at, source, vulnerable, vulnerable_note, contact_name,
                                 unsubscribed_at)
        values (${id}, ${spec.kommunenummer ?? '4001'}, ${spec.address ?? null}, ${spec.lat}, ${spec.lon},
                ${spec.language ?? 'nb'}, ${email}, ${email && (spec.emailConfirmed ?? true) ? sql`now()` : null},
                ${phone}, ${phone && (spec.phoneConfirmed ?? true) ? sql`now()` : null}, 'import',
                ${spec.vulnerable ?? false}, ${spec.note ?? null}, ${spec.name ?? null},
                ${spec.unsubscribed ? sql`now()` : null})`,
  );
  return id;
}

/** A square [minLon..maxLon] × [minLat..maxLat] as a GeoJSON ring. */
export function square(minLon: number, minLat: number, maxLon: number, maxLat: number): number[][] {
  return [
    [minLon, minLat],
    [maxLon, minLat],
    [maxLon, maxLat],
    [minLon, maxLat],
    [minLon, minLat],
  ];
}

/** Creates a draft through the staff API and publishes it; returns the notice's id. */
export async function publishNotice(
  staff: StaffClient,
  kommunenummer: string,
  draft: Record<string, unknown>,
): Promise<string> {
  const base = `/api/v1/staff/m/${kommunenummer}/notices`;
  const created = await staff.request('POST', base, draft);
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  const published = await staff.request('POST', `${base}/${id}/publish`);
  expect(published.status).toBe(200);
  return id;
}

export interface NoticeMessageRow {
  id: string;
  idempotency_key: string;
  kind: string;
  notice_version: number;
  subscriber_id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body_text: string;
  status: string;
  created_at: Date | string;
}

export async function noticeMessages(db: Queryable, noticeId: string): Promise<NoticeMessageRow[]> {
  return queryRows<NoticeMessageRow>(
    db,
    sql`select id, idempotency_key, kind, notice_version, subscriber_id, channel, recipient, subject, body_text,
               status, created_at
          from messages where notice_id = ${noticeId}::uuid order by created_at, id`,
  );
}

/** Whether every fan-out of the notice has finished. */
export async function fanoutsFinished(db: Queryable, noticeId: string, versions: number): Promise<boolean> {
  const [row] = await queryRows<{ done: number }>(
    db,
    sql`select count(*)::int as done from notice_fanouts
         where notice_id = ${noticeId}::uuid and finished_at is not null`,
  );
  return row?.done === versions;
}

// Reading subscribers for staff: a page of them (no contact details, only which channels are
// given and confirmed), and one subscriber, with contact details for roles that may see them —
// each such look written to the audit log, as a report's contact details are.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { SubscriberDetailView, SubscriberSummaryView } from './http-schemas.ts';
import type { SubscriberSource } from './schema.ts';
import { subscriptionMessages } from './subscription-texts.ts';

export const PAGE_SIZE = 50;

interface Row {
  id: string;
  address: string | null;
  lat: number;
  lon: number;
  language: Language;
  source: SubscriberSource;
  email: string | null;
  email_confirmed_at: Date | string | null;
  phone: string | null;
  phone_confirmed_at: Date | string | null;
  vulnerable: boolean;
  vulnerable_note: string | null;
  contact_name: string | null;
  created_at: Date | string;
  unsubscribed_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function present(row: Row): SubscriberSummaryView {
  return {
    id: row.id,
    address: row.address,
    lat: row.lat,
    lon: row.lon,
    language: row.language,
    source: row.source,
    email: { given: row.email !== null, confirmed: row.email !== null && row.email_confirmed_at !== null },
    sms: { given: row.phone !== null, confirmed: row.phone !== null && row.phone_confirmed_at !== null },
    vulnerable: row.vulnerable,
    createdAt: iso(row.created_at),
    unsubscribedAt: row.unsubscribed_at ? iso(row.unsubscribed_at) : null,
  };
}

const COLUMNS = sql.raw(`id, address, lat, lon, language, source, email, email_confirmed_at, phone,
  phone_confirmed_at, vulnerable, vulnerable_note, contact_name, created_at, unsubscribed_at`);

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listSubscribers(
  db: Queryable,
  kommunenummer: string,
  query: { q?: string | undefined; page?: number | undefined; includeUnsubscribed?: boolean | undefined },
) {
  const page = query.page ?? 1;
  const search = query.q?.trim();
  const where = sql`kommunenummer = ${kommunenummer}
    ${query.includeUnsubscribed ? sql`` : sql`and unsubscribed_at is null`}
    ${search ? sql`and lower(address) like ${`%${escapeLike(search.toLowerCase())}%`}` : sql``}`;
  const rows = await queryRows<Row>(
    db,
    sql`select ${COLUMNS} from subscribers where ${where}
         order by created_at desc, id limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`,
  );
  const [counts] = await queryRows<{ total: number; email: number; sms: number }>(
    db,
    sql`select (select count(*)::int from subscribers where ${where}) as total,
               count(*) filter (where email_confirmed_at is not null)::int as email,
               count(*) filter (where phone_confirmed_at is not null)::int as sms
          from subscribers where kommunenummer = ${kommunenummer} and unsubscribed_at is null`,
  );
  return {
    subscribers: rows.map(present),
    total: counts?.total ?? 0,
    page,
    pageSize: PAGE_SIZE,
    confirmedEmail: counts?.email ?? 0,
    confirmedSms: counts?.sms ?? 0,
  };
}

/** One subscriber; with contact details (and an audit entry) when `contactVisible`. */
export async function getSubscriber(
  db: Queryable,
  kommunenummer: string,
  id: string,
  viewer: { actorId: string; contactVisible: boolean },
): Promise<SubscriberDetailView> {
  const [row] = await queryRows<Row>(
    db,
    sql`select ${COLUMNS} from subscribers where id = ${id}::uuid and kommunenummer = ${kommunenummer}`,
  );
  if (!row) throw new AppError(404, 'subscriber_not_found', subscriptionMessages.subscriberNotFound());
  if (!viewer.contactVisible) return { ...present(row), contactVisible: false };
  if (!row.unsubscribed_at)
    await recordAudit(db, {
      kommunenummer,
      actorId: viewer.actorId,
      action: 'subscriber.contact_viewed',
      entityType: 'subscriber',
      entityId: id,
    });
  return {
    ...present(row),
    contactVisible: true,
    emailAddress: row.email,
    phoneNumber: row.phone,
    contactName: row.contact_name,
    vulnerableNote: row.vulnerable_note,
  };
}

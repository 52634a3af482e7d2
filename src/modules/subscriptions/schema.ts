import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  pgTable,
  point,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Language } from '../../shared/language.ts';
import { municipalities } from '../tenants/schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** web: the resident's own form; import: an admin's CSV (with consent); staff: entered at the desk. */
export type SubscriberSource = 'web' | 'import' | 'staff';

/**
 * A resident who wants notices (driftsmeldinger) for one place, by email and/or SMS. Each channel
 * counts only once confirmed (double opt-in: a link by email, a code by SMS); an import carries
 * the consent the municipality already holds, so its channels are confirmed at import. A person
 * with two places has two rows. Unsubscribing keeps the row (with `unsubscribed_at`) so a notice's
 * history of whom it reached still adds up; personal fields are cleared then. One-click
 * unsubscribe is the stop link every message carries (notifications/stop-token.ts): the message
 * row names the subscriber.
 */
export const subscribers = pgTable(
  'subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The address as chosen from the local address data; null for a point on the map. */
    address: text('address'),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    /** (lon, lat), kept by the database, for the GiST index the fan-out's bounding box uses. */
    location: point('location', { mode: 'xy' }).notNull().generatedAlwaysAs(sql`point(lon, lat)`),
    language: text('language').$type<Language>().notNull(),
    email: text('email'),
    emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
    phone: text('phone'),
    phoneConfirmedAt: timestamp('phone_confirmed_at', { withTimezone: true }),
    /** SHA-256 of the confirmation link's token (email) — the token is only in the message. */
    confirmTokenHash: bytea('confirm_token_hash'),
    /** SHA-256 of the SMS code salted with the subscriber id. */
    smsCodeHash: bytea('sms_code_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    /** Wrong SMS codes tried; the code is dropped after a few. */
    confirmAttempts: integer('confirm_attempts').notNull().default(0),
    source: text('source').$type<SubscriberSource>().notNull().default('web'),
    /** Sårbar abonnent (home dialysis, nursing home, food producer): reached first, called if unconfirmed. */
    vulnerable: boolean('vulnerable').notNull().default(false),
    /** Why they are vulnerable; seen only by roles allowed to see contact details. */
    vulnerableNote: text('vulnerable_note'),
    /** A name to ask for when calling a vulnerable subscriber (optional, staff-entered or imported). */
    contactName: text('contact_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
  },
  (t) => [
    // The fan-out: subscribers in a notice's bounding box, only live ones.
    index('subscribers_location').using('gist', t.location).where(sql`${t.unsubscribedAt} is null`),
    index('subscribers_municipality_created').on(t.kommunenummer, t.createdAt.desc()),
    uniqueIndex('subscribers_confirm_token').on(t.confirmTokenHash),
    check(
      'subscribers_contact',
      sql`${t.email} is not null or ${t.phone} is not null or ${t.unsubscribedAt} is not null`,
    ),
    check('subscribers_source', sql`${t.source} in ('web', 'import', 'staff')`),
    check('subscribers_language', sql`${t.language} in ('nb', 'nn', 'en')`),
    check('subscribers_point', sql`${t.lat} between -90 and 90 and ${t.lon} between -180 and 180`),
  ],
);

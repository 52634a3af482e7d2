import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  customType,
  doublePrecision,
  foreignKey,
  index,
  jsonb,
  pgTable,
  point,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staffUsers } from '../accounts/schema.ts';
import { assets } from '../assets/schema.ts';
import type { Answers } from '../categories/questions.ts';
import { categories } from '../categories/schema.ts';
import { reportLinks } from '../report-links/schema.ts';
import { municipalities, teams } from '../tenants/schema.ts';
import type { Channel, NotifyChannel, Priority, ReportEventKind, ReportStatus } from './statuses.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** Full-text search over reference, description and address (the inbox's free-text filter). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human-readable reference, unique per municipality and year: 4001-2026-00123. */
    ref: text('ref').notNull().unique(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    status: text('status').$type<ReportStatus>().notNull().default('mottatt'),
    channel: text('channel').$type<Channel>().notNull(),
    acute: boolean('acute').notNull().default(false),
    description: text('description').notNull(),
    /** Address or a free-text description of the place; the only location when there is no point. */
    address: text('address'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    /**
     * The same point as (lon, lat) in PostgreSQL's built-in point type, kept by the database,
     * so a GiST index serves bounding-box (<@ box) and nearest (<->) queries without PostGIS.
     */
    location: point('location', { mode: 'xy' }).generatedAlwaysAs(
      sql`case when lon is not null and lat is not null then point(lon, lat) end`,
    ),
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    /** The asset (hydrant, pumping station…) the report is about, e.g. from a QR sticker. */
    assetRef: text('asset_ref'),
    /** The QR sticker or link the report was started from. */
    reportLinkId: uuid('report_link_id').references(() => reportLinks.id),
    /** The registered asset the report is about (from its sticker, or chosen by staff). */
    assetId: uuid('asset_id').references(() => assets.id, { onDelete: 'set null' }),
    /**
     * SHA-256 of the tracking token; the token itself is only ever in the reporter's hands.
     * Not indexed: a token is always checked together with the reference it belongs to.
     */
    trackingTokenHash: bytea('tracking_token_hash').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    priority: text('priority').$type<Priority>().notNull().default('normal'),
    /** The team the report is routed to (the category's default team at intake). */
    teamId: uuid('team_id').references(() => teams.id),
    assigneeId: uuid('assignee_id').references(() => staffUsers.id),
    /** Set on a duplicate: the report it was merged into, whose updates its reporter now gets. */
    mergedIntoId: uuid('merged_into_id'),
    /** Who the report was forwarded to (road authority, power company…) and how to reach them. */
    forwardedTo: text('forwarded_to'),
    forwardedToEmail: text('forwarded_to_email'),
    /** Needs formal case handling and archiving (exported for the archive; no integration yet). */
    needsCaseHandling: boolean('needs_case_handling').notNull().default(false),
    /** For the dashboard: when the first public reply went out, and when work was first done. */
    firstPublicReplyAt: timestamp('first_public_reply_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    searchText: tsvector('search_text').generatedAlwaysAs(
      sql`to_tsvector('simple', ref || ' ' || description || ' ' || coalesce(address, ''))`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reports_location').using('gist', t.location),
    // The inbox: a municipality's reports newest first, narrowed by status, team, assignee or category.
    index('reports_inbox_status').on(t.kommunenummer, t.status, t.createdAt.desc(), t.id.desc()),
    index('reports_inbox_team').on(t.kommunenummer, t.teamId, t.createdAt.desc(), t.id.desc()),
    index('reports_inbox_assignee').on(t.kommunenummer, t.assigneeId, t.createdAt.desc(), t.id.desc()),
    index('reports_inbox_category').on(t.kommunenummer, t.categoryId, t.createdAt.desc(), t.id.desc()),
    // The inbox's counts per status (count-inbox.ts): with status right after the filtered column,
    // "how many of this team's reports are planlagt, up to 10,000" reads at most 10,001 index
    // entries and never the table; created_at narrows the same scan by date.
    index('reports_counts_team').on(t.kommunenummer, t.teamId, t.status, t.createdAt),
    index('reports_counts_assignee').on(t.kommunenummer, t.assigneeId, t.status, t.createdAt),
    index('reports_counts_category').on(t.kommunenummer, t.categoryId, t.status, t.createdAt),
    index('reports_open_due')
      .on(t.kommunenummer, t.dueAt)
      .where(sql`${t.status} in ('mottatt', 'under_behandling', 'planlagt')`),
    index('reports_search').using('gin', t.searchText),
    index('reports_merged_into').on(t.mergedIntoId),
    index('reports_asset').on(t.assetId, t.createdAt.desc()).where(sql`${t.assetId} is not null`),
    foreignKey({ columns: [t.mergedIntoId], foreignColumns: [t.id], name: 'reports_merged_into_fk' }),
    check('reports_priority', sql`${t.priority} in ('lav', 'normal', 'hoy')`),
    index('reports_municipality_created').on(t.kommunenummer, t.createdAt.desc(), t.id.desc()),
    index('reports_created').on(t.createdAt.desc(), t.id.desc()),
    check('reports_lat_range', sql`${t.lat} is null or (${t.lat} between -90 and 90)`),
    check('reports_lon_range', sql`${t.lon} is null or (${t.lon} between -180 and 180)`),
    check('reports_point_complete', sql`(${t.lat} is null) = (${t.lon} is null)`),
    check('reports_has_place', sql`${t.lat} is not null or ${t.address} is not null`),
    check('reports_description_length', sql`char_length(${t.description}) between 1 and 4000`),
  ],
);

/** Reporter contact details live apart from the report, so no public query can reach them by accident. */
export const reportContacts = pgTable('report_contacts', {
  reportId: uuid('report_id')
    .primaryKey()
    .references(() => reports.id, { onDelete: 'cascade' }),
  name: text('name'),
  email: text('email'),
  phone: text('phone'),
  notify: text('notify').$type<NotifyChannel>().notNull().default('none'),
  language: text('language').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Everything that happens to a report, in order. Only rows marked public are shown to the public. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ReportEventKind>().notNull(),
    public: boolean('public').notNull(),
    status: text('status').$type<ReportStatus>(),
    message: text('message'),
    /** Who did it: "system", "reporter", or a staff account's id. */
    actor: text('actor').notNull(),
    /** For changes: the values before and after, e.g. { before: { teamId }, after: { teamId } }. */
    details: jsonb('details').$type<{ before?: Record<string, unknown>; after?: Record<string, unknown> }>(),
    /**
     * When the notifier turned this public event into messages for the reporter and followers;
     * null while it still has to (see notifications/relay). Internal events are never notified.
     */
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_events_report').on(t.reportId, t.id),
    index('report_events_to_notify').on(t.id).where(sql`${t.public} and ${t.notifiedAt} is null`),
  ],
);

/**
 * Remembers which report a POST with an Idempotency-Key created, so a phone that retries on a bad
 * connection gets the same answer again instead of creating a second report. The key is stored
 * only as a hash, and the tracking token only sealed with a key derived from the Idempotency-Key:
 * the database alone cannot reveal a tracking token.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    keyHash: bytea('key_hash').primaryKey(),
    requestHash: bytea('request_hash').notNull(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    trackingTokenSealed: bytea('tracking_token_sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('idempotency_keys_created').on(t.createdAt)],
);

/**
 * People who follow a report ("already reported? follow it instead") and get its updates. Anyone
 * can type any address, so a follower hears nothing until they confirm it is theirs: by the link
 * in an email (only its SHA-256 is kept here) or by typing the 6-digit code sent by SMS (an HMAC
 * of it, at most 5 tries, for 30 minutes). One never confirmed is forgotten after a day.
 */
export const reportFollowers = pgTable(
  'report_followers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    email: text('email'),
    phone: text('phone'),
    language: text('language').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null until the person confirmed; only confirmed followers get messages or are counted. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** SHA-256 of the token in the emailed confirmation link. */
    confirmTokenHash: bytea('confirm_token_hash'),
    /** HMAC of the 6-digit code sent by SMS (a plain hash of 6 digits would be guessed at once). */
    confirmCodeHash: bytea('confirm_code_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    /** Wrong codes typed so far; the code stops working after the fifth. */
    confirmAttempts: smallint('confirm_attempts').notNull().default(0),
  },
  (t) => [
    uniqueIndex('report_followers_email').on(t.reportId, t.email),
    uniqueIndex('report_followers_phone').on(t.reportId, t.phone),
    uniqueIndex('report_followers_confirm_token').on(t.confirmTokenHash),
    index('report_followers_unconfirmed').on(t.createdAt).where(sql`${t.confirmedAt} is null`),
    check('report_followers_reachable', sql`${t.email} is not null or ${t.phone} is not null`),
  ],
);

/**
 * Every accepted request to follow a report, for the hourly caps (per client address, per report,
 * per followed address). Addresses are kept only as HMACs with the application secret, and rows
 * are removed after an hour by the maintenance job.
 */
export const followRequests = pgTable(
  'follow_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    clientHash: bytea('client_hash').notNull(),
    addressHash: bytea('address_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('follow_requests_report').on(t.reportId, t.createdAt),
    index('follow_requests_client').on(t.clientHash, t.createdAt),
    index('follow_requests_address').on(t.addressHash, t.createdAt),
  ],
);

/**
 * A report being written on the web form: what the resident typed and the photos they uploaded,
 * kept between the form, the "already reported?" step and sending, so nothing is lost when a
 * step fails. Deleted when sent, or after a day.
 */
export const reportDrafts = pgTable(
  'report_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** Set while the draft is being sent, so a double tap cannot send it twice. */
    sendingAt: timestamp('sending_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_drafts_updated').on(t.updatedAt)],
);

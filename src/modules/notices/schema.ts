import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../shared/language.ts';
import { reports } from '../reports/schema.ts';
import { municipalities } from '../tenants/schema.ts';

export const NOTICE_TYPES = [
  'planned_shutoff',
  'unplanned_shutoff',
  'flushing',
  'boil_water',
  'boil_water_lifted',
  'roadworks',
  'other',
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export const NOTICE_STATUSES = ['draft', 'published', 'ended'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** GeoJSON MultiPolygon in WGS84: polygons of rings of [lon, lat]. */
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

/**
 * A notice (driftsmelding): a shut-off, flushing, boil-water advice, roadworks. This row is the
 * notice's current state, for "active in the municipality" queries; its texts and areas live in
 * notice_versions, one row per change, never overwritten.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    type: text('type').$type<NoticeType>().notNull(),
    status: text('status').$type<NoticeStatus>().notNull().default('draft'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    expectedEndAt: timestamp('expected_end_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** The latest version number; notice_versions holds 1..version. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'notices_type',
      sql`${t.type} in ('planned_shutoff', 'unplanned_shutoff', 'flushing', 'boil_water', 'boil_water_lifted', 'roadworks', 'other')`,
    ),
    check('notices_status', sql`${t.status} in ('draft', 'published', 'ended')`),
    check('notices_ended', sql`(${t.status} = 'ended') = (${t.endedAt} is not null)`),
    check('notices_version_positive', sql`${t.version} >= 1`),
    // "Active in the municipality": published ones by start; the public lists skip drafts.
    index('notices_municipality_status').on(t.kommunenummer, t.status, t.startsAt),
    index('notices_municipality_updated').on(t.kommunenummer, t.updatedAt.desc()),
  ],
);

/** Every version of a notice as it was saved: who changed it, its texts and its areas. */
export const noticeVersions = pgTable(
  'notice_versions',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    version: integer('version').notNull(),
    status: text('status').$type<NoticeStatus>().notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    body: jsonb('body').$type<LocalizedText>().notNull(),
    areas: jsonb('areas').$type<MultiPolygon>().notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    minLon: doublePrecision('min_lon').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    maxLon: doublePrecision('max_lon').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    expectedEndAt: timestamp('expected_end_at', { withTimezone: true }),
    /** The staff account; not a foreign key, like the audit log: versions outlive accounts. */
    changedBy: uuid('changed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.version] }),
    check('notice_versions_status', sql`${t.status} in ('draft', 'published', 'ended')`),
    check('notice_versions_bbox', sql`${t.minLat} <= ${t.maxLat} and ${t.minLon} <= ${t.maxLon}`),
  ],
);

/**
 * A municipality's wording per notice type, with the standard advice residents must be given
 * (fill water before a shut-off, how long to boil): the sources disagree (1 or 3 minutes), so each
 * municipality edits its own. Seeded from default-notice-templates.ts when a municipality is made.
 */
export const noticeTemplates = pgTable(
  'notice_templates',
  {
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    type: text('type').$type<NoticeType>().notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    body: jsonb('body').$type<LocalizedText>().notNull(),
    /** The staff account of the last edit; null while the seeded wording stands. */
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kommunenummer, t.type] }),
    check(
      'notice_templates_type',
      sql`${t.type} in ('planned_shutoff', 'unplanned_shutoff', 'flushing', 'boil_water', 'boil_water_lifted', 'roadworks', 'other')`,
    ),
  ],
);

/**
 * The outbox of notice fan-out: one row per published, updated or ended version, written in the
 * transaction that saves the version. The worker selects the subscribers inside the version's
 * areas (vulnerable first, then by id) and creates their messages in batches; `after_subscriber_id`
 * is how far it has come, written in each batch's transaction, so a worker stopped between batches
 * resumes there and no subscriber gets a version twice (the messages' idempotency key backs this).
 */
export const noticeFanouts = pgTable(
  'notice_fanouts',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    version: integer('version').notNull(),
    kommunenummer: char('kommunenummer', { length: 4 }).notNull(),
    /** Vulnerable subscribers are done first; this says that pass is over. */
    vulnerableDone: boolean('vulnerable_done').notNull().default(false),
    afterSubscriberId: uuid('after_subscriber_id'),
    /** Messages created so far (one per subscriber × confirmed channel). */
    targeted: integer('targeted').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.version] }),
    index('notice_fanouts_pending').on(t.createdAt).where(sql`${t.finishedAt} is null`),
  ],
);

/**
 * A report explained by a notice: linked automatically when a report arrives inside an active
 * notice whose type its category names (categories.notice_types), or by staff.
 */
export const noticeReportLinks = pgTable(
  'notice_report_links',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** null: linked automatically at intake; else the staff account. */
    linkedBy: uuid('linked_by'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.reportId] }),
    index('notice_report_links_report').on(t.reportId),
  ],
);

import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../shared/language.ts';
import { assets } from '../assets/schema.ts';
import { municipalities } from '../tenants/schema.ts';

/**
 * A stored report link, printed as a QR sticker on a hydrant or a pumping station: scanning it
 * opens the report form with the place, the asset and the likely categories filled in.
 */
export const reportLinks = pgTable(
  'report_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The short code in /q/{code}: what the QR code holds. */
    code: text('code').notNull().unique(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    label: jsonb('label').$type<LocalizedText>().notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    address: text('address'),
    assetRef: text('asset_ref'),
    /** The registered asset the sticker is on; its id is printed on the sticker. */
    assetId: uuid('asset_id').references(() => assets.id, { onDelete: 'set null' }),
    /** Category codes to offer first. */
    suggestedCategories: text('suggested_categories').array().notNull().default(sql`'{}'::text[]`),
    scanCount: integer('scan_count').notNull().default(0),
    lastScannedAt: timestamp('last_scanned_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('report_links_code_format', sql`${t.code} ~ '^[A-Za-z0-9_-]{3,40}$'`),
    check('report_links_point_complete', sql`(${t.lat} is null) = (${t.lon} is null)`),
  ],
);

/** Scans of one report link per day (Europe/Oslo), for the sparkline in admin. */
export const reportLinkScanDays = pgTable(
  'report_link_scan_days',
  {
    linkId: uuid('link_id')
      .notNull()
      .references(() => reportLinks.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    scans: integer('scans').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.day] })],
);

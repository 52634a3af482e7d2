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
  point,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../shared/language.ts';
import { staffUsers } from '../accounts/schema.ts';
import { municipalities } from '../tenants/schema.ts';

/**
 * A kind of thing in the network a report can be about (hydrant, kum, pumping station…). Each
 * municipality has its own list, seeded with the common ones and editable: what a type is called
 * and which categories a sticker on it offers first is the municipality's choice, not ours.
 */
export const assetTypes = pgTable(
  'asset_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** Stable code used in files and on the command line (`hydrant`, `kum`…). */
    code: text('code').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    /** Category codes a report link on an asset of this type offers first. */
    suggestedCategories: text('suggested_categories').array().notNull().default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('asset_types_code').on(t.kommunenummer, t.code),
    check('asset_types_code_format', sql`${t.code} ~ '^[a-z0-9-]{1,40}$'`),
  ],
);

/**
 * One hydrant, kum or pumping station, as the utility's own register knows it. `external_id` is
 * the register's id: imports match on it, so importing the same file twice changes nothing.
 */
export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    externalId: text('external_id').notNull(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => assetTypes.id),
    name: text('name').notNull(),
    /** WGS84, as every place in Meldepunkt; imports transform from UTM on the way in. */
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    location: point('location', { mode: 'xy' }).notNull().generatedAlwaysAs(sql`point(lon, lat)`),
    /** Whatever else the register says (dimension, material, year…), shown as a list. */
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('assets_external_id').on(t.kommunenummer, t.externalId),
    index('assets_type').on(t.kommunenummer, t.typeId),
    index('assets_location').using('gist', t.location),
    check('assets_point', sql`${t.lat} between -90 and 90 and ${t.lon} between -180 and 180`),
    check('assets_external_id_length', sql`length(${t.externalId}) between 1 and 100`),
  ],
);

/**
 * One run of an asset import (file upload in admin or the command line), kept so the admin page
 * can show its progress while it runs and its report of rejected lines afterwards.
 */
export const assetImports = pgTable(
  'asset_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    startedBy: uuid('started_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    /** 'running', 'done' or 'failed'. */
    state: text('state').notNull().default('running'),
    bytesTotal: integer('bytes_total'),
    bytesRead: integer('bytes_read').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** The first rejected lines with why (line number, external id when known, reason). */
    rejections: jsonb('rejections')
      .$type<{ line: number; externalId?: string; reason: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('asset_imports_recent').on(t.kommunenummer, t.startedAt),
    check('asset_imports_state', sql`${t.state} in ('running', 'done', 'failed')`),
  ],
);

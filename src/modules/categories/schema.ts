import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../shared/language.ts';
import { municipalities, teams } from '../tenants/schema.ts';
import type { Question } from './questions.ts';

export const PUBLIC_LOCATIONS = ['exact', 'coarse', 'hidden'] as const;
export type PublicLocation = (typeof PUBLIC_LOCATIONS)[number];

/** The first level of a municipality's category tree (tema), such as "Vann" or "Avløp". */
export const categoryGroups = pgTable(
  'category_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    code: text('code').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('category_groups_municipality_code').on(t.kommunenummer, t.code)],
);

/**
 * A category (kode) residents report under. Its code is stable: it becomes the Open311
 * service_code, so it is unique within the municipality and never reused for something else.
 */
export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    groupId: uuid('group_id')
      .notNull()
      .references(() => categoryGroups.id),
    code: text('code').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    help: jsonb('help').$type<LocalizedText>(),
    /** Acute: the reporter is told to phone the on-call number too, and staff see it first. */
    acute: boolean('acute').notNull().default(false),
    contactRequired: boolean('contact_required').notNull().default(false),
    /** Whether report descriptions in this category may be shown to the public. */
    publicDescription: boolean('public_description').notNull().default(true),
    /**
     * Where the public sees this category's reports: `exact` (the point and the address),
     * `coarse` (the middle of a 500 m grid cell, no address: for reports about someone's home) or
     * `hidden` (no place at all). The reporter, with the tracking token, always sees everything.
     */
    publicLocation: text('public_location').$type<PublicLocation>().notNull().default('exact'),
    questions: jsonb('questions').$type<Question[]>().notNull().default([]),
    defaultTeamId: uuid('default_team_id').references(() => teams.id),
    /** Hours from receipt until the report is due; null means no deadline. */
    deadlineHours: integer('deadline_hours'),
    /** How far away open reports of this category count as "already reported?" suggestions. */
    nearbyRadiusMeters: integer('nearby_radius_meters').notNull().default(300),
    /**
     * Notice types that explain a report in this category (discoloured water: flushing; no water:
     * a shut-off). A new report inside an active notice of one of these types gets a public reply
     * pointing to the notice and is linked to it.
     */
    noticeTypes: text('notice_types').array().notNull().default(sql`'{}'::text[]`),
    /**
     * Incident rule: this many reports (null: no rule) within `incidentRadiusMeters` of each other
     * within `incidentWindowMinutes` raise an incident for staff.
     */
    incidentMinReports: integer('incident_min_reports'),
    incidentRadiusMeters: integer('incident_radius_meters').notNull().default(500),
    incidentWindowMinutes: integer('incident_window_minutes').notNull().default(120),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('categories_municipality_code').on(t.kommunenummer, t.code),
    index('categories_group').on(t.groupId),
    check('categories_code_format', sql`${t.code} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check(
      'categories_incident_rule',
      sql`(${t.incidentMinReports} is null or ${t.incidentMinReports} >= 2) and ${t.incidentRadiusMeters} > 0 and ${t.incidentWindowMinutes} > 0`,
    ),
    check('categories_deadline_positive', sql`${t.deadlineHours} is null or ${t.deadlineHours} > 0`),
    check('categories_public_location', sql`${t.publicLocation} in ('exact', 'coarse', 'hidden')`),
  ],
);

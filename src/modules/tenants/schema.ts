import { sql } from 'drizzle-orm';
import { boolean, char, check, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Language, MunicipalLanguage } from '../../shared/language.ts';

/** A municipality (kommune) is a tenant, keyed by its four-character kommunenummer, never by name. */
export const municipalities = pgTable(
  'municipalities',
  {
    kommunenummer: char('kommunenummer', { length: 4 }).primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    defaultLanguage: text('default_language').$type<MunicipalLanguage>().notNull(),
    languages: text('languages').array().$type<Language[]>().notNull(),
    /** The 24-hour on-call number (vakttelefon) shown for acute categories. */
    onCallPhone: text('on_call_phone'),
    contactEmail: text('contact_email'),
    enabled: boolean('enabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('municipalities_kommunenummer_format', sql`${t.kommunenummer} ~ '^[0-9]{4}$'`),
    check('municipalities_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('municipalities_default_language', sql`${t.defaultLanguage} in ('nb', 'nn')`),
  ],
);

/** A team that reports are routed to, such as "VA drift". */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** Stable code, so demo data and imports can find the team again. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('teams_municipality_code').on(t.kommunenummer, t.code)],
);

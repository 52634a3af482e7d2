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
    /** Brand colour for the public pages (#rrggbb); must keep white text readable (WCAG AA). */
    brandColor: text('brand_color').notNull().default('#005a8c'),
    /** Logo image URL (https, or a path on this server); the name is shown when there is none. */
    logoUrl: text('logo_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('municipalities_kommunenummer_format', sql`${t.kommunenummer} ~ '^[0-9]{4}$'`),
    check('municipalities_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('municipalities_default_language', sql`${t.defaultLanguage} in ('nb', 'nn')`),
    check('municipalities_brand_color', sql`${t.brandColor} ~ '^#[0-9a-fA-F]{6}$'`),
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

/**
 * Settings the running processes share, such as the secret that signs form tokens: created
 * once by whichever process starts first, so every process behind a load balancer agrees.
 */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

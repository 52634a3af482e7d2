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
import { staffUsers } from '../accounts/schema.ts';
import { categories } from '../categories/schema.ts';
import type { ReportStatus } from '../reports/statuses.ts';
import { municipalities } from '../tenants/schema.ts';

/**
 * A public reply a case handler starts from. Placeholders such as {ref}, {category} and {address}
 * are filled in for the report. Offered for its status and category when set; null matches all.
 */
export const replyTemplates = pgTable(
  'reply_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    name: text('name').notNull(),
    status: text('status').$type<ReportStatus>(),
    categoryId: uuid('category_id').references(() => categories.id),
    body: jsonb('body').$type<LocalizedText>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reply_templates_municipality').on(t.kommunenummer, t.sortOrder)],
);

/** An inbox filter a staff member saved under a name, per municipality. */
export const savedFilters = pgTable(
  'saved_filters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    name: text('name').notNull(),
    /** The inbox query string's parameters, as the inbox sends them. */
    query: jsonb('query').$type<Record<string, string>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('saved_filters_user_name').on(t.userId, t.kommunenummer, t.name),
    check('saved_filters_name_length', sql`char_length(${t.name}) between 1 and 80`),
  ],
);

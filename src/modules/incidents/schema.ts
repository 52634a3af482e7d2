import { sql } from 'drizzle-orm';
import {
  char,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { categories } from '../categories/schema.ts';
import { notices } from '../notices/schema.ts';
import { reports } from '../reports/schema.ts';
import { municipalities } from '../tenants/schema.ts';

/** open: staff should look; noticed: a notice was made from it; dismissed: staff judged it noise. */
export type IncidentStatus = 'open' | 'noticed' | 'dismissed';

/**
 * A cluster of reports in one category, close in place and time (the category's incident rule),
 * raised for staff: live on their screens and by email to the on-call team. One open incident per
 * category and place: later reports nearby join it instead of raising another.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    status: text('status').$type<IncidentStatus>().notNull().default('open'),
    /** The middle of its reports, for the map and for "does a new report join it?". */
    centerLat: doublePrecision('center_lat').notNull(),
    centerLon: doublePrecision('center_lon').notNull(),
    reportCount: integer('report_count').notNull(),
    noticeId: uuid('notice_id').references(() => notices.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The staff account that made the notice or dismissed it. */
    closedBy: uuid('closed_by'),
  },
  (t) => [
    index('incidents_municipality_status').on(t.kommunenummer, t.status, t.createdAt.desc()),
    check('incidents_status', sql`${t.status} in ('open', 'noticed', 'dismissed')`),
    check('incidents_closed', sql`(${t.status} = 'open') = (${t.closedAt} is null)`),
  ],
);

/** The reports an incident is made of. A report belongs to at most one incident. */
export const incidentReports = pgTable(
  'incident_reports',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.reportId] }),
    uniqueIndex('incident_reports_report').on(t.reportId),
  ],
);

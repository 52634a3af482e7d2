import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staffUsers } from '../accounts/schema.ts';
import { reportDrafts, reports } from '../reports/schema.ts';

/**
 * A photo of a report, stored resized in two sizes (no original is kept, and EXIF, GPS
 * included, is stripped). It belongs to a draft while the resident writes, then to the report.
 */
export const reportPhotos = pgTable(
  'report_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'cascade' }),
    draftId: uuid('draft_id').references(() => reportDrafts.id, { onDelete: 'cascade' }),
    /** Where the files are in photo storage: `${storageKey}/large.webp` and `/thumb.webp`. */
    storageKey: text('storage_key').notNull().unique(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    position: integer('position').notNull().default(0),
    /** The staff member who added it (a field crew's photo of the work); null for the resident's. */
    addedBy: uuid('added_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    /** Staff photos are for staff: never in a public view, whatever the category allows. */
    internal: boolean('internal').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_photos_report').on(t.reportId, t.position),
    index('report_photos_draft').on(t.draftId, t.position),
    check('report_photos_owner', sql`${t.reportId} is not null or ${t.draftId} is not null`),
  ],
);

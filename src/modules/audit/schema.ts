import { bigint, char, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who changed or looked at what, when: every administrative change (before and after) and every
 * view of a reporter's personal data. Rows are only ever added. Changes to a report are written
 * to its own history (report_events) with the same who/what/before/after.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kommunenummer: char('kommunenummer', { length: 4 }),
    /** The staff account, or null for the system itself. Not a foreign key: entries outlive accounts. */
    actorId: uuid('actor_id'),
    /** What happened, e.g. "category.updated", "report.contact_viewed". */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_entity').on(t.entityType, t.entityId, t.id),
    index('audit_log_municipality').on(t.kommunenummer, t.id.desc()),
  ],
);

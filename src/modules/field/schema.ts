import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staffUsers } from '../accounts/schema.ts';

/**
 * A staff action sent with an Idempotency-Key (the field app's offline queue retries): the first
 * answer is kept, so a retry after a lost response gets it again instead of doing the action twice.
 * Per user, since a key is only unique on the device that made it.
 */
export const staffActionReceipts = pgTable(
  'staff_action_receipts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.idempotencyKey] }),
    index('staff_action_receipts_created').on(t.createdAt),
  ],
);

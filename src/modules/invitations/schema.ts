import { sql } from 'drizzle-orm';
import { char, check, customType, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Language } from '../../shared/language.ts';
import type { StaffRole } from '../accounts/roles.ts';
import { staffUsers } from '../accounts/schema.ts';
import { municipalities } from '../tenants/schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * An invitation to work for a municipality, sent to an address. The only way an account gets a
 * role in a municipality it is not yet in, and the only way an account is created through the
 * API: the person accepts with the one-time link from their mailbox (the token, stored as its
 * SHA-256), so no administrator can give a role to, or choose a password for, someone else's
 * address. Kept after use (accepted, revoked or expired) for the record.
 */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** Lower-cased, as staff_users.email. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    language: text('language').$type<Language>().notNull().default('nb'),
    roles: text('roles').array().$type<StaffRole[]>().notNull(),
    teamIds: uuid('team_ids').array().notNull().default(sql`'{}'::uuid[]`),
    tokenHash: bytea('token_hash').notNull(),
    /** The administrator who invited; null for the platform operator's command line. */
    invitedBy: uuid('invited_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('staff_invitations_token').on(t.tokenHash),
    // One open invitation per address and municipality (an expired one is closed before a new one).
    uniqueIndex('staff_invitations_open')
      .on(t.kommunenummer, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    check('staff_invitations_email_lower', sql`${t.email} = lower(${t.email})`),
    check('staff_invitations_language', sql`${t.language} in ('nb', 'nn', 'en')`),
    check(
      'staff_invitations_roles',
      sql`cardinality(${t.roles}) > 0 and ${t.roles} <@ array['admin', 'saksbehandler', 'servicekontor', 'feltarbeider', 'leser']::text[]`,
    ),
  ],
);

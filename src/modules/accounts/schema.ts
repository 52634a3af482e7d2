import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Language } from '../../shared/language.ts';
import { municipalities, teams } from '../tenants/schema.ts';
import type { StaffRole } from './roles.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** A member of a municipality's staff. One account may work for several municipalities. */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased: the address is the login name. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    language: text('language').$type<Language>().notNull().default('nb'),
    /** argon2id hash; null for accounts that only log in through OIDC. */
    passwordHash: text('password_hash'),
    /** Issuer and subject of the OIDC identity linked to this account at its first OIDC login. */
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    /** Deactivated rather than deleted: the audit log and case history keep pointing at it. */
    active: boolean('active').notNull().default(true),
    /**
     * Runs the platform (set only from the command line): may change any account's name, address,
     * language and activity, which otherwise only the holder or an administrator of every
     * municipality the account belongs to may. Only in a session opened with the password.
     */
    platformOperator: boolean('platform_operator').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_users_email').on(t.email),
    uniqueIndex('staff_users_oidc').on(t.oidcIssuer, t.oidcSubject),
    check('staff_users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('staff_users_language', sql`${t.language} in ('nb', 'nn', 'en')`),
  ],
);

/** What an account may do in one municipality. */
export const staffRoles = pgTable(
  'staff_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    role: text('role').$type<StaffRole>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kommunenummer, t.role] }),
    index('staff_roles_municipality').on(t.kommunenummer),
    check(
      'staff_roles_role',
      sql`${t.role} in ('admin', 'saksbehandler', 'servicekontor', 'feltarbeider', 'leser')`,
    ),
  ],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user').on(t.userId)],
);

/**
 * A logged-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of
 * the database cannot be used to log in. The CSRF token is sent back in a header on every change.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tokenHash: bytea('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    /** How the session was opened: 'password' or 'oidc:{kommunenummer}'. */
    method: text('method').notNull(),
    /**
     * The one municipality a session opened through that municipality's identity provider may act
     * in; null for a password login (the account's own credential), which covers all its roles.
     */
    scopeKommunenummer: char('scope_kommunenummer', { length: 4 }),
    userAgent: text('user_agent'),
    /**
     * Set for a session kept on a device (the field app on a crew's phone): it lasts longer and is
     * listed by this name, so an admin can revoke a lost phone's session alone.
     */
    deviceName: text('device_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_sessions_user').on(t.userId), index('staff_sessions_expires').on(t.expiresAt)],
);

/**
 * Failed logins per key (an address and client together, an address from anywhere, or a client),
 * so guessing passwords is slow for every process at once, not per process. See login-throttle.ts.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** One-time links to set a new password; the token is only stored as its SHA-256. */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: bytea('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_resets_user').on(t.userId)],
);

/** A municipality's own OpenID provider for staff (Entra ID, Keycloak…): configuration as data. */
export const oidcProviders = pgTable('oidc_providers', {
  kommunenummer: char('kommunenummer', { length: 4 })
    .primaryKey()
    .references(() => municipalities.kommunenummer),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecret: text('client_secret').notNull(),
  /** Shown on the login button: "Logg inn med {label}". */
  label: text('label').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The state of an OIDC flow between the redirect to the provider and its callback: a login, or a
 * logged-in holder linking their account to the provider ('link', with their account and the
 * hash of the session that asked, which must still be alive when the provider sends them back).
 */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    state: text('state').primaryKey(),
    kommunenummer: char('kommunenummer', { length: 4 }).notNull(),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    intent: text('intent').$type<'login' | 'link'>().notNull().default('login'),
    userId: uuid('user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
    sessionTokenHash: bytea('session_token_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('oidc_logins_intent', sql`${t.intent} in ('login', 'link')`),
    check(
      'oidc_logins_link_owner',
      sql`${t.intent} = 'login' or (${t.userId} is not null and ${t.sessionTokenHash} is not null)`,
    ),
  ],
);

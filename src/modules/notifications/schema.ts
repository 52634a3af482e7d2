import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Language } from '../../shared/language.ts';
import { staffUsers } from '../accounts/schema.ts';
import { reportEvents, reports } from '../reports/schema.ts';
import { municipalities } from '../tenants/schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export type MessageChannel = 'email' | 'sms';
/**
 * queued: waiting to be sent (or for quiet hours to end); sent: the provider accepted it;
 * delivered: the SMS gateway reported delivery; failed: permanently refused (see last_error);
 * outbox: no provider configured (demo/dev) — kept for admins to read at /admin/outbox.
 */
export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'failed' | 'outbox';

/**
 * Every email and SMS the product sends, one row per event × recipient × channel. The unique
 * idempotency key makes a retried job or a duplicate run find the row that is already there
 * instead of sending twice.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** "{event}:{recipient}:{channel}", e.g. "report_event:123:email:kari@example.no". */
    idempotencyKey: text('idempotency_key').notNull(),
    /** What the message is about: receipt, status_changed, public_reply, merged, forwarded, fix_check… */
    kind: text('kind').notNull(),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'set null' }),
    reportEventId: bigint('report_event_id', { mode: 'number' }),
    /** For a notice's messages: which notice and version, and to which subscriber. */
    noticeId: uuid('notice_id'),
    noticeVersion: integer('notice_version'),
    subscriberId: uuid('subscriber_id'),
    channel: text('channel').$type<MessageChannel>().notNull(),
    recipient: text('recipient').notNull(),
    language: text('language').$type<Language>().notNull(),
    subject: text('subject'),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    status: text('status').$type<MessageStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The gateway's id for the message, to match delivery reports. */
    providerId: text('provider_id'),
    /** Not before this time (SMS quiet hours). */
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('messages_idempotency').on(t.idempotencyKey),
    index('messages_municipality_created').on(t.kommunenummer, t.createdAt.desc()),
    index('messages_due').on(t.sendAfter).where(sql`${t.status} = 'queued'`),
    // Partial: a notice's message has no report, and no message has a provider id until it is
    // sent, so indexing the nulls only made every fan-out insert pay for two more index entries.
    index('messages_provider').on(t.providerId).where(sql`${t.providerId} is not null`),
    index('messages_report').on(t.reportId).where(sql`${t.reportId} is not null`),
    // A notice's live counts (targeted / sent / delivered / failed) and the vulnerable call list.
    index('messages_notice').on(t.noticeId, t.noticeVersion).where(sql`${t.noticeId} is not null`),
    check('messages_channel', sql`${t.channel} in ('email', 'sms')`),
    check('messages_status', sql`${t.status} in ('queued', 'sent', 'delivered', 'failed', 'outbox')`),
  ],
);

/**
 * How far the relay has come with an event whose recipients take more than one batch (a report
 * with thousands of followers). The reporter, when the event goes to them, and every follower up to
 * `afterFollowerId` (in id order; null: none yet) have their messages. Written in the transaction
 * of each batch, so it always agrees with the messages committed; deleted with the event's last
 * batch. A relay stopped between batches resumes here instead of composing everything again.
 */
export const relayProgress = pgTable('notification_relay_progress', {
  reportEventId: bigint('report_event_id', { mode: 'number' })
    .primaryKey()
    .references(() => reportEvents.id, { onDelete: 'cascade' }),
  afterFollowerId: uuid('after_follower_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A municipality's own wording of a message, overriding the built-in text. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    kind: text('kind').notNull(),
    channel: text('channel').$type<MessageChannel>().notNull(),
    language: text('language').$type<Language>().notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('message_templates_key').on(t.kommunenummer, t.kind, t.channel, t.language)],
);

/** Email addresses that asked for no more email from Meldepunkt at all ("unsubscribe all"). */
export const emailUnsubscribes = pgTable('email_unsubscribes', {
  email: text('email').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** "Is it really fixed?": asked when a report reaches arbeid utført; answered by the reporter. */
export const fixChecks = pgTable(
  'fix_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token in the link; the token is only in the message. */
    tokenHash: bytea('token_hash').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** confirmed: it is fixed; reopened: it is not (the report went back to under_behandling). */
    outcome: text('outcome'),
    comment: text('comment'),
  },
  (t) => [
    uniqueIndex('fix_checks_token').on(t.tokenHash),
    index('fix_checks_report').on(t.reportId),
    index('fix_checks_unanswered').on(t.askedAt).where(sql`${t.answeredAt} is null`),
    check('fix_checks_outcome', sql`${t.outcome} is null or ${t.outcome} in ('confirmed', 'reopened')`),
  ],
);

/** What a staff member wants to hear about, per municipality. */
export const staffNotificationPrefs = pgTable(
  'staff_notification_prefs',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    kommunenummer: char('kommunenummer', { length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** New reports in my teams' categories: off, immediate, or a daily digest. */
    newReports: text('new_reports').notNull().default('digest'),
    acute: boolean('acute').notNull().default(true),
    deadlines: boolean('deadlines').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kommunenummer] }),
    check('staff_notification_prefs_new_reports', sql`${t.newReports} in ('off', 'immediate', 'digest')`),
  ],
);

/** SMS quiet hours and the "is it fixed?" reminder, per municipality (data, not code). */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    kommunenummer: char('kommunenummer', { length: 4 })
      .primaryKey()
      .references(() => municipalities.kommunenummer),
    /** No SMS (except acute) from this hour to the next morning's quietUntil, Oslo time. */
    smsQuietFrom: smallint('sms_quiet_from').notNull().default(21),
    smsQuietUntil: smallint('sms_quiet_until').notNull().default(8),
    fixReminderDays: smallint('fix_reminder_days').notNull().default(7),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'notification_settings_hours',
      sql`${t.smsQuietFrom} between 0 and 23 and ${t.smsQuietUntil} between 0 and 23`,
    ),
    check('notification_settings_reminder', sql`${t.fixReminderDays} between 1 and 60`),
  ],
);

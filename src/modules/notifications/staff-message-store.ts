// Emails to staff (alerts, digests, password reset links) go the same way as residents' messages:
// a row in `messages` with a unique idempotency key and a `message.send` job, in one transaction.
// A second run of the same alert finds the key taken and neither stores nor sends anything.
// Their text is made here rather than by render-message.ts: staff emails have no stop link of
// their own (the preferences page is the way to stop them) and no resident footer.
import type { PgBoss } from 'pg-boss';
import type { Database, Queryable } from '../../db/client.ts';
import { insertJobs } from '../../jobs/registry.ts';
import type { Language } from '../../shared/language.ts';
import { escapeHtml } from './render-message.ts';
import { messages } from './schema.ts';

export interface StaffEmail {
  kommunenummer: string;
  idempotencyKey: string;
  /** staff_new_report, staff_acute, staff_digest, staff_due_soon, staff_overdue, staff_invitation, password_reset */
  kind: string;
  reportId: string | null;
  recipient: string;
  language: Language;
  subject: string;
  bodyText: string;
  bodyHtml: string;
}

export interface StaffEmailDeps {
  db: Database;
  boss: PgBoss;
  /** Without an SMTP server the emails wait in the admins' outbox (demo mode). */
  emailConfigured: boolean;
}

const CHUNK = 500;

/** Stores the emails not stored before and queues a send job for each; returns how many were new. */
export async function queueStaffEmails(deps: StaffEmailDeps, emails: StaffEmail[]): Promise<number> {
  if (emails.length === 0) return 0;
  return deps.db.transaction((tx) => storeStaffEmails(tx, deps, emails));
}

/** As queueStaffEmails, inside the caller's transaction (the email goes with the change or not at all). */
export async function storeStaffEmails(
  tx: Queryable,
  deps: Pick<StaffEmailDeps, 'boss' | 'emailConfigured'>,
  emails: StaffEmail[],
): Promise<number> {
  let added = 0;
  for (let i = 0; i < emails.length; i += CHUNK) {
    const rows = await tx
      .insert(messages)
      .values(
        emails.slice(i, i + CHUNK).map((email) => ({
          ...email,
          channel: 'email' as const,
          status: deps.emailConfigured ? ('queued' as const) : ('outbox' as const),
        })),
      )
      .onConflictDoNothing({ target: messages.idempotencyKey })
      .returning({ id: messages.id, status: messages.status });
    added += rows.length;
    const jobs = rows.filter((r) => r.status === 'queued').map((r) => ({ data: { messageId: r.id } }));
    await insertJobs(deps.boss, 'message.send', jobs, tx);
  }
  return added;
}

/**
 * Plain text and HTML from the same paragraphs; every value escaped in the HTML, and our own
 * links made clickable. A paragraph's lines stay lines (a digest's list).
 */
export function staffEmailBody(
  language: Language,
  subject: string,
  paragraphs: string[],
  footer: string,
): { bodyText: string; bodyHtml: string } {
  const bodyText = `${paragraphs.join('\n\n')}\n\n-- \n${footer}\n`;
  const html = (paragraph: string) =>
    paragraph
      .split(/(https?:\/\/[^\s<>"]+)/)
      .map((part, i) =>
        i % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part),
      )
      .join('')
      .replace(/\n/g, '<br>');
  const bodyHtml = [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">',
    ...paragraphs.map((p) => `<p>${html(p)}</p>`),
    `<hr><p style="font-size: 90%; color: #444">${html(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { bodyText, bodyHtml };
}

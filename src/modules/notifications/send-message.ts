// Sends one message through its channel. A message is marked sent only after the provider took
// it, and only while it is still queued, so a second run of the same job sends nothing. What is
// left is the window between the provider accepting and the update committing (see
// docs/notifications.md): the Message-ID header and the gateway `reference` are the message id, so
// a resend in that window is recognisable downstream.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { webText } from '../../i18n/web.ts';
import { municipalities } from '../tenants/schema.ts';
import { type MessageChannelAdapter, PermanentError } from './channels.ts';
import { type MessageChannel, messages } from './schema.ts';
import { issueStopToken, stopUrl } from './stop-token.ts';

export interface SendDeps {
  db: Database;
  channels: Partial<Record<MessageChannel, MessageChannelAdapter>>;
  publicUrl: string;
  secret: Buffer;
  now?: () => Date;
}

export type SendOutcome =
  | { result: 'sent' | 'skipped' | 'outbox' | 'failed' }
  | { result: 'later'; at: Date }
  | { result: 'retry'; error: Error };

/** Messages to staff (alerts, password resets) have no "stop updates about this report" link. */
function isResidentMessage(kind: string): boolean {
  return !kind.startsWith('staff_') && kind !== 'password_reset';
}

/**
 * `lastAttempt`: pg-boss will not retry this job again, so a transient failure now is final.
 * Returns what happened; a 'retry' outcome is for the caller to fail the job with.
 */
export async function sendMessage(
  deps: SendDeps,
  messageId: string,
  lastAttempt: boolean,
): Promise<SendOutcome> {
  const [row] = await deps.db
    .select({
      id: messages.id,
      kind: messages.kind,
      channel: messages.channel,
      recipient: messages.recipient,
      language: messages.language,
      subject: messages.subject,
      bodyText: messages.bodyText,
      bodyHtml: messages.bodyHtml,
      status: messages.status,
      sendAfter: messages.sendAfter,
      municipalityName: municipalities.name,
      defaultLanguage: municipalities.defaultLanguage,
      contactEmail: municipalities.contactEmail,
    })
    .from(messages)
    .innerJoin(municipalities, eq(municipalities.kommunenummer, messages.kommunenummer))
    .where(eq(messages.id, messageId));
  // Gone, already sent, failed or delivered: this job has nothing left to do.
  if (row?.status !== 'queued') return { result: 'skipped' };
  const now = deps.now?.() ?? new Date();
  if (row.sendAfter.getTime() > now.getTime()) return { result: 'later', at: row.sendAfter };
  const channel = deps.channels[row.channel];
  if (!channel) {
    // The provider was unconfigured after the message was queued: keep it for the admin to read.
    await deps.db
      .update(messages)
      .set({ status: 'outbox' })
      .where(sql`${messages.id} = ${row.id} and ${messages.status} = 'queued'`);
    return { result: 'outbox' };
  }
  try {
    const sent = await channel.send({
      id: row.id,
      channel: row.channel,
      recipient: row.recipient,
      subject: row.subject,
      bodyText: row.bodyText,
      bodyHtml: row.bodyHtml,
      senderName: webText(row.defaultLanguage).layout.municipality(row.municipalityName),
      replyTo: row.contactEmail,
      stopUrl: isResidentMessage(row.kind)
        ? stopUrl(deps.publicUrl, issueStopToken(deps.secret, row.id), row.language)
        : undefined,
    });
    await deps.db
      .update(messages)
      .set({
        status: 'sent',
        sentAt: sql`now()`,
        providerId: sent.providerId ?? null,
        attempts: sql`${messages.attempts} + 1`,
      })
      .where(sql`${messages.id} = ${row.id} and ${messages.status} = 'queued'`);
    return { result: 'sent' };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const final = error instanceof PermanentError || lastAttempt;
    await deps.db
      .update(messages)
      .set({
        attempts: sql`${messages.attempts} + 1`,
        lastError: reason,
        ...(final ? { status: 'failed' as const, failedAt: sql`now()` } : {}),
      })
      .where(sql`${messages.id} = ${row.id} and ${messages.status} = 'queued'`);
    return final ? { result: 'failed' } : { result: 'retry', error: error as Error };
  }
}

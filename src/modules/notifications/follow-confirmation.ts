// The message a new follower confirms with: an email with a link, or an SMS with a 6-digit code.
// It goes the way every message goes (a `messages` row with a unique idempotency key and a
// `message.send` job), written in the caller's transaction, so it is sent exactly when the
// follow request is stored, and once. Its wording is the built-in `follow_confirm` template or
// the municipality's own, and it carries the stop link like every message: "I did not ask for
// this" removes the request at once.
import type { PgBoss } from 'pg-boss';
import type { Queryable } from '../../db/client.ts';
import { insertJobs } from '../../jobs/registry.ts';
import type { Language } from '../../shared/language.ts';
import { composeFor } from './compose-messages.ts';
import { loadReports, loadTemplateOverrides, loadUnsubscribed } from './relay-queries.ts';
import { type MessageChannel, messages } from './schema.ts';

export interface ConfirmationDeps {
  boss: PgBoss;
  publicUrl: string;
  secret: Buffer;
  /** Channels with a provider configured; the others go to the outbox. */
  configured: Record<MessageChannel, boolean>;
}

/** The page the emailed link opens (a button that confirms; opening it changes nothing). */
export function followConfirmUrl(
  publicUrl: string,
  slug: string,
  ref: string,
  token: string,
  language: Language,
): string {
  return `${publicUrl}/${slug}/meldinger/${ref}/folg/bekreft?token=${token}&lang=${language}`;
}

export interface Confirmation {
  followerId: string;
  reportId: string;
  channel: MessageChannel;
  address: string;
  language: Language;
  /** Email: the token for the link. SMS: the code. */
  secret: string;
  /** Makes the message's idempotency key: one message per request, even if a job runs twice. */
  requestKey: string;
}

/**
 * Stores the confirmation and its send job in `tx`. Returns false, storing nothing, when the
 * address asked for no email from the service at all.
 */
export async function queueFollowConfirmation(
  tx: Queryable,
  deps: ConfirmationDeps,
  confirmation: Confirmation,
): Promise<boolean> {
  const report = (await loadReports(tx, [confirmation.reportId])).get(confirmation.reportId);
  if (!report) return false;
  const unsubscribed =
    confirmation.channel === 'email' ? await loadUnsubscribed(tx, [confirmation.address]) : new Set<string>();
  if (unsubscribed.has(confirmation.address.toLowerCase())) return false;
  const context = {
    publicUrl: deps.publicUrl,
    secret: deps.secret,
    configured: deps.configured,
    overrides: await loadTemplateOverrides(tx, [report.kommunenummer]),
    unsubscribed,
    now: new Date(),
  };
  const recipient = {
    channel: confirmation.channel,
    address: confirmation.address,
    language: confirmation.language,
  };
  const message = composeFor(report, 'follow_confirm', recipient, context, {
    reportEventId: null,
    idempotencyKey: `follow_confirm:${confirmation.followerId}:${confirmation.requestKey}`,
    status: report.status,
    message: '',
    confirm:
      confirmation.channel === 'email'
        ? {
            confirmLink: followConfirmUrl(
              deps.publicUrl,
              report.slug,
              report.ref,
              confirmation.secret,
              confirmation.language,
            ),
          }
        : { code: confirmation.secret },
  });
  const [stored] = await tx
    .insert(messages)
    .values(message)
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning({ id: messages.id, status: messages.status });
  if (stored?.status === 'queued') {
    await insertJobs(deps.boss, 'message.send', [{ data: { messageId: stored.id } }], tx);
  }
  return stored !== undefined;
}

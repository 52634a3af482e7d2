// The message a new subscriber confirms with: an email with a link, or an SMS with a 6-digit
// code. It goes the way every message goes (a `messages` row with a unique idempotency key and a
// `message.send` job, see notifications/follow-confirmation.ts), written in the subscribe
// transaction, tagged with the subscriber, and it carries the stop link like every message.
import { randomUUID } from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import type { Queryable } from '../../db/client.ts';
import { webText } from '../../i18n/web.ts';
import { insertJobs } from '../../jobs/registry.ts';
import type { Language } from '../../shared/language.ts';
import { renderMessage } from '../notifications/render-message.ts';
import { type MessageChannel, messages } from '../notifications/schema.ts';
import { issueStopToken, stopUrl, unsubscribeUrl } from '../notifications/stop-token.ts';
import { CONFIRM_TEMPLATES } from './subscription-texts.ts';

export interface SubscriptionDeps {
  boss: PgBoss;
  publicUrl: string;
  secret: Buffer;
  /** Channels with a provider configured; the others go to the outbox. */
  configured: Record<MessageChannel, boolean>;
}

/** The page the emailed link opens (a button that confirms; opening it changes nothing). */
export function subscribeConfirmUrl(
  publicUrl: string,
  slug: string,
  token: string,
  language: Language,
): string {
  return `${publicUrl}/${slug}/driftsmeldinger/abonner/bekreft?token=${token}&lang=${language}`;
}

export interface SubscriptionConfirmation {
  subscriberId: string;
  kommunenummer: string;
  municipalityName: string;
  slug: string;
  channel: MessageChannel;
  recipient: string;
  language: Language;
  /** The place as the email names it (the address, or "the place you chose"). */
  place: string;
  /** Email: the link's token. SMS: the code. */
  secret: string;
  /** One message per request, even if asked twice. */
  requestKey: string;
}

export async function queueSubscriptionConfirmation(
  tx: Queryable,
  deps: SubscriptionDeps,
  c: SubscriptionConfirmation,
): Promise<void> {
  const id = randomUUID();
  const token = issueStopToken(deps.secret, id);
  const rendered = renderMessage(
    CONFIRM_TEMPLATES[c.language][c.channel],
    c.channel,
    c.language,
    {
      municipality: webText(c.language).layout.municipality(c.municipalityName),
      ref: '',
      category: '',
      status: '',
      message: c.place,
      link: '',
      forwardedTo: '',
      forwardedToEmail: '',
      mergedIntoRef: '',
      mergedIntoLink: '',
      ...(c.channel === 'email'
        ? { confirmLink: subscribeConfirmUrl(deps.publicUrl, c.slug, c.secret, c.language) }
        : { code: c.secret }),
    },
    {
      stop: stopUrl(deps.publicUrl, token, c.language),
      unsubscribe: unsubscribeUrl(deps.publicUrl, token, c.language),
    },
  );
  const [stored] = await tx
    .insert(messages)
    .values({
      id,
      kommunenummer: c.kommunenummer,
      idempotencyKey: `subscription_confirm:${c.subscriberId}:${c.channel}:${c.requestKey}`,
      kind: 'subscription_confirm',
      subscriberId: c.subscriberId,
      channel: c.channel,
      recipient: c.recipient,
      language: c.language,
      subject: rendered.subject,
      bodyText: rendered.bodyText,
      bodyHtml: rendered.bodyHtml,
      status: deps.configured[c.channel] ? 'queued' : 'outbox',
      // It answers what the person has just done: no waiting for SMS quiet hours.
      sendAfter: new Date(),
    })
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning({ id: messages.id, status: messages.status });
  if (stored?.status === 'queued') {
    await insertJobs(deps.boss, 'message.send', [{ data: { messageId: stored.id } }], tx);
  }
}

// Decides who hears about one event and what each of them reads. Pure: the relay hands it what
// it loaded and stores what it returns.
import { randomUUID } from 'node:crypto';
import { webText } from '../../i18n/web.ts';
import { type Language, localize } from '../../shared/language.ts';
import { STATUS_INFO } from '../reports/statuses.ts';
import { DEFAULT_TEMPLATES, type MessageKind, type Template } from './default-templates.ts';
import { smsSendAfter } from './quiet-hours.ts';
import type { PendingEvent, Person, ReportFacts, TemplateOverride } from './relay-queries.ts';
import { renderMessage } from './render-message.ts';
import type { MessageChannel, MessageStatus } from './schema.ts';
import { issueStopToken, stopUrl, unsubscribeUrl } from './stop-token.ts';

export interface NewMessage {
  id: string;
  kommunenummer: string;
  idempotencyKey: string;
  kind: MessageKind;
  reportId: string;
  reportEventId: number;
  channel: MessageChannel;
  recipient: string;
  language: Language;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  status: MessageStatus;
  sendAfter: Date;
}

export interface ComposeContext {
  publicUrl: string;
  secret: Buffer;
  /** Channels with a provider configured; the others go to the outbox. */
  configured: Record<MessageChannel, boolean>;
  overrides: TemplateOverride[];
  unsubscribed: Set<string>;
  now: Date;
}

/** Which message an event makes, if any (other public events are shown on the page only). */
export function messageKindOf(event: Pick<PendingEvent, 'kind' | 'status'>): MessageKind | undefined {
  switch (event.kind) {
    case 'received':
      return 'receipt';
    case 'status_changed':
      return event.status === 'utfort' ? 'done' : 'status_changed';
    case 'public_reply':
    case 'merged':
    case 'merged_into':
    case 'forwarded':
      return event.kind;
    default:
      return undefined;
  }
}

interface Recipient {
  channel: MessageChannel;
  address: string;
  language: Language;
}

/**
 * The reporter (on the channel they chose) and every follower (email when they gave one, else
 * SMS), each address once; never an address that unsubscribed from all email.
 */
export function recipientsOf(people: Person[], unsubscribed: Set<string>): Recipient[] {
  const seen = new Set<string>();
  const result: Recipient[] = [];
  for (const person of people) {
    let recipient: Recipient | undefined;
    if (person.role === 'reporter') {
      if (person.notify === 'email' && person.email)
        recipient = { channel: 'email', address: person.email, language: person.language };
      else if (person.notify === 'sms' && person.phone)
        recipient = { channel: 'sms', address: person.phone, language: person.language };
    } else if (person.email) {
      recipient = { channel: 'email', address: person.email, language: person.language };
    } else if (person.phone) {
      recipient = { channel: 'sms', address: person.phone, language: person.language };
    }
    if (!recipient) continue;
    const key = `${recipient.channel}:${recipient.address.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (recipient.channel === 'email' && unsubscribed.has(recipient.address.toLowerCase())) continue;
    result.push(recipient);
  }
  return result;
}

export function templateFor(
  overrides: TemplateOverride[],
  kommunenummer: string,
  kind: MessageKind,
  channel: MessageChannel,
  language: Language,
): Template {
  const builtIn = DEFAULT_TEMPLATES[language][kind][channel];
  const own = overrides.find(
    (o) =>
      o.kommunenummer === kommunenummer &&
      o.kind === kind &&
      o.channel === channel &&
      o.language === language,
  );
  return own ? { subject: own.subject ?? builtIn.subject, body: own.body } : builtIn;
}

/** The report's public page, in the reader's language when that is not the municipality's own. */
export function trackingLink(
  publicUrl: string,
  report: Pick<ReportFacts, 'slug' | 'default_language'>,
  ref: string,
  language: Language,
): string {
  const lang = language === report.default_language ? '' : `?lang=${language}`;
  return `${publicUrl}/${report.slug}/meldinger/${ref}${lang}`;
}

/** A public reply sent with a forwarding follows the "Forwarded to …" line the event starts with. */
function eventText(event: PendingEvent, kind: MessageKind): string {
  const text = event.message?.trim() ?? '';
  if (kind === 'forwarded')
    return text
      .split(/\n{2,}/)
      .slice(1)
      .join('\n\n');
  if (kind === 'merged_into' || kind === 'receipt') return '';
  return text;
}

export function composeMessages(
  event: PendingEvent,
  report: ReportFacts,
  people: Person[],
  context: ComposeContext,
): NewMessage[] {
  const kind = messageKindOf(event);
  if (!kind) return [];
  // The receipt thanks the one who reported; followers who joined meanwhile hear from the next step.
  const audience = kind === 'receipt' ? people.filter((p) => p.role === 'reporter') : people;
  return recipientsOf(audience, context.unsubscribed).map((recipient) => {
    const id = randomUUID();
    const token = issueStopToken(context.secret, id);
    const { language, channel } = recipient;
    const template = templateFor(context.overrides, report.kommunenummer, kind, channel, language);
    const rendered = renderMessage(
      template,
      channel,
      language,
      {
        municipality: webText(language).layout.municipality(report.municipality_name),
        ref: report.ref,
        category: localize(report.category_name, language),
        status: STATUS_INFO[event.status ?? report.status].label[language],
        message: eventText(event, kind),
        link: trackingLink(context.publicUrl, report, report.ref, language),
        forwardedTo: report.forwarded_to ?? '',
        forwardedToEmail: report.forwarded_to_email ?? '',
        mergedIntoRef: report.merged_into_ref ?? '',
        mergedIntoLink: report.merged_into_ref
          ? trackingLink(context.publicUrl, report, report.merged_into_ref, language)
          : '',
      },
      {
        stop: stopUrl(context.publicUrl, token, language === report.default_language ? undefined : language),
        unsubscribe: unsubscribeUrl(context.publicUrl, token, language),
      },
    );
    const sendAfter =
      channel === 'sms' && !report.acute
        ? smsSendAfter(context.now, { from: report.sms_quiet_from, until: report.sms_quiet_until })
        : context.now;
    return {
      id,
      kommunenummer: report.kommunenummer,
      idempotencyKey: `event:${event.id}:${channel}:${recipient.address.toLowerCase()}`,
      kind,
      reportId: report.id,
      reportEventId: event.id,
      channel,
      recipient: recipient.address,
      language,
      ...rendered,
      status: context.configured[channel] ? 'queued' : 'outbox',
      sendAfter,
    };
  });
}

// Decides who hears about one event and what each of them reads. Pure: the relay hands it what
// it loaded and stores what it returns.
import { randomUUID } from 'node:crypto';
import { webText } from '../../i18n/web.ts';
import { type Language, localize } from '../../shared/language.ts';
import { STATUS_INFO } from '../reports/statuses.ts';
import { DEFAULT_TEMPLATES, type MessageKind, type Template } from './default-templates.ts';
import { fixCheckUrl, issueFixCheckToken } from './fix-check-token.ts';
import { smsSendAfter } from './quiet-hours.ts';
import type { PendingEvent, Person, ReportFacts, TemplateOverride } from './relay-queries.ts';
import { type RenderValues, renderMessage } from './render-message.ts';
import type { MessageChannel, MessageStatus } from './schema.ts';
import { issueStopToken, stopUrl, unsubscribeUrl } from './stop-token.ts';

export interface NewMessage {
  id: string;
  kommunenummer: string;
  idempotencyKey: string;
  kind: MessageKind;
  reportId: string;
  reportEventId: number | null;
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
    case 'reopened':
    case 'public_reply':
    case 'merged':
    case 'merged_into':
    case 'forwarded':
      return event.kind;
    default:
      return undefined;
  }
}

export interface Recipient {
  channel: MessageChannel;
  address: string;
  language: Language;
}

/**
 * The reporter (on the channel they chose) and every follower (email when they gave one, else
 * SMS), each address once; never an address that unsubscribed from all email.
 */
export function recipientsOf(
  people: readonly Pick<Person, 'role' | 'email' | 'phone' | 'notify' | 'language'>[],
  unsubscribed: Set<string>,
): Recipient[] {
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

/** A composed message, and for the reporter's "done" message the id of the check its link asks. */
export type ComposedMessage = NewMessage & { fixCheckId?: string };

/** Whether this is the reporter's own address on their chosen channel (a follower may share it). */
function isReporter(recipient: Recipient, people: Person[]): boolean {
  const reporter = people.find((p) => p.role === 'reporter');
  if (!reporter || reporter.notify !== recipient.channel) return false;
  const address = recipient.channel === 'email' ? reporter.email : reporter.phone;
  return address?.toLowerCase() === recipient.address.toLowerCase();
}

/** Who hears about an event of this kind: the reporter, the followers, or both. */
export function audienceOf(kind: MessageKind): { reporter: boolean; followers: boolean } {
  // The receipt thanks the one who reported; followers who joined meanwhile hear from the next step.
  if (kind === 'receipt') return { reporter: true, followers: false };
  // The reporter reopened it themselves and was thanked on the page; the followers are told.
  if (kind === 'reopened') return { reporter: false, followers: true };
  return { reporter: true, followers: true };
}

export function composeMessages(
  event: PendingEvent,
  report: ReportFacts,
  people: Person[],
  context: ComposeContext,
): ComposedMessage[] {
  const kind = messageKindOf(event);
  if (!kind) return [];
  const audience = audienceOf(kind);
  const heard = people.filter((p) => (p.role === 'reporter' ? audience.reporter : audience.followers));
  return recipientsOf(heard, context.unsubscribed).map((recipient) => {
    // Only the reporter is asked whether it is really fixed; followers are told it is done.
    const fixCheckId = kind === 'done' && isReporter(recipient, people) ? randomUUID() : undefined;
    const message = composeFor(report, kind, recipient, context, {
      reportEventId: event.id,
      idempotencyKey: `event:${event.id}:${recipient.channel}:${recipient.address.toLowerCase()}`,
      status: event.status ?? report.status,
      message: eventText(event, kind),
      fixCheckId,
    });
    return fixCheckId ? { ...message, fixCheckId } : message;
  });
}

/** One message of this kind to one recipient (the relay's messages, and the fix-check reminder). */
export function composeFor(
  report: ReportFacts,
  kind: MessageKind,
  recipient: Recipient,
  context: ComposeContext,
  about: {
    reportEventId: number | null;
    idempotencyKey: string;
    status: ReportFacts['status'];
    message: string;
    fixCheckId?: string | undefined;
    /** A follower's confirmation: its link (email) or code (SMS). */
    confirm?: Pick<RenderValues, 'confirmLink' | 'code'>;
  },
): NewMessage {
  const id = randomUUID();
  const token = issueStopToken(context.secret, id);
  const { language, channel } = recipient;
  const ownLanguage = language === report.default_language ? undefined : language;
  const template = templateFor(context.overrides, report.kommunenummer, kind, channel, language);
  const rendered = renderMessage(
    template,
    channel,
    language,
    {
      municipality: webText(language).layout.municipality(report.municipality_name),
      ref: report.ref,
      category: localize(report.category_name, language),
      status: STATUS_INFO[about.status].label[language],
      message: about.message,
      link: trackingLink(context.publicUrl, report, report.ref, language),
      forwardedTo: report.forwarded_to ?? '',
      forwardedToEmail: report.forwarded_to_email ?? '',
      mergedIntoRef: report.merged_into_ref ?? '',
      mergedIntoLink: report.merged_into_ref
        ? trackingLink(context.publicUrl, report, report.merged_into_ref, language)
        : '',
      ...about.confirm,
    },
    {
      stop: stopUrl(context.publicUrl, token, ownLanguage),
      unsubscribe: unsubscribeUrl(context.publicUrl, token, language),
      fixCheck: about.fixCheckId
        ? fixCheckUrl(context.publicUrl, issueFixCheckToken(context.secret, about.fixCheckId), ownLanguage)
        : undefined,
    },
  );
  // A confirmation answers what the person has just done, and its code works for 30 minutes:
  // like an acute report's messages, it does not wait for the end of SMS quiet hours.
  const sendAfter =
    channel === 'sms' && !report.acute && kind !== 'follow_confirm'
      ? smsSendAfter(context.now, { from: report.sms_quiet_from, until: report.sms_quiet_until })
      : context.now;
  return {
    id,
    kommunenummer: report.kommunenummer,
    idempotencyKey: about.idempotencyKey,
    kind,
    reportId: report.id,
    reportEventId: about.reportEventId,
    channel,
    recipient: recipient.address,
    language,
    ...rendered,
    status: context.configured[channel] ? 'queued' : 'outbox',
    sendAfter,
  };
}

// Which placeholders each message may use, and the checks a municipality's own wording must
// pass: only placeholders the message has values for, and an SMS that fits two text messages
// once filled with sample values and the stop link (as the relay renders it). Sample values are
// also what the admin's preview shows.
import { webText } from '../../i18n/web.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { type Language, type LocalizedText, localize } from '../../shared/language.ts';
import { type ReportStatus, STATUS_INFO } from '../reports/statuses.ts';
import { trackingLink } from './compose-messages.ts';
import type { MessageKind, Template } from './default-templates.ts';
import { fixCheckUrl, issueFixCheckToken } from './fix-check-token.ts';
import { followConfirmUrl } from './follow-confirmation.ts';
import { messageTemplateMessages } from './message-template-messages.ts';
import { isGsm7, type RenderedMessage, type RenderValues, renderMessage } from './render-message.ts';
import type { MessageChannel } from './schema.ts';
import { issueStopToken, stopUrl, unsubscribeUrl } from './stop-token.ts';

const COMMON = ['municipality', 'ref', 'category', 'status', 'link'];
const EXTRA: Record<MessageKind, string[]> = {
  receipt: [],
  status_changed: ['message'],
  public_reply: ['message'],
  merged: ['message'],
  merged_into: ['mergedIntoRef', 'mergedIntoLink'],
  forwarded: ['message', 'forwardedTo', 'forwardedToEmail', 'forwardedContact'],
  done: ['message'],
  reopened: [],
  fix_reminder: [],
  follow_confirm: ['confirmLink', 'code'],
};

/** Placeholders a wording must keep, or the message is of no use: a confirmation without its link or code. */
const REQUIRED: Partial<Record<MessageKind, Record<MessageChannel, string[]>>> = {
  follow_confirm: { email: ['confirmLink'], sms: ['code'] },
};

/**
 * The placeholders a kind × channel may use. SMS never carries the reply text ({message}); a
 * confirmation by email carries a link and by SMS a code, never the other.
 */
export function allowedPlaceholders(kind: MessageKind, channel: MessageChannel): string[] {
  const all = [...COMMON, ...EXTRA[kind]];
  return channel === 'sms'
    ? all.filter((p) => p !== 'message' && p !== 'confirmLink')
    : all.filter((p) => p !== 'code');
}

/** Two GSM-7 segments; with one character outside GSM-7 the SMS is UCS-2, 67 per segment. */
export const SMS_LIMIT = 306;
export const SMS_LIMIT_UCS2 = 134;
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

export function smsLength(text: string): number {
  return [...text].reduce((n, c) => n + (GSM7_EXTENSION.has(c) ? 2 : 1), 0);
}

export interface SampleFacts {
  kommunenummer: string;
  municipalityName: string;
  slug: string;
  defaultLanguage: Language;
  categoryName: LocalizedText;
  publicUrl: string;
  secret: Buffer;
}

const SAMPLE_MESSAGE: Record<Language, string> = {
  nb: 'Vi har sendt en mannskapsbil, og lekkasjen blir tettet i løpet av dagen.',
  nn: 'Vi har sendt ein mannskapsbil, og lekkasjen blir tetta i løpet av dagen.',
  en: 'We have sent a crew, and the leak will be fixed during the day.',
};

const SAMPLE_ID = '00000000-0000-4000-8000-000000000042';

const STATUS_OF: Record<MessageKind, ReportStatus> = {
  receipt: 'mottatt',
  status_changed: 'under_behandling',
  public_reply: 'under_behandling',
  merged: 'under_behandling',
  merged_into: 'duplikat',
  forwarded: 'videresendt',
  done: 'utfort',
  reopened: 'under_behandling',
  fix_reminder: 'utfort',
  follow_confirm: 'under_behandling',
};

/** The message a template makes for a made-up report 4001-2026-00042, rendered as the relay does. */
export function renderSample(
  facts: SampleFacts,
  template: Template,
  kind: MessageKind,
  channel: MessageChannel,
  language: Language,
  options: { withFixCheck: boolean } = { withFixCheck: true },
): RenderedMessage {
  const ref = `${facts.kommunenummer}-2026-00042`;
  const mergedIntoRef = `${facts.kommunenummer}-2026-00041`;
  const report = { slug: facts.slug, default_language: facts.defaultLanguage };
  const values: RenderValues = {
    municipality: webText(language).layout.municipality(facts.municipalityName),
    ref,
    category: localize(facts.categoryName, language),
    status: STATUS_INFO[STATUS_OF[kind]].label[language],
    message: SAMPLE_MESSAGE[language],
    link: trackingLink(facts.publicUrl, report, ref, language),
    forwardedTo: 'Statens vegvesen',
    forwardedToEmail: 'firmapost@vegvesen.no',
    mergedIntoRef,
    mergedIntoLink: trackingLink(facts.publicUrl, report, mergedIntoRef, language),
    // As long as the real ones: a 43-character token, six digits.
    confirmLink: followConfirmUrl(facts.publicUrl, facts.slug, ref, 'x'.repeat(43), language),
    code: '123456',
  };
  // A real token's length, so the SMS is measured as it will be sent.
  const token = issueStopToken(facts.secret, SAMPLE_ID);
  const ownLanguage = language === facts.defaultLanguage ? undefined : language;
  return renderMessage(template, channel, language, values, {
    stop: stopUrl(facts.publicUrl, token, ownLanguage),
    unsubscribe: unsubscribeUrl(facts.publicUrl, token, language),
    // The reporter's "done" message and the reminder also carry the "is it fixed?" link.
    ...(options.withFixCheck && (kind === 'done' || kind === 'fix_reminder')
      ? { fixCheck: fixCheckUrl(facts.publicUrl, issueFixCheckToken(facts.secret, SAMPLE_ID), ownLanguage) }
      : {}),
  });
}

/** What is wrong with a template; empty when it may be saved. */
export function templateProblems(
  facts: SampleFacts,
  template: Template,
  kind: MessageKind,
  channel: MessageChannel,
  language: Language,
): ErrorDetail[] {
  const allowed = allowedPlaceholders(kind, channel);
  const problems: ErrorDetail[] = [];
  for (const [field, text] of [
    ['subject', template.subject ?? ''],
    ['body', template.body],
  ] as const) {
    const names = new Set([...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1] ?? ''));
    for (const name of names) {
      if (!allowed.includes(name)) {
        problems.push({
          field,
          code: 'unknown_placeholder',
          message: messageTemplateMessages.unknownPlaceholder(name, allowed),
        });
      }
    }
  }
  for (const name of REQUIRED[kind]?.[channel] ?? []) {
    if (!template.body.includes(`{${name}}`)) {
      problems.push({
        field: 'body',
        code: 'missing_placeholder',
        message: messageTemplateMessages.missingPlaceholder(name),
      });
    }
  }
  if ((template.subject ?? '').length > 200) {
    problems.push({ field: 'subject', code: 'too_long', message: messageTemplateMessages.subjectTooLong() });
  }
  if (channel === 'sms') {
    // Measured as a follower gets it: the reporter's copy of "done" (and the reminder) also
    // carries the "is it fixed?" link, which the system adds and no wording can shorten.
    const text = renderSample(facts, template, kind, channel, language, { withFixCheck: false }).bodyText;
    const gsm = isGsm7(text);
    const limit = gsm ? SMS_LIMIT : SMS_LIMIT_UCS2;
    const length = gsm ? smsLength(text) : [...text].length;
    if (length > limit) {
      problems.push({
        field: 'body',
        code: 'sms_too_long',
        message: messageTemplateMessages.smsTooLong(length, limit),
      });
      // Why the limit is lower than the 306 the admin may expect.
      if (!gsm)
        problems.push({ field: 'body', code: 'sms_not_gsm7', message: messageTemplateMessages.smsNotGsm() });
    }
  }
  return problems;
}

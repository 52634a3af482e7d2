// The admin's preview of a message template: the text (and for email the HTML) the relay would
// send for a made-up report, with the same renderer, and what would stop the template from being
// saved. An empty body previews the built-in text.
import type { ErrorDetail } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { DEFAULT_TEMPLATES, type MessageKind } from './default-templates.ts';
import { renderSample, type SampleFacts, smsLength, templateProblems } from './message-template-rules.ts';
import type { RenderedMessage } from './render-message.ts';
import type { MessageChannel } from './schema.ts';

export interface MessagePreview extends RenderedMessage {
  /** Characters as an SMS counts them (SMS only, else null). */
  smsLength: number | null;
  problems: ErrorDetail[];
}

export function previewMessage(
  facts: SampleFacts,
  input: {
    kind: MessageKind;
    channel: MessageChannel;
    language: Language;
    subject?: string | null | undefined;
    body: string;
  },
): MessagePreview {
  const builtIn = DEFAULT_TEMPLATES[input.language][input.kind][input.channel];
  const body = input.body.replace(/\r\n/g, '\n').trim();
  const template =
    body === ''
      ? builtIn
      : { subject: input.channel === 'sms' ? null : input.subject?.trim() || builtIn.subject, body };
  const rendered = renderSample(facts, template, input.kind, input.channel, input.language);
  return {
    ...rendered,
    smsLength: input.channel === 'sms' ? smsLength(rendered.bodyText) : null,
    problems: templateProblems(facts, template, input.kind, input.channel, input.language),
  };
}

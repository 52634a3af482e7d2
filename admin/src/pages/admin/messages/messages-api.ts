// The message template API (src/modules/notifications/message-template-routes.ts) on the typed
// client, and the words for its kinds, channels and placeholders.
import { client, ok } from '../../../api/client.ts';
import { type Answer, MESSAGE_CHANNELS, MESSAGE_KINDS } from '../../../api/types.ts';
import type { TextKey, Translator } from '../../../i18n/index.ts';

export { MESSAGE_KINDS };
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const CHANNELS = MESSAGE_CHANNELS;
export type Channel = (typeof CHANNELS)[number];
/** Two GSM-7 text messages (SMS_LIMIT in message-template-rules.ts). */
export const SMS_LIMIT = 306;

const TEMPLATES = '/api/v1/staff/m/{kommunenummer}/admin/message-templates';

export type TemplateEntry = Answer<typeof TEMPLATES>['templates'][number];
export type TemplateText = TemplateEntry['default'];
export type Preview = Answer<`${typeof TEMPLATES}/preview`, 'post'>;

export const messagesApi = {
  list: (kommunenummer: string, signal?: AbortSignal) =>
    ok(client.GET(TEMPLATES, { params: { path: { kommunenummer } }, signal })),
  save: (
    kommunenummer: string,
    { kind, channel, language }: Pick<TemplateEntry, 'kind' | 'channel' | 'language'>,
    text: TemplateText,
  ) =>
    ok(
      client.PUT(`${TEMPLATES}/{kind}/{channel}/{language}`, {
        params: { path: { kommunenummer, kind, channel, language } },
        body: text,
      }),
    ),
  preview: (
    kommunenummer: string,
    draft: Pick<TemplateEntry, 'kind' | 'channel' | 'language'> & TemplateText,
    signal?: AbortSignal,
  ) => ok(client.POST(`${TEMPLATES}/preview`, { params: { path: { kommunenummer } }, body: draft, signal })),
};

export function isKind(value: string | undefined): value is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(value ?? '');
}

export function kindName(t: Translator, kind: MessageKind): string {
  return t(`admin.messages.kind.${kind}`);
}

export function channelName(t: Translator, channel: Channel): string {
  return t(`admin.messages.channel.${channel}`);
}

const PLACEHOLDER_KEYS: Record<string, TextKey> = {
  municipality: 'admin.messages.ph.municipality',
  ref: 'admin.messages.ph.ref',
  category: 'admin.messages.ph.category',
  status: 'admin.messages.ph.status',
  link: 'admin.messages.ph.link',
  message: 'admin.messages.ph.message',
  mergedIntoRef: 'admin.messages.ph.mergedIntoRef',
  mergedIntoLink: 'admin.messages.ph.mergedIntoLink',
  forwardedTo: 'admin.messages.ph.forwardedTo',
  forwardedToEmail: 'admin.messages.ph.forwardedToEmail',
  forwardedContact: 'admin.messages.ph.forwardedContact',
  confirmLink: 'admin.messages.ph.confirmLink',
  code: 'admin.messages.ph.code',
};

/** What a placeholder stands for; a new one the server adds is shown by name alone. */
export function placeholderMeaning(t: Translator, name: string): string | null {
  const key = PLACEHOLDER_KEYS[name];
  return key ? t(key) : null;
}

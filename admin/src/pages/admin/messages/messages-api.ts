// The message template API's shapes (src/modules/notifications/message-template-routes.ts) and
// the words for its kinds, channels and placeholders.
import type { Language, TextKey, Translator } from '../../../i18n/index.ts';

export const MESSAGE_KINDS = [
  'receipt',
  'status_changed',
  'public_reply',
  'merged',
  'merged_into',
  'forwarded',
  'done',
  'reopened',
  'fix_reminder',
  'follow_confirm',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Two GSM-7 text messages (SMS_LIMIT in message-template-rules.ts). */
export const SMS_LIMIT = 306;

export interface TemplateText {
  subject: string | null;
  body: string;
}

export interface TemplateEntry {
  kind: MessageKind;
  channel: Channel;
  language: Language;
  placeholders: string[];
  default: TemplateText;
  override: (TemplateText & { updatedAt: string }) | null;
}

export interface Preview {
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  smsLength: number | null;
  problems: { field: string; code: string; message: string }[];
}

export function templatesPath(kommunenummer: string): string {
  return `/api/v1/staff/m/${kommunenummer}/admin/message-templates`;
}

export function entryPath(kommunenummer: string, e: Pick<TemplateEntry, 'kind' | 'channel' | 'language'>) {
  return `${templatesPath(kommunenummer)}/${e.kind}/${e.channel}/${e.language}`;
}

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

// Turns a template and the facts of one event into the text of one message. Placeholders are
// plain {name}; the email's HTML is made from the same text with every value escaped, so a
// resident's or staff member's words can never become markup. Every message ends with the stop
// link; email also with the global unsubscribe link. A reporter's "done" message and the reminder
// also carry the "is it fixed?" link, added here so no template can leave it out.
import type { Language } from '../../shared/language.ts';
import { FOOTER, type Template } from './default-templates.ts';
import type { MessageChannel } from './schema.ts';

export interface RenderValues {
  municipality: string;
  ref: string;
  category: string;
  status: string;
  message: string;
  link: string;
  forwardedTo: string;
  forwardedToEmail: string;
  mergedIntoRef: string;
  mergedIntoLink: string;
  /** Only in a follower's confirmation: the link (email) or the 6-digit code (SMS). */
  confirmLink?: string;
  code?: string;
}

export interface RenderedMessage {
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
}

export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? '') : whole,
  );
}

/** Empty placeholders leave empty paragraphs behind; close them up. */
function tidy(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

export function renderMessage(
  template: Template,
  channel: MessageChannel,
  language: Language,
  values: RenderValues,
  links: { stop: string; unsubscribe: string; fixCheck?: string | undefined },
): RenderedMessage {
  const footer = FOOTER[language];
  const fixLine = links.fixCheck ? `${footer.fixCheck}: ${links.fixCheck}` : '';
  const all: Record<string, string> = {
    ...values,
    forwardedContact: values.forwardedToEmail ? footer.forwardedContact(values.forwardedToEmail) : '',
  };
  if (channel === 'sms') {
    const filled = tidy(fillPlaceholders(template.body, { ...all, message: '' })).replace(/\s+/g, ' ');
    const body = fixLine ? `${filled} ${fixLine}` : filled;
    return { subject: null, bodyText: toGsm7(`${body}\n${footer.stopSms}: ${links.stop}`), bodyHtml: null };
  }
  const body = tidy(`${fillPlaceholders(template.body, all)}\n\n${fixLine}`);
  const subject = fillPlaceholders(template.subject ?? '{ref}', all)
    .replace(/\s+/g, ' ')
    .trim();
  const text = `${body}\n\n-- \n${footer.why}\n${footer.stop}: ${links.stop}\n${footer.unsubscribe}: ${links.unsubscribe}\n`;
  const html = [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">',
    ...body.split('\n\n').map((paragraph) => `<p>${paragraphHtml(paragraph)}</p>`),
    `<hr><p style="font-size: 90%; color: #444">${escapeHtml(footer.why)}<br>`,
    `<a href="${escapeHtml(links.stop)}">${escapeHtml(footer.stop)}</a><br>`,
    `<a href="${escapeHtml(links.unsubscribe)}">${escapeHtml(footer.unsubscribe)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, bodyText: text, bodyHtml: html };
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes a paragraph, keeps its line breaks, and makes our own http(s) links clickable. */
function paragraphHtml(paragraph: string): string {
  return paragraph
    .split(/(https?:\/\/[^\s<>"]+)/)
    .map((part, i) =>
      i % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part),
    )
    .join('')
    .replace(/\n/g, '<br>');
}

// The GSM 03.38 basic character set: a text of only these fits 160 characters per SMS; one
// character outside it makes the whole text UCS-2 (70 per SMS).
const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: still GSM-7, but each counts as two characters. */
const GSM7_EXTENSION = '^{}\\[~]|€\f';
const GSM7_SET = new Set(GSM7 + GSM7_EXTENSION);
const REPLACEMENTS: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '…': '...',
  ' ': ' ',
};

export function isGsm7(text: string): boolean {
  return [...text].every((c) => GSM7_SET.has(c));
}

/** Swaps the usual typographic characters for GSM-7 ones, so an SMS is not sent as UCS-2 for a dash. */
export function toGsm7(text: string): string {
  return [...text].map((c) => (GSM7_SET.has(c) ? c : (REPLACEMENTS[c] ?? c))).join('');
}

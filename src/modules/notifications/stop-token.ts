// The token in every message's stop link: the message's id and an HMAC over it with the
// application secret (the same secret and style as the web form tokens). Stateless, short enough
// for an SMS, and free of personal data: the message row says which report and which address.
// It never expires: a resident may want to stop updates from a month-old message.
import { createHmac, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'notification-stop';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sign(secret: Buffer, id: Buffer): Buffer {
  return createHmac('sha256', secret).update(PURPOSE).update(':').update(id).digest().subarray(0, 12);
}

export function issueStopToken(secret: Buffer, messageId: string): string {
  const id = Buffer.from(messageId.replace(/-/g, ''), 'hex');
  return Buffer.concat([id, sign(secret, id)]).toString('base64url');
}

/** The message id the token names, or undefined when it was not made by us. */
export function readStopToken(secret: Buffer, token: unknown): string | undefined {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{38}$/.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== 28) return undefined;
  const id = bytes.subarray(0, 16);
  if (!timingSafeEqual(bytes.subarray(16), sign(secret, id))) return undefined;
  const hex = id.toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return UUID.test(uuid) ? uuid : undefined;
}

/** Without a language, the page speaks the municipality's own (and the link is shorter for SMS). */
export function stopUrl(publicUrl: string, token: string, language: string | undefined): string {
  return `${publicUrl}/api/v1/notifications/stop?token=${token}${language ? `&lang=${language}` : ''}`;
}

export function unsubscribeUrl(publicUrl: string, token: string, language: string): string {
  return `${publicUrl}/api/v1/notifications/stop?token=${token}&lang=${language}&scope=all`;
}

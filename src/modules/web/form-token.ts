// Every form on the residents' pages carries a token the server signed when it served the form
// (HMAC over the form's purpose and the time). A post without a valid, recent token was not made
// from our page: that stops other sites from posting forms on a visitor's behalf. Stateless, so it
// works inside another site's iframe, where cookies may not be sent.
import { createHmac, timingSafeEqual } from 'node:crypto';

const MAX_AGE_MS = 24 * 3600_000;

function sign(secret: Buffer, purpose: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`${purpose}:${issuedAt}`).digest('base64url').slice(0, 32);
}

export function issueFormToken(secret: Buffer, purpose: string, now = Date.now()): string {
  return `${now.toString(36)}.${sign(secret, purpose, now)}`;
}

export function isValidFormToken(secret: Buffer, purpose: string, token: unknown, now = Date.now()): boolean {
  if (typeof token !== 'string') return false;
  const [time, signature] = token.split('.');
  const issuedAt = Number.parseInt(time ?? '', 36);
  if (!signature || !Number.isFinite(issuedAt) || now - issuedAt > MAX_AGE_MS || issuedAt - now > 60_000)
    return false;
  const expected = Buffer.from(sign(secret, purpose, issuedAt));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

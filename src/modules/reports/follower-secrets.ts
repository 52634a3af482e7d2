// The secrets of following a report. The emailed link carries 32 random bytes, kept only as their
// SHA-256. The SMS code is 6 digits, far too few to keep as a plain hash (a million guesses undo
// it), so it is kept as an HMAC with the application secret, bound to the report and the number.
// The hourly caps count clients and addresses by HMACs too, so the table of requests holds no
// address a reader could recover.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 32 bytes in base64url, no padding. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newLinkToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function isLinkToken(token: unknown): token is string {
  return typeof token === 'string' && LINK_TOKEN.test(token);
}

export function newCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

export function hashCode(secret: Buffer, reportId: string, phone: string, code: string): Buffer {
  return createHmac('sha256', secret).update(`follow-code:${reportId}:${phone}:${code}`).digest();
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What a cap counts by: a client address or a followed address, never kept in the clear. */
export function capKey(secret: Buffer, kind: 'client' | 'address', value: string): Buffer {
  return createHmac('sha256', secret).update(`follow-cap:${kind}:${value.toLowerCase()}`).digest();
}

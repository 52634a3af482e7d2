// The token in an "is it really fixed?" link. It is 32 bytes derived from the application secret
// and the check's id (HMAC-SHA256), not drawn at random: the one reminder must carry the same
// link as the "done" message, and the token itself is never stored — only its SHA-256, which is
// what a presented token is looked up by. Anyone without the secret can neither guess a token nor
// compute one from the database.
import { createHash, createHmac } from 'node:crypto';

const PURPOSE = 'fix-check';
/** 32 bytes in base64url, no padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const FIX_CHECK_PATH = '/api/v1/notifications/fixed';

export function issueFixCheckToken(secret: Buffer, checkId: string): string {
  return createHmac('sha256', secret).update(PURPOSE).update(':').update(checkId).digest('base64url');
}

export function hashFixCheckToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function isFixCheckToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

/** Without a language the page speaks the reporter's own (shorter for SMS). */
export function fixCheckUrl(publicUrl: string, token: string, language?: string): string {
  return `${publicUrl}${FIX_CHECK_PATH}?token=${token}${language ? `&lang=${language}` : ''}`;
}

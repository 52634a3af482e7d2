// The secrets of confirming a subscription. The emailed link's token is 32 random bytes kept as
// their SHA-256 (the same kind as a follower's, reports/follower-secrets.ts). The SMS code is 6
// digits, too few to keep as a plain hash, so it is an HMAC with the application secret bound to
// the subscriber. The code form names its subscriber by a signed reference (never by the bare id
// in a URL, never by the address), so nobody can try codes for someone else's subscription.
import { createHmac, timingSafeEqual } from 'node:crypto';

export { hashLinkToken, isLinkToken, newCode, newLinkToken, sameHash } from '../reports/follower-secrets.ts';

/** How long a link or a code works. */
export const CONFIRM_TTL_MS = 24 * 3600_000;
/** Wrong codes before the code is dropped. */
export const MAX_CODE_ATTEMPTS = 5;

export function hashSubscriberCode(secret: Buffer, subscriberId: string, code: string): Buffer {
  return createHmac('sha256', secret).update(`subscribe-code:${subscriberId}:${code}`).digest();
}

const PURPOSE = 'subscriber-ref';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sign(secret: Buffer, id: Buffer): Buffer {
  return createHmac('sha256', secret).update(PURPOSE).update(':').update(id).digest().subarray(0, 16);
}

/** The hidden reference the code form carries: the id and an HMAC over it. */
export function issueSubscriberRef(secret: Buffer, subscriberId: string): string {
  const id = Buffer.from(subscriberId.replace(/-/g, ''), 'hex');
  return Buffer.concat([id, sign(secret, id)]).toString('base64url');
}

export function readSubscriberRef(secret: Buffer, ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(ref)) return undefined;
  const bytes = Buffer.from(ref, 'base64url');
  if (bytes.length !== 32) return undefined;
  const id = bytes.subarray(0, 16);
  if (!timingSafeEqual(bytes.subarray(16), sign(secret, id))) return undefined;
  const hex = id.toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return UUID.test(uuid) ? uuid : undefined;
}

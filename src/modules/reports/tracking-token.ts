// The tracking token is the reporter's private key to their report: 256 random bits, handed out
// once in the receipt, stored only as a SHA-256 hash.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function createTrackingToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashTrackingToken(token) };
}

export function hashTrackingToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function trackingTokenMatches(token: string, hash: Buffer): boolean {
  const candidate = hashTrackingToken(token);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

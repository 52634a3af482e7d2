import { describe, expect, it } from 'vitest';
import { createTrackingToken, hashTrackingToken, trackingTokenMatches } from './tracking-token.ts';

describe('tracking tokens', () => {
  it('are 43 base64url characters carrying 256 bits', () => {
    const { token } = createTrackingToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('differ every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => createTrackingToken().token));
    expect(tokens.size).toBe(100);
  });

  it('come with their 32-byte SHA-256 hash, not the token itself', () => {
    const { token, hash } = createTrackingToken();
    expect(hash).toHaveLength(32);
    expect(hash.equals(hashTrackingToken(token))).toBe(true);
    expect(hash.toString('base64url')).not.toBe(token);
  });

  it('match only the right token', () => {
    const { token, hash } = createTrackingToken();
    expect(trackingTokenMatches(token, hash)).toBe(true);
    expect(trackingTokenMatches(createTrackingToken().token, hash)).toBe(false);
    expect(trackingTokenMatches(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, hash)).toBe(false);
    expect(trackingTokenMatches('', hash)).toBe(false);
  });

  it('do not match a hash of the wrong length instead of throwing', () => {
    const { token, hash } = createTrackingToken();
    expect(trackingTokenMatches(token, hash.subarray(0, 16))).toBe(false);
    expect(trackingTokenMatches(token, Buffer.alloc(0))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { describeRequest, IDEMPOTENCY_KEY_PATTERN, seal, unseal } from './idempotency.ts';

const key = 'c0ffee-4a7b-9d1e-idem';
const token = 'Vq3kYt0rS8xN2mZp5LhW7bC1dF4gJ6kQ9rT0uX2yA3E';
// What is sealed is the tracking token itself.
const answer = token;

describe('seal and unseal', () => {
  it('round-trips the tracking token', () => {
    expect(unseal(key, seal(key, answer))).toEqual(answer);
  });

  it('seals the same answer differently each time (fresh IV)', () => {
    expect(seal(key, answer).equals(seal(key, answer))).toBe(false);
  });

  it('does not put the plaintext, or the tracking token, into the sealed bytes', () => {
    const sealed = seal(key, answer);
    expect(sealed.includes(Buffer.from(token))).toBe(false);
  });

  it('refuses to unseal with a different key', () => {
    const sealed = seal(key, answer);
    expect(() => unseal('another-key-1234', sealed)).toThrow();
  });

  it('refuses tampered bytes', () => {
    const sealed = seal(key, answer);
    const last = sealed.length - 1;
    sealed[last] = (sealed[last] ?? 0) ^ 0x01;
    expect(() => unseal(key, sealed)).toThrow();
  });
});

describe('describeRequest', () => {
  it('hashes bodies independent of key order', () => {
    const a = describeRequest(key, { category: 'vann-lekkasje', location: { lat: 59.14, lon: 9.66 } });
    const b = describeRequest(key, { location: { lon: 9.66, lat: 59.14 }, category: 'vann-lekkasje' });
    expect(a.requestHash.equals(b.requestHash)).toBe(true);
    expect(a.requestHash).toHaveLength(32);
  });

  it('gives different hashes for different bodies', () => {
    const a = describeRequest(key, { category: 'vann-lekkasje', description: 'Lekker' });
    const b = describeRequest(key, { category: 'vann-lekkasje', description: 'Lekker!' });
    const c = describeRequest(key, { category: 'vann-lekkasje', description: 'Lekker', extra: null });
    expect(a.requestHash.equals(b.requestHash)).toBe(false);
    expect(a.requestHash.equals(c.requestHash)).toBe(false);
  });

  it('stores a hash of the key, not the key, and the same key gives the same hash', () => {
    const a = describeRequest(key, {});
    expect(a.key).toBe(key);
    expect(a.keyHash).toHaveLength(32);
    expect(a.keyHash.includes(Buffer.from(key))).toBe(false);
    expect(a.keyHash.toString('hex')).not.toBe(Buffer.from(key).toString('hex'));
    expect(describeRequest(key, { other: true }).keyHash.equals(a.keyHash)).toBe(true);
    expect(describeRequest(`${key}x`, {}).keyHash.equals(a.keyHash)).toBe(false);
  });
});

describe('IDEMPOTENCY_KEY_PATTERN', () => {
  it.each([
    ['8 characters', 'abcdefgh'],
    ['a UUID', '0b9f1c2e-5d3a-4e8f-9a7b-1c2d3e4f5a6b'],
    ['visible punctuation', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'],
    ['255 characters', 'k'.repeat(255)],
  ])('accepts %s', (_what, value) => {
    expect(IDEMPOTENCY_KEY_PATTERN.test(value)).toBe(true);
  });

  it.each([
    ['7 characters', 'abcdefg'],
    ['256 characters', 'k'.repeat(256)],
    ['a space', 'abcd efgh'],
    ['a tab', 'abcd\tefgh'],
    ['a newline at the end', 'abcdefgh\n'],
    ['non-ASCII', 'nøkkel-1234'],
    ['DEL', 'abcdefgh\x7f'],
    ['empty', ''],
  ])('rejects %s', (_what, value) => {
    expect(IDEMPOTENCY_KEY_PATTERN.test(value)).toBe(false);
  });
});

// The envelope that keeps stored secrets: AES-256-GCM, versioned, naming its key, bound to where
// the value is stored; several keys at once for rotation.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring, envelopeKeyId, isEncrypted, SecretsKeyError } from './keyring.ts';
import { generateKey, keyIdOf, parseKey, parseKeys } from './keys.ts';

const CONTEXT = 'oidc_providers.client_secret:4001';

describe('the keyring for stored secrets', () => {
  it('round-trips a secret through a v1 envelope naming the key, never holding the plaintext', () => {
    const key = randomBytes(32);
    const keyring = createKeyring([key]);
    const envelope = keyring.encrypt('top-secret-value æøå', CONTEXT);
    expect(envelope).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(envelopeKeyId(envelope)).toBe(keyIdOf(key));
    expect(keyIdOf(key)).toMatch(/^[0-9a-f]{8}$/);
    expect(envelope).not.toContain('top-secret');
    expect(isEncrypted(envelope)).toBe(true);
    expect(isEncrypted('top-secret-value')).toBe(false);
    expect(keyring.decrypt(envelope, CONTEXT)).toBe('top-secret-value æøå');
    // A fresh IV each time: the same secret never looks the same twice.
    expect(keyring.encrypt('top-secret-value æøå', CONTEXT)).not.toBe(envelope);
  });

  it('refuses with a clear error: a missing key, a wrong key, another row’s value, a changed value, plain text', () => {
    const old = createKeyring([randomBytes(32)]);
    const envelope = old.encrypt('s3cret', CONTEXT);
    const other = createKeyring([randomBytes(32)]);
    expect(() => other.decrypt(envelope, CONTEXT)).toThrow(SecretsKeyError);
    expect(() => other.decrypt(envelope, CONTEXT)).toThrow(
      `was encrypted with key ${envelopeKeyId(envelope)}, which is not among the configured keys (${other.keyIds[0]})`,
    );
    // Same key id, different key: the id is only the first 32 bits of a hash, so this is faked here.
    const forged = envelope.replace(/^v1\.[0-9a-f]{8}/, `v1.${other.keyIds[0]}`);
    expect(() => other.decrypt(forged, CONTEXT)).toThrow('does not decrypt with key');
    expect(() => old.decrypt(envelope, 'oidc_providers.client_secret:4003')).toThrow('does not decrypt');
    const [v, id, iv, ciphertext = '', tag] = envelope.split('.');
    const flipped = `${ciphertext.startsWith('A') ? 'B' : 'A'}${ciphertext.slice(1)}`;
    expect(() => old.decrypt([v, id, iv, flipped, tag].join('.'), CONTEXT)).toThrow('does not decrypt');
    expect(() => old.decrypt('s3cret', CONTEXT)).toThrow('is not encrypted');
  });

  it('encrypts with the first key and decrypts with any, so keys can be rotated', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = createKeyring([oldKey]).encrypt('s3cret', CONTEXT);
    const both = createKeyring([newKey, oldKey]);
    expect(both.keyIds).toEqual([keyIdOf(newKey), keyIdOf(oldKey)]);
    expect(both.decrypt(before, CONTEXT)).toBe('s3cret');
    const after = both.encrypt('s3cret', CONTEXT);
    expect(envelopeKeyId(after)).toBe(keyIdOf(newKey));
    expect(createKeyring([newKey]).decrypt(after, CONTEXT)).toBe('s3cret');
  });

  it('reads keys as base64 (standard or URL-safe) or 64 hex digits, several separated by commas', () => {
    const key = randomBytes(32);
    for (const text of [
      key.toString('base64'),
      key.toString('base64url'),
      key.toString('hex'),
      ` ${key.toString('hex').toUpperCase()} `,
    ]) {
      expect(parseKey(text)?.equals(key), text).toBe(true);
    }
    for (const bad of [
      '',
      'secret',
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('base64'),
      'z'.repeat(64),
    ]) {
      expect(parseKey(bad), bad).toBeUndefined();
    }
    const second = randomBytes(32);
    expect(parseKeys(`${key.toString('base64')}, ${second.toString('hex')},${key.toString('hex')}`)).toEqual([
      key,
      second,
    ]);
    expect(parseKeys(`${key.toString('base64')},nonsense`)).toBeUndefined();
    expect(parseKeys(' , ')).toBeUndefined();
    expect(parseKey(generateKey())).toHaveLength(32);
  });
});

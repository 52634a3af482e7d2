// Tests pass the key for stored secrets explicitly, as SECRETS_KEY would: one fixed key, so a
// test can also encrypt a row it inserts itself (or read one back) with the app's keyring.
import { createKeyring, type Keyring } from '../../src/modules/secrets/keyring.ts';

/** 32 bytes as SECRETS_KEY holds them (base64). Only ever used by tests. */
export const TEST_SECRETS_KEY = 'dGVzdC1vbmx5LXNlY3JldHMta2V5LTMyLWJ5dGVzLi4=';

export function testKeys(): Buffer[] {
  return [Buffer.from(TEST_SECRETS_KEY, 'base64')];
}

export function testKeyring(): Keyring {
  return createKeyring(testKeys());
}

// Secrets kept in the database (the form-token secret, OIDC client secrets) are stored encrypted
// with AES-256-GCM under a key that lives outside the database: a copy of the database alone
// reveals none of them. Each value is an envelope `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url
// parts; keyId = the first 8 hex digits of the key's SHA-256), so several keys can be in use at
// once: the first key encrypts, every key decrypts, and rotation re-encrypts with the first.
// The envelope is bound to where it is stored (the `context`, as additional authenticated data),
// so a value copied into another row does not decrypt there.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError } from '../../config.ts';
import { KEY_BYTES, keyIdOf } from './keys.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const ENVELOPE = /^v1\.([0-9a-f]{8})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{22})$/;

/** A stored secret that cannot be read with the configured keys: the process must not go on. */
export class SecretsKeyError extends ConfigError {
  override name = 'SecretsKeyError';
}

export function isEncrypted(value: string): boolean {
  return ENVELOPE.test(value);
}

/** The id of the key an envelope was made with; undefined for anything that is not an envelope. */
export function envelopeKeyId(value: string): string | undefined {
  return ENVELOPE.exec(value)?.[1];
}

export interface Keyring {
  /** The ids of the configured keys, the encrypting one first. */
  readonly keyIds: readonly string[];
  encrypt(plaintext: string, context: string): string;
  /** Throws a SecretsKeyError naming the key when the value cannot be decrypted. */
  decrypt(envelope: string, context: string): string;
}

export function createKeyring(keys: readonly Buffer[]): Keyring {
  const [first] = keys;
  if (!first) throw new SecretsKeyError('No key to encrypt stored secrets with.');
  if (keys.some((k) => k.length !== KEY_BYTES)) {
    throw new SecretsKeyError(`Keys for stored secrets must be ${KEY_BYTES} bytes.`);
  }
  const byId = new Map(keys.map((key) => [keyIdOf(key), key]));
  const firstId = keyIdOf(first);
  return {
    keyIds: [...byId.keys()],
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', first, iv);
      cipher.setAAD(Buffer.from(context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64url'));
      return [VERSION, firstId, ...parts].join('.');
    },
    decrypt(envelope, context) {
      const match = ENVELOPE.exec(envelope);
      if (!match) {
        throw new SecretsKeyError(
          `The stored secret ${context} is not encrypted (or not in a known format).`,
        );
      }
      const [, keyId = '', iv = '', ciphertext = '', tag = ''] = match;
      const key = byId.get(keyId);
      if (!key) {
        throw new SecretsKeyError(
          `The stored secret ${context} was encrypted with key ${keyId}, which is not among the configured keys ` +
            `(${[...byId.keys()].join(', ')}). Add that key to SECRETS_KEY (after a comma) or restore the right key file.`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new SecretsKeyError(
          `The stored secret ${context} does not decrypt with key ${keyId}: the value was changed or copied from elsewhere.`,
        );
      }
    },
  };
}

// `npm run secrets -- rotate`: after a new key was put first in SECRETS_KEY (or the key file),
// every stored secret is re-encrypted with it, so the old key can then be removed. Values already
// under the first key are left alone, so running it twice changes nothing the second time.
import type { Queryable } from '../../db/client.ts';
import { envelopeKeyId, type Keyring } from './keyring.ts';
import { contextOf, readStoredSecrets, replaceStoredSecret } from './stored-secrets.ts';

export interface RotationResult {
  reencrypted: number;
  unchanged: number;
}

/** Throws a SecretsKeyError, before changing anything, when any value cannot be decrypted. */
export async function rotateSecrets(db: Queryable, keyring: Keyring): Promise<RotationResult> {
  const [current] = keyring.keyIds;
  const secrets = (await readStoredSecrets(db)).filter((s) => s.value !== '');
  // Decrypt everything first: a value no configured key opens stops the rotation untouched.
  const plain = secrets.map((secret) =>
    envelopeKeyId(secret.value) === undefined
      ? secret.value
      : keyring.decrypt(secret.value, contextOf(secret)),
  );
  const result: RotationResult = { reencrypted: 0, unchanged: 0 };
  for (const [i, secret] of secrets.entries()) {
    if (envelopeKeyId(secret.value) === current) {
      result.unchanged++;
      continue;
    }
    const value = keyring.encrypt(plain[i] ?? '', contextOf(secret));
    if (await replaceStoredSecret(db, secret, value)) result.reencrypted++;
  }
  return result;
}

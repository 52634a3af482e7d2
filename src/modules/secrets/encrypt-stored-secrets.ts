// At every start: secrets still stored in plain text (written before encryption existed, or by
// hand) are encrypted with the first key. Safe to run by several processes at once: each value
// is replaced only if it is still the plain text that was read.
import type { Queryable } from '../../db/client.ts';
import { isEncrypted, type Keyring } from './keyring.ts';
import { contextOf, readStoredSecrets, replaceStoredSecret } from './stored-secrets.ts';

/** Returns how many values this call encrypted. */
export async function encryptStoredSecrets(db: Queryable, keyring: Keyring): Promise<number> {
  let encrypted = 0;
  for (const secret of await readStoredSecrets(db)) {
    // An empty value is no secret (and "has a secret" is read from it being non-empty).
    if (secret.value === '' || isEncrypted(secret.value)) continue;
    if (await replaceStoredSecret(db, secret, keyring.encrypt(secret.value, contextOf(secret)))) encrypted++;
  }
  return encrypted;
}

// `npm run secrets -- check`: which configured keys the stored secrets are encrypted with, so the
// operator knows when an old key is no longer needed, and whether any value cannot be read.
import type { Queryable } from '../../db/client.ts';
import { envelopeKeyId, type Keyring } from './keyring.ts';
import { contextOf, readStoredSecrets } from './stored-secrets.ts';

export interface SecretStatus {
  /** Where it is stored, e.g. "oidc_providers.client_secret:4001". */
  context: string;
  /** The key id it is encrypted with; null when it is still plain text. */
  keyId: string | null;
  readable: boolean;
  problem?: string;
}

export interface SecretsCheck {
  secrets: SecretStatus[];
  /** Configured key ids, the encrypting one first, with how many values each encrypts. */
  keys: { keyId: string; uses: number }[];
}

export async function checkSecrets(db: Queryable, keyring: Keyring): Promise<SecretsCheck> {
  const secrets: SecretStatus[] = [];
  for (const secret of await readStoredSecrets(db)) {
    if (secret.value === '') continue;
    const context = contextOf(secret);
    const keyId = envelopeKeyId(secret.value) ?? null;
    if (keyId === null) {
      secrets.push({ context, keyId, readable: false, problem: 'stored in plain text' });
      continue;
    }
    try {
      keyring.decrypt(secret.value, context);
      secrets.push({ context, keyId, readable: true });
    } catch (error) {
      secrets.push({ context, keyId, readable: false, problem: (error as Error).message });
    }
  }
  const keys = keyring.keyIds.map((keyId) => ({
    keyId,
    uses: secrets.filter((s) => s.keyId === keyId && s.readable).length,
  }));
  return { secrets, keys };
}

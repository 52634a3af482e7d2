// Where the keys for stored secrets come from: SECRETS_KEY when it is set (required with a
// database server, where several processes must share them), otherwise the key file in DATA_DIR.
import type { Config } from '../../config.ts';
import { loadKeyFile } from './key-file.ts';
import { createKeyring, type Keyring, SecretsKeyError } from './keyring.ts';

export interface LoadedKeyring {
  keyring: Keyring;
  /** Where the keys came from, for messages: "SECRETS_KEY" or the key file's path. */
  source: string;
  /** Set when the key file was made just now, or is readable by others than its owner. */
  notice?: string;
}

export async function loadKeyring(
  config: Pick<Config, 'secretsKeys' | 'databaseMode' | 'dataDir'>,
  options: { createKeyFile: boolean },
): Promise<LoadedKeyring> {
  if (config.secretsKeys.length > 0) {
    return { keyring: createKeyring(config.secretsKeys), source: 'SECRETS_KEY' };
  }
  if (config.databaseMode === 'server') {
    throw new SecretsKeyError(
      'SECRETS_KEY is not set: with DATABASE_URL it is required. Make one with `npm run secrets -- generate-key`.',
    );
  }
  const file = await loadKeyFile(config.dataDir, { create: options.createKeyFile });
  const notice = file.created
    ? `made a new key for stored secrets in ${file.path}; back it up with the database`
    : file.readableByOthers
      ? `${file.path} can be read by other users; make it private with chmod 600`
      : undefined;
  return { keyring: createKeyring(file.keys), source: file.path, ...(notice ? { notice } : {}) };
}

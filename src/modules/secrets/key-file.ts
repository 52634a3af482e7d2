// In embedded mode the key that encrypts stored secrets is made on the first start and kept in
// the data directory (DATA_DIR/secrets.key, readable by its owner only), beside but outside the
// database: a copy of DATA_DIR/pglite alone reveals no secret. The file has the same format as
// SECRETS_KEY, so a second key can be added to it for rotation.
import { chmod, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SecretsKeyError } from './keyring.ts';
import { generateKey, parseKeys } from './keys.ts';

export const KEY_FILE_NAME = 'secrets.key';

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE_NAME);
}

export interface KeyFile {
  keys: Buffer[];
  path: string;
  /** True when this call made the file. */
  created: boolean;
  /** True when others than the owner may read it (it should be 0600). */
  readableByOthers: boolean;
}

async function readKeyFile(file: string): Promise<Omit<KeyFile, 'created'>> {
  const keys = parseKeys(await readFile(file, 'utf8'));
  if (!keys) {
    throw new SecretsKeyError(
      `${file} does not hold a key: expected 32 bytes as base64 or 64 hex digits (several separated by commas).`,
    );
  }
  const { mode } = await stat(file);
  return { keys, path: file, readableByOthers: (mode & 0o077) !== 0 };
}

/** Reads the key file, making it first when `create` is set and it does not exist yet. */
export async function loadKeyFile(dataDir: string, options: { create: boolean }): Promise<KeyFile> {
  const file = keyFilePath(dataDir);
  if (options.create) {
    try {
      // 'wx': only if it does not exist, so a key is never overwritten.
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(`${generateKey()}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await chmod(file, 0o600);
      return { ...(await readKeyFile(file)), created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  try {
    return { ...(await readKeyFile(file)), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SecretsKeyError(
        `There is no key file ${file}. Start the server once to make it, or set SECRETS_KEY.`,
      );
    }
    throw error;
  }
}

// Embedded mode's key file: made once with mode 0600 in DATA_DIR, then read as it is.
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { keyFilePath, loadKeyFile } from './key-file.ts';
import { keyIdOf } from './keys.ts';
import { loadKeyring } from './load-keyring.ts';

describe('the key file in embedded mode', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  async function dataDir(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-keyfile-'));
    dirs.push(dir);
    return dir;
  }

  it('is made once, readable by its owner only, and read unchanged afterwards', async () => {
    const dir = await dataDir();
    const first = await loadKeyFile(dir, { create: true });
    expect(first).toMatchObject({ created: true, readableByOthers: false, path: keyFilePath(dir) });
    expect((await stat(keyFilePath(dir))).mode & 0o777).toBe(0o600);
    const text = await readFile(keyFilePath(dir), 'utf8');
    const again = await loadKeyFile(dir, { create: true });
    expect(again.created).toBe(false);
    expect(again.keys).toEqual(first.keys);
    expect(await readFile(keyFilePath(dir), 'utf8')).toBe(text);

    const loaded = await loadKeyring({ ...loadConfig({ DATA_DIR: dir }) }, { createKeyFile: true });
    expect(loaded.keyring.keyIds).toEqual([keyIdOf(first.keys[0] ?? Buffer.alloc(0))]);
    expect(loaded.notice).toBeUndefined();
  });

  it('says so when it is missing, malformed or readable by others; SECRETS_KEY wins over it', async () => {
    const dir = await dataDir();
    await expect(loadKeyFile(dir, { create: false })).rejects.toThrow('There is no key file');
    await writeFile(keyFilePath(dir), 'not a key\n', { mode: 0o600 });
    await expect(loadKeyFile(dir, { create: true })).rejects.toThrow('does not hold a key');
    await writeFile(keyFilePath(dir), `${Buffer.alloc(32, 1).toString('base64')}\n`);
    await chmod(keyFilePath(dir), 0o644);
    const wide = await loadKeyring(loadConfig({ DATA_DIR: dir }), { createKeyFile: true });
    expect(wide.notice).toContain('chmod 600');
    const fromEnv = await loadKeyring(
      loadConfig({ DATA_DIR: dir, SECRETS_KEY: Buffer.alloc(32, 2).toString('hex') }),
      { createKeyFile: true },
    );
    expect(fromEnv).toMatchObject({
      source: 'SECRETS_KEY',
      keyring: { keyIds: [keyIdOf(Buffer.alloc(32, 2))] },
    });
  });

  it('is never a substitute for SECRETS_KEY with a database server', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db.example.no/m' }, { requireSecretsKey: false });
    await expect(loadKeyring(config, { createKeyFile: true })).rejects.toThrow('SECRETS_KEY is not set');
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalPhotoStorage, type PhotoStorage, type PhotoVariant } from './storage.ts';

describe('local photo storage', () => {
  let root: string;
  let dir: string;
  let storage: PhotoStorage;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'meldepunkt-storage-test-'));
    dir = path.join(root, 'photos');
    storage = createLocalPhotoStorage(dir);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('keeps both variants under the key, and removes them together', async () => {
    const key = randomUUID();
    await storage.put(key, 'large', Buffer.from('large bytes'));
    await storage.put(key, 'thumb', Buffer.from('thumb bytes'));
    expect((await storage.get(key, 'large'))?.toString()).toBe('large bytes');
    expect((await storage.get(key, 'thumb'))?.toString()).toBe('thumb bytes');
    // Only the finished files are there: no temporary file is left beside them.
    expect((await readdir(path.join(dir, key))).sort()).toEqual(['large.webp', 'thumb.webp']);

    await storage.remove(key);
    expect(await storage.get(key, 'large')).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it('replaces a file whole', async () => {
    const key = randomUUID();
    await storage.put(key, 'large', Buffer.alloc(100_000, 1));
    await storage.put(key, 'large', Buffer.from('new'));
    expect((await storage.get(key, 'large'))?.toString()).toBe('new');
  });

  it('answers undefined for a key it does not have', async () => {
    expect(await storage.get(randomUUID(), 'thumb')).toBeUndefined();
  });

  it('refuses keys that could reach outside its directory, before touching the filesystem', async () => {
    // A file outside the photo directory that a traversing key would reach.
    await writeFile(path.join(root, 'secret.webp'), 'not a photo');
    const keys = ['..', '../secret', '../../etc/passwd', '/etc', `${randomUUID()}/..`, 'a'.repeat(36), ''];
    for (const key of keys) {
      await expect(storage.put(key, 'large', Buffer.from('x'))).rejects.toThrow(/Not a photo storage key/);
      await expect(storage.get(key, 'large')).rejects.toThrow(/Not a photo storage key/);
      await expect(storage.remove(key)).rejects.toThrow(/Not a photo storage key/);
    }
    // A variant is checked too: `../../secret` would name `${root}/secret.webp`.
    await expect(storage.get(randomUUID(), '../../secret' as PhotoVariant)).rejects.toThrow(
      /Not a photo variant/,
    );
    expect((await readdir(root)).sort()).toEqual(['secret.webp']);
  });
});

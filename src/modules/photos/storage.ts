// Where processed photos are kept. The interface is small on purpose: a local directory now, and
// S3-compatible object storage later for deployments with several app servers.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export const PHOTO_VARIANTS = ['large', 'thumb'] as const;
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number];

export interface PhotoStorage {
  put(key: string, variant: PhotoVariant, data: Buffer): Promise<void>;
  /** Undefined when there is no such file. */
  get(key: string, variant: PhotoVariant): Promise<Buffer | undefined>;
  /** Removes both variants; removing what is not there is not an error. */
  remove(key: string): Promise<void>;
}

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newPhotoKey(): string {
  return randomUUID();
}

/**
 * Keys are random UUIDs, and nothing else may reach the filesystem: a key such as `../../etc`
 * would otherwise write or read outside the photo directory.
 */
function checkKey(key: string, variant?: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`Not a photo storage key: ${JSON.stringify(key)}`);
  if (variant !== undefined && !(PHOTO_VARIANTS as readonly string[]).includes(variant)) {
    throw new Error(`Not a photo variant: ${JSON.stringify(variant)}`);
  }
}

/** Photos as `${dir}/${key}/${variant}.webp`. */
export function createLocalPhotoStorage(dir: string): PhotoStorage {
  const fileOf = (key: string, variant: PhotoVariant) => path.join(dir, key, `${variant}.webp`);

  return {
    async put(key, variant, data) {
      checkKey(key, variant);
      const target = fileOf(key, variant);
      await mkdir(path.dirname(target), { recursive: true });
      // Written beside the target and renamed over it, so a reader sees the whole file or none;
      // synced first, so a crash right after the report is committed cannot leave an empty file.
      const temporary = `${target}.${randomUUID()}.tmp`;
      try {
        const file = await open(temporary, 'wx');
        try {
          await file.writeFile(data);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },

    async get(key, variant) {
      checkKey(key, variant);
      try {
        return await readFile(fileOf(key, variant));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },

    async remove(key) {
      checkKey(key);
      await rm(path.join(dir, key), { recursive: true, force: true });
    },
  };
}

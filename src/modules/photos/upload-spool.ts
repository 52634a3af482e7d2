// Uploads go to temporary files as they arrive, never whole into memory: a request's photos are
// streamed to a directory of its own under the system's temporary directory, with the type checked
// from the first bytes as soon as they are in (a file that is no photo is not written further),
// the size bounded while it streams, and a SHA-256 taken on the way (for Idempotency-Keys).
// The directory is removed when the request's response closes, however it ends: answered, refused,
// failed, or cut off by the client.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { MAX_PHOTO_BYTES, refusalForType } from './process-photo.ts';

/** Enough of a file's start for file-type to recognise any image format it knows. */
const HEAD_BYTES = 4100;
export const UPLOAD_DIR_PREFIX = 'meldepunkt-upload-';

export interface SpooledPhoto {
  /** The temporary file; sharp reads it from here. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface UploadSpool {
  /**
   * Reads one file part to the end. Resolves with the stored file, or rejects with the photo's
   * refusal (not a photo, HEIC, too large) after reading the rest of the part without keeping it,
   * so the next parts of the form can still be read.
   */
  receive(file: Readable & { truncated?: boolean }): Promise<SpooledPhoto>;
  /** Removes every file of this spool; safe to call more than once. */
  removeAll(): Promise<void>;
}

export function tooLarge(): AppError {
  return new AppError(413, 'photo_too_large', messages.photoTooLarge(MAX_PHOTO_BYTES / 1024 / 1024));
}

export function openUploadSpool(root: string = tmpdir()): UploadSpool {
  let dir: Promise<string> | undefined;
  let count = 0;
  let removed = false;

  return {
    async receive(file) {
      if (removed) throw new AppError(400, 'form_unreadable', messages.formUnreadable());
      dir ??= mkdtemp(path.join(root, UPLOAD_DIR_PREFIX));
      count += 1;
      const target = path.join(await dir, `${count}.upload`);
      const out = createWriteStream(target, { flags: 'wx' });
      const closed = once(out, 'close');
      const hash = createHash('sha256');
      let head: Buffer[] | undefined = [];
      let headBytes = 0;
      let bytes = 0;
      let refusal: AppError | undefined;

      const checkHead = async () => {
        const start = Buffer.concat(head ?? []);
        head = undefined;
        refusal = refusalForType(await fileTypeFromBuffer(start));
      };

      try {
        for await (const chunk of file as AsyncIterable<Buffer>) {
          if (refusal) continue; // read to the end of the part, keep nothing
          bytes += chunk.length;
          if (head) {
            head.push(chunk);
            headBytes += chunk.length;
            if (headBytes >= HEAD_BYTES) await checkHead();
          }
          if (refusal) continue;
          hash.update(chunk);
          if (!out.write(chunk)) await once(out, 'drain');
        }
        if (!refusal && head) await checkHead();
        if (!refusal && (file.truncated || bytes > MAX_PHOTO_BYTES)) refusal = tooLarge();
        if (!refusal && bytes === 0)
          refusal = new AppError(415, 'photo_unsupported_type', messages.photoNotAnImage());
      } finally {
        out.end();
        await closed;
      }
      if (refusal) {
        await rm(target, { force: true });
        throw refusal;
      }
      return { path: target, bytes, sha256: hash.digest('hex') };
    },

    async removeAll() {
      removed = true;
      if (dir) await rm(await dir, { recursive: true, force: true });
    },
  };
}

/**
 * A spool whose files are removed when the response to this request closes: after it was sent,
 * or when the connection broke. Nothing outlives the request.
 */
export function uploadSpoolFor(reply: FastifyReply): UploadSpool {
  const spool = openUploadSpool();
  reply.raw.once('close', () => {
    void spool.removeAll().catch((error: unknown) => {
      reply.log.warn({ err: error }, 'temporary upload files not removed');
    });
  });
  return spool;
}

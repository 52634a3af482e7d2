// Uploads go to temporary files as they arrive, never whole into memory: a request's photos are
// streamed to a directory of its own under the system's temporary directory, with the type checked
// from the first bytes as soon as they are in (a file that is no photo is not written further),
// the size bounded while it streams, and a SHA-256 taken on the way (for Idempotency-Keys).
// The directory is removed when the request's response closes, however it ends: answered, refused,
// failed, or cut off by the client.
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
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
      try {
        return await streamToFile(file, out, target);
      } catch (error) {
        out.destroy();
        await rm(target, { force: true });
        throw error;
      }
    },

    async removeAll() {
      removed = true;
      if (dir) await rm(await dir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes the part to the file with backpressure. Refuses as soon as the first bytes show it is no
 * photo, or it grows past the limit; from then on the rest of the part is read and dropped (the
 * data listener stays), so busboy goes on to the next part while the refusal is already known.
 */
function streamToFile(
  file: Readable & { truncated?: boolean },
  out: WriteStream,
  target: string,
): Promise<SpooledPhoto> {
  return new Promise<SpooledPhoto>((resolve, reject) => {
    const hash = createHash('sha256');
    let head: Buffer[] | undefined = [];
    let headBytes = 0;
    let bytes = 0;
    let settled = false;

    const refuse = (error: unknown) => {
      if (settled) return;
      settled = true;
      file.resume();
      reject(error);
    };

    /**
     * The type from the first bytes; the stream waits meanwhile. `end` can still come while the
     * check runs (the last chunk was already emitted), so it waits for `checked` too.
     */
    let checked: Promise<void> = Promise.resolve();
    const checkHead = (then: () => void) => {
      const start = Buffer.concat(head ?? []);
      head = undefined;
      file.pause();
      checked = fileTypeFromBuffer(start).then((type) => {
        const refusal = refusalForType(type);
        if (refusal) refuse(refusal);
        else {
          then();
          file.resume();
        }
      }, refuse);
    };

    const finish = () => {
      if (settled) return;
      if (file.truncated || bytes > MAX_PHOTO_BYTES) return refuse(tooLarge());
      if (bytes === 0) return refuse(new AppError(415, 'photo_unsupported_type', messages.photoNotAnImage()));
      out.end(() => {
        if (settled) return;
        settled = true;
        resolve({ path: target, bytes, sha256: hash.digest('hex') });
      });
    };

    const write = (chunk: Buffer) => {
      hash.update(chunk);
      if (!out.write(chunk)) {
        file.pause();
        out.once('drain', () => file.resume());
      }
    };

    file.on('data', (chunk: Buffer) => {
      if (settled) return; // refused: read on, keep nothing
      bytes += chunk.length;
      if (bytes > MAX_PHOTO_BYTES) return refuse(tooLarge());
      if (!head) return write(chunk);
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= HEAD_BYTES) {
        const held = head;
        checkHead(() => {
          for (const part of held) write(part);
        });
      }
    });
    file.on('limit', () => refuse(tooLarge()));
    file.on('end', () => {
      void checked.then(() => {
        if (settled) return;
        if (!head) return finish();
        const held = head;
        checkHead(() => {
          for (const part of held) write(part);
        });
        void checked.then(finish);
      });
    });
    file.on('error', refuse);
    out.on('error', refuse);
  });
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

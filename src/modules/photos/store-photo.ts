// Puts processed photos into photo storage, and takes them out again when the report or draft
// they were meant for is not stored after all.
import type { Database } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/text.ts';
import type { StoredPhoto } from '../reports/insert-received-report.ts';
import { PhotosBusyError, photoGate } from './photo-gate.ts';
import { type PhotoInput, processPhoto } from './process-photo.ts';
import { countDraftPhotos, insertDraftPhoto, lockDraft } from './queries.ts';
import { newPhotoKey, type PhotoStorage } from './storage.ts';

export const MAX_PHOTOS_PER_REPORT = 5;

/**
 * Processes one upload and stores both sizes under a new random key. The decoding waits its turn
 * at the process's photo gate (photo-gate.ts), and is refused with a 503 when too many wait.
 */
export async function storePhoto(storage: PhotoStorage, input: PhotoInput): Promise<StoredPhoto> {
  const photo = await photoGate.run(() => processPhoto(input));
  const storageKey = newPhotoKey();
  try {
    await storage.put(storageKey, 'large', photo.large);
    await storage.put(storageKey, 'thumb', photo.thumb);
  } catch (error) {
    await removeQuietly(storage, [storageKey]);
    throw error;
  }
  return { storageKey, width: photo.width, height: photo.height, bytes: photo.bytes };
}

/**
 * Stores the uploads, hands them to `use` (which records them in the database), and removes the
 * files again if any photo or `use` fails, so a refused report leaves no photos behind.
 */
export async function withStoredPhotos<T>(
  storage: PhotoStorage,
  inputs: readonly PhotoInput[],
  use: (stored: StoredPhoto[]) => Promise<T>,
): Promise<T> {
  const stored: StoredPhoto[] = [];
  try {
    // One at a time: each decode of a camera photo takes a core and tens of megabytes.
    for (const [index, input] of inputs.entries()) {
      stored.push(await storeNumbered(storage, input, index));
    }
    return await use(stored);
  } catch (error) {
    await removeQuietly(
      storage,
      stored.map((photo) => photo.storageKey),
    );
    throw error;
  }
}

/** A refusal says which of several photos it was about, as `photo.0`, `photo.1`… in its details. */
async function storeNumbered(storage: PhotoStorage, input: PhotoInput, index: number): Promise<StoredPhoto> {
  try {
    return await storePhoto(storage, input);
  } catch (error) {
    if (!(error instanceof AppError) || error instanceof PhotosBusyError) throw error;
    throw new AppError(error.status, error.code, error.localized, [
      { field: `photo.${index}`, code: error.code, message: error.localized },
    ]);
  }
}

export interface DraftPhoto extends StoredPhoto {
  id: string;
}

/** Adds a photo to a web-form draft; the report takes the draft's photos over when it is sent. */
export async function attachPhotoToDraft(
  db: Database,
  storage: PhotoStorage,
  draftId: string,
  input: PhotoInput,
  position: number,
): Promise<DraftPhoto> {
  if (!isUuid(draftId)) throw draftNotFound();
  // A cheap refusal before the costly processing; the count under the lock below is the one that holds.
  if ((await countDraftPhotos(db, draftId)) >= MAX_PHOTOS_PER_REPORT) throw tooManyPhotos();
  const stored = await storePhoto(storage, input);
  try {
    return await db.transaction(async (tx) => {
      if (!(await lockDraft(tx, draftId))) throw draftNotFound();
      if ((await countDraftPhotos(tx, draftId)) >= MAX_PHOTOS_PER_REPORT) throw tooManyPhotos();
      return { id: await insertDraftPhoto(tx, draftId, stored, position), ...stored };
    });
  } catch (error) {
    await removeQuietly(storage, [stored.storageKey]);
    throw error;
  }
}

export function tooManyPhotos(): AppError {
  return new AppError(422, 'too_many_photos', messages.tooManyPhotos(MAX_PHOTOS_PER_REPORT));
}

function draftNotFound(): AppError {
  return new AppError(404, 'draft_not_found', messages.draftNotFound());
}

/**
 * Clean-up after a failure must not hide that failure. A file left behind is only unused disk
 * space: no row points at it, so it is never served.
 */
async function removeQuietly(storage: PhotoStorage, keys: readonly string[]): Promise<void> {
  await Promise.allSettled(keys.map((key) => storage.remove(key)));
}

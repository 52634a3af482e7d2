// Who may see a photo. A report's photo is public when its category shows descriptions publicly;
// otherwise (photos can show private things, like the inside of a home) only the reporter may
// see it, with their tracking token. A draft's photo is reachable by its id alone: the id is an
// unguessable UUID known only to the person writing the draft.
import type { Queryable } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { trackingTokenMatches } from '../reports/tracking-token.ts';
import { findPhotoForServing } from './queries.ts';
import type { PhotoStorage, PhotoVariant } from './storage.ts';

export interface PhotoFile {
  /** Undefined when the row exists but the file is gone from storage (worth a warning). */
  data: Buffer | undefined;
  /** False for photos shared caches must not keep: a draft's, or one behind a tracking token. */
  shareable: boolean;
}

export async function getPhoto(
  db: Queryable,
  storage: PhotoStorage,
  id: string,
  variant: PhotoVariant,
  trackingToken: string | undefined,
): Promise<PhotoFile> {
  const row = await findPhotoForServing(db, id);
  // A staff photo is never served here, not even with the tracking token: staff see it at the
  // case's own address (cases/get-case-photo.ts), behind their session.
  if (!row || row.internal) throw photoNotFound();
  const isPublic = row.reportId !== null && row.publicDescription === true;
  // A private photo answers as if it did not exist, so its id reveals nothing.
  if (row.reportId !== null && !isPublic) {
    const hash = row.trackingTokenHash;
    if (trackingToken === undefined || !hash || !trackingTokenMatches(trackingToken, hash)) {
      throw photoNotFound();
    }
  }
  return { data: await storage.get(row.storageKey, variant), shareable: isPublic };
}

export function photoNotFound(): AppError {
  return new AppError(404, 'photo_not_found', messages.photoNotFound());
}

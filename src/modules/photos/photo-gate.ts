// A process-wide bound on photos being decoded at once. Decoding a camera photo takes a core and
// tens of megabytes, so with many uploads at the same time the work waits its turn here, and when
// too many wait, the request is refused with a 503 and Retry-After rather than piling up memory.
import { inputMessages } from '../../i18n/input-messages.ts';
import { type AdmissionGate, createAdmissionGate } from '../../shared/admission-gate.ts';
import { AppError } from '../../shared/errors.ts';

/** Photos decoded at the same time (the machine's cores are shared with everything else). */
export const PHOTOS_AT_ONCE = 2;
/** Photos that may wait for their turn; one more is refused. */
export const PHOTOS_WAITING = 24;
/** What a refused client is told to wait, in seconds. */
export const PHOTOS_RETRY_AFTER_SECONDS = 10;

export class PhotosBusyError extends AppError {
  readonly retryAfterSeconds = PHOTOS_RETRY_AFTER_SECONDS;
  constructor() {
    super(503, 'photos_busy', inputMessages.photosBusy(PHOTOS_RETRY_AFTER_SECONDS));
  }
}

export type PhotoGate = AdmissionGate;

export function createPhotoGate(atOnce = PHOTOS_AT_ONCE, maxWaiting = PHOTOS_WAITING): PhotoGate {
  return createAdmissionGate(atOnce, maxWaiting, () => new PhotosBusyError());
}

/** The one gate of this process: every upload path (API, web form, fix-check reopen) goes through it. */
export const photoGate = createPhotoGate();

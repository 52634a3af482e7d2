// A report with photos arrives as multipart/form-data: a text field `report` holding the same
// JSON as a JSON body, and up to five files named `photo`. This reads such a form before the
// route's validation, so the `report` JSON is checked by the route's own schema, exactly like a
// JSON body. The photos are streamed to temporary files as they arrive (upload-spool.ts), their
// type checked from their first bytes, and the files are removed when the response closes.
import type { Multipart } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { controlCharactersError, fieldWithControlCharacters } from '../../http/input-limits.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { MAX_PHOTO_BYTES } from './process-photo.ts';
import { MAX_PHOTOS_PER_REPORT, tooManyPhotos } from './store-photo.ts';
import { type SpooledPhoto, uploadSpoolFor } from './upload-spool.ts';

/** For registering @fastify/multipart: busboy itself stops what is too big or too many. */
export const MULTIPART_LIMITS = {
  fileSize: MAX_PHOTO_BYTES,
  files: MAX_PHOTOS_PER_REPORT,
  fields: 30,
  fieldSize: 64 * 1024,
};

const uploads = new WeakMap<FastifyRequest, SpooledPhoto[]>();

/** A preValidation hook: for a multipart request, the `report` JSON becomes the body to validate. */
export async function readMultipartReport(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.isMultipart()) return;
  const spool = uploadSpoolFor(reply);
  const photos: SpooledPhoto[] = [];
  let report: unknown;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'photo') {
        photos.push(await receiveNumbered(spool, part.file, photos.length));
      } else if (part.type === 'field' && part.fieldname === 'report') {
        if (report !== undefined)
          throw new AppError(400, 'report_field_repeated', messages.reportFieldRepeated());
        report = reportJson(part);
      } else {
        refuse(part);
      }
    }
  } catch (error) {
    throw translateMultipartError(error);
  }
  if (report === undefined) throw new AppError(400, 'report_field_missing', messages.reportFieldMissing());
  // The body was not there for the app-wide check (input-limits.ts); it is now.
  const found = fieldWithControlCharacters(report, '');
  if (found) throw controlCharactersError(found);
  request.body = report;
  uploads.set(request, photos);
}

/** A photo refused while it arrives names its place among the photos, as `photo.0`, `photo.1`… */
async function receiveNumbered(
  spool: ReturnType<typeof uploadSpoolFor>,
  file: Parameters<ReturnType<typeof uploadSpoolFor>['receive']>[0],
  index: number,
): Promise<SpooledPhoto> {
  try {
    return await spool.receive(file);
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'photo_too_large') throw error;
    throw new AppError(error.status, error.code, error.localized, [
      { field: `photo.${index}`, code: error.code, message: error.localized },
    ]);
  }
}

/** The photos of a multipart request, in the order sent (temporary files); none for a JSON request. */
export function uploadedPhotos(request: FastifyRequest): SpooledPhoto[] {
  return uploads.get(request) ?? [];
}

/**
 * What an Idempotency-Key stands for: the report, and the bytes of each photo. Without photos it
 * is the report alone, so the same report sent as JSON or as a form is the same request.
 */
export function idempotencySubject(report: unknown, photos: readonly SpooledPhoto[]): unknown {
  if (photos.length === 0) return report;
  return { report, photoSha256: photos.map((photo) => photo.sha256) };
}

function reportJson(part: Extract<Multipart, { type: 'field' }>): unknown {
  if (part.valueTruncated) {
    throw new AppError(413, 'body_too_large', messages.bodyTooLarge(MULTIPART_LIMITS.fieldSize));
  }
  // A part sent with Content-Type application/json arrives already parsed.
  if (typeof part.value !== 'string') return part.value;
  try {
    return JSON.parse(part.value);
  } catch {
    throw new AppError(400, 'invalid_json', messages.invalidJson());
  }
}

function refuse(part: Multipart): never {
  // An unread file holds up the parser; let it go before answering.
  if (part.type === 'file') part.file.resume();
  throw new AppError(400, 'unexpected_form_part', messages.formPartUnexpected(part.fieldname));
}

/** @fastify/multipart's own errors carry codes; each gets a message a person can act on. */
export function translateMultipartError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  switch ((error as { code?: unknown }).code) {
    case 'FST_FILES_LIMIT':
      return tooManyPhotos();
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError(413, 'photo_too_large', messages.photoTooLarge(MAX_PHOTO_BYTES / 1024 / 1024));
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError(413, 'form_too_large', messages.formTooLarge());
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new AppError(400, 'invalid_json', messages.invalidJson());
  }
  // Anything else from reading the stream (a missing boundary, a form cut short) is the
  // client's malformed request, not our failure.
  return new AppError(400, 'form_unreadable', messages.formUnreadable());
}

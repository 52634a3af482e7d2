// A report with photos arrives as multipart/form-data: a text field `report` holding the same
// JSON as a JSON body, and up to five files named `photo`. This reads such a form before the
// route's validation, so the `report` JSON is checked by the route's own schema, exactly like a
// JSON body, and keeps the photos for the handler.
import { createHash } from 'node:crypto';
import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { MAX_PHOTO_BYTES } from './process-photo.ts';
import { MAX_PHOTOS_PER_REPORT, tooManyPhotos } from './store-photo.ts';

/** For registering @fastify/multipart: busboy itself stops what is too big or too many. */
export const MULTIPART_LIMITS = {
  fileSize: MAX_PHOTO_BYTES,
  files: MAX_PHOTOS_PER_REPORT,
  fields: 30,
  fieldSize: 64 * 1024,
};

const uploads = new WeakMap<FastifyRequest, Buffer[]>();

/** A preValidation hook: for a multipart request, the `report` JSON becomes the body to validate. */
export async function readMultipartReport(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const photos: Buffer[] = [];
  let report: unknown;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'photo') {
        // Held in memory (at most 5 × 15 MB) until the whole form is read: sharp reads a buffer
        // fastest, and nothing is processed or stored for a form that turns out to be wrong.
        photos.push(await part.toBuffer());
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
  request.body = report;
  uploads.set(request, photos);
}

/** The photos of a multipart request, in the order sent; none for a JSON request. */
export function uploadedPhotos(request: FastifyRequest): Buffer[] {
  return uploads.get(request) ?? [];
}

/**
 * What an Idempotency-Key stands for: the report, and the bytes of each photo. Without photos it
 * is the report alone, so the same report sent as JSON or as a form is the same request.
 */
export function idempotencySubject(report: unknown, photos: readonly Buffer[]): unknown {
  if (photos.length === 0) return report;
  return { report, photoSha256: photos.map((photo) => createHash('sha256').update(photo).digest('hex')) };
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
function translateMultipartError(error: unknown): unknown {
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

// The one photo of a staff upload (multipart/form-data, a file named `photo`), streamed to a
// temporary file with its type checked from the first bytes (photos/upload-spool.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { translateMultipartError } from '../photos/read-multipart-report.ts';
import { type SpooledPhoto, uploadSpoolFor } from '../photos/upload-spool.ts';
import { caseMessages } from './case-messages.ts';

export async function readStaffPhoto(request: FastifyRequest, reply: FastifyReply): Promise<SpooledPhoto> {
  if (!request.isMultipart()) throw new AppError(415, 'photo_missing', caseMessages.photoMissing());
  const spool = uploadSpoolFor(reply);
  let photo: SpooledPhoto | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'photo' && photo === undefined) {
        photo = await spool.receive(part.file);
      } else {
        // An unread file holds up the parser; let it go before answering.
        if (part.type === 'file') part.file.resume();
        throw new AppError(400, 'unexpected_form_part', messages.formPartUnexpected(part.fieldname));
      }
    }
  } catch (error) {
    throw translateMultipartError(error);
  }
  if (photo === undefined) throw new AppError(400, 'photo_missing', caseMessages.photoMissing());
  return photo;
}

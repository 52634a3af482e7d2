// Reads the reopen form (multipart: a `comment` and at most one `photo`) and checks it. Problems a
// resident can fix come back as field errors for the page to show next to the field, with what
// they typed; a form that cannot be read at all is a 400.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messages } from '../../i18n/messages.ts';
import { AppError, type Message } from '../../shared/errors.ts';
import { MAX_PHOTO_BYTES } from '../photos/process-photo.ts';
import { type SpooledPhoto, uploadSpoolFor } from '../photos/upload-spool.ts';
import { fieldReader } from '../web/form-fields.ts';
import { COMMENT_MAX, fixCheckMessages } from './fix-check-texts.ts';

export interface ReopenForm {
  comment: string;
  /** The photo as a temporary file (removed when the response closes). */
  photo?: string | undefined;
  errors: { comment?: Message; photo?: Message };
  /** The status of the photo's refusal, when the photo is the only problem. */
  photoStatus?: number | undefined;
}

/** One comment (with room for line breaks) and one photo; busboy stops at a second file. */
const REOPEN_LIMITS = {
  files: 1,
  fields: 5,
  parts: 8,
  fileSize: MAX_PHOTO_BYTES,
  fieldSize: COMMENT_MAX * 2 * 4,
};

async function drain(file: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of file) {
    // read and forget
  }
}

export async function readReopenForm(request: FastifyRequest, reply: FastifyReply): Promise<ReopenForm> {
  if (!request.isMultipart()) throw unreadable();
  const reader = fieldReader({ fields: { comment: { maxLength: COMMENT_MAX * 2, multiLine: true } } });
  const spool = uploadSpoolFor(reply);
  const photos: SpooledPhoto[] = [];
  const errors: ReopenForm['errors'] = {};
  let photoStatus: number | undefined;
  try {
    const parts = request.parts({ limits: REOPEN_LIMITS, throwFileSizeLimit: false } as Parameters<
      typeof request.parts
    >[0]);
    for await (const part of parts) {
      if (part.type === 'field') {
        reader.add(part.fieldname, typeof part.value === 'string' ? part.value : '');
      } else if (part.fieldname === 'photo' && part.filename) {
        try {
          photos.push(await spool.receive(part.file));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors.photo = error.localized;
          photoStatus = error.status;
        }
      } else {
        // A file input left empty still sends a part, without a name or bytes.
        await drain(part.file);
      }
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'FST_FILES_LIMIT') errors.photo = fixCheckMessages.onePhoto();
    else throw unreadable();
  }
  const read = reader.result();
  const comment = read.fields.get('comment')?.[0] ?? '';
  const text = comment.replace(/\r\n/g, '\n').trim();
  const problem = read.errors[0];
  if (problem) errors.comment = problem.message;
  else if (text === '') errors.comment = fixCheckMessages.commentRequired();
  else if ([...text].length > COMMENT_MAX) errors.comment = fixCheckMessages.commentTooLong();
  return {
    comment: errors.comment ? comment : text,
    photo: photos[0]?.path,
    errors,
    photoStatus: errors.comment ? undefined : photoStatus,
  };
}

function unreadable(): AppError {
  return new AppError(400, 'form_unreadable', messages.formUnreadable());
}

// Reads the reopen form (multipart: a `comment` and at most one `photo`) and checks it. Problems a
// resident can fix come back as field errors for the page to show next to the field, with what
// they typed; a form that cannot be read at all is a 400.
import type { FastifyRequest } from 'fastify';
import { messages } from '../../i18n/messages.ts';
import { AppError, type Message } from '../../shared/errors.ts';
import { MAX_PHOTO_BYTES } from '../photos/process-photo.ts';
import { COMMENT_MAX, fixCheckMessages } from './fix-check-texts.ts';

export interface ReopenForm {
  comment: string;
  photo?: Buffer | undefined;
  errors: { comment?: Message; photo?: Message };
}

export async function readReopenForm(request: FastifyRequest): Promise<ReopenForm> {
  if (!request.isMultipart()) throw unreadable();
  let comment = '';
  const photos: Buffer[] = [];
  const errors: ReopenForm['errors'] = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field' && part.fieldname === 'comment' && typeof part.value === 'string') {
        comment = part.value;
      } else if (part.type === 'file' && part.fieldname === 'photo') {
        const data = await part.toBuffer();
        // A file input left empty still sends a part, without a name or bytes.
        if (data.length > 0) photos.push(data);
      } else if (part.type === 'file') {
        part.file.resume();
      }
    }
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'FST_REQ_FILE_TOO_LARGE') throw unreadable();
    errors.photo = messages.photoTooLarge(MAX_PHOTO_BYTES / 1024 / 1024);
  }
  const text = comment.replace(/\r\n/g, '\n').trim();
  if (text === '') errors.comment = fixCheckMessages.commentRequired();
  else if ([...text].length > COMMENT_MAX) errors.comment = fixCheckMessages.commentTooLong();
  if (photos.length > 1) errors.photo = fixCheckMessages.onePhoto();
  return { comment: errors.comment ? comment : text, photo: photos[0], errors };
}

function unreadable(): AppError {
  return new AppError(400, 'form_unreadable', messages.formUnreadable());
}

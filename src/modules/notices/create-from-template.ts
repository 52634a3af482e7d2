// "New notice from template": the municipality's wording for the type, with {area} {start} {end}
// filled, saved as a draft like any other (create-notice.ts), so staff review it before publishing.
import type { Database } from '../../db/client.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { LANGUAGES, type LocalizedText } from '../../shared/language.ts';
import { refuseNotice } from './check-notice.ts';
import { createNotice } from './create-notice.ts';
import { noticeMessages } from './notice-messages.ts';
import type { StaffNotice } from './notice-queries.ts';
import { fillNoticeTemplate, noticeTemplate } from './notice-templates.ts';
import type { NoticeFromTemplate } from './template-schemas.ts';

/** The same limits as a notice's own input (http-schemas.ts), which filling could exceed. */
const MAX_TITLE = 200;
const MAX_BODY = 4000;

function checkLength(text: LocalizedText, max: number, field: string, errors: ErrorDetail[]): void {
  for (const language of LANGUAGES) {
    if ((text[language]?.length ?? 0) > max) {
      errors.push({
        field: `${field}.${language}`,
        code: 'too_long',
        message: noticeMessages.filledTooLong(max),
      });
    }
  }
}

export async function createNoticeFromTemplate(
  db: Database,
  actorId: string,
  kommunenummer: string,
  input: NoticeFromTemplate,
): Promise<StaffNotice> {
  const template = await noticeTemplate(db, kommunenummer, input.type);
  const values = {
    area: input.areaName.trim(),
    startsAt: new Date(input.startsAt),
    expectedEndAt: input.expectedEndAt ? new Date(input.expectedEndAt) : null,
  };
  const title = fillNoticeTemplate(template.title, values);
  const body = fillNoticeTemplate(template.body, values);
  const errors: ErrorDetail[] = [];
  checkLength(title, MAX_TITLE, 'title', errors);
  checkLength(body, MAX_BODY, 'body', errors);
  if (errors.length > 0) throw refuseNotice(errors);
  return createNotice(db, actorId, kommunenummer, {
    type: input.type,
    title,
    body,
    area: input.area,
    startsAt: input.startsAt,
    expectedEndAt: input.expectedEndAt ?? null,
  });
}

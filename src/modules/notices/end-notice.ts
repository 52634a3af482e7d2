// A published notice ends: a last version with status ended. A boil-water advice that ends is
// lifted, and its public text says so first, in every language.
import type { Database } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { LANGUAGES, type LocalizedText } from '../../shared/language.ts';
import { cleanText } from './check-notice.ts';
import type { NoticeEnd } from './http-schemas.ts';
import { LIFTED_BODY_PREFIX, LIFTED_TITLE_PREFIX, noticeMessages } from './notice-messages.ts';
import { findNotice, type StaffNotice } from './notice-queries.ts';
import { areasOf, writeVersion } from './write-version.ts';

/**
 * A title such as "Kokevarsel: Heistad" begins with what the lifted prefix says again; without it,
 * "Kokevarsel opphevet: Heistad" rather than "Kokevarsel opphevet: Kokevarsel: Heistad". The
 * pattern is anchored and has no nested repetition, so it cannot backtrack far.
 */
const BOIL_WATER_LEAD = /^(?:kokevarsel|boil[- ]water(?: advice)?)\s*[,:\u2013-]\s*/i;

export function withoutLead(title: string): string {
  const rest = title.replace(BOIL_WATER_LEAD, '');
  return rest.length > 0 ? rest : title;
}

/**
 * The text with the prefix in every language: where a translation is missing, the bokmål text
 * follows the reader's own prefix, so a nynorsk or English reader still reads that it is lifted.
 */
function prefixed(
  text: LocalizedText,
  prefix: Required<LocalizedText>,
  trim: (text: string) => string = (same) => same,
): Required<LocalizedText> {
  const result = { nb: '', nn: '', en: '' };
  for (const language of LANGUAGES)
    result[language] = `${prefix[language]}${trim(text[language] ?? text.nb)}`;
  return result;
}

export async function endNotice(
  db: Database,
  actorId: string,
  kommunenummer: string,
  id: string,
  input: NoticeEnd = {},
): Promise<StaffNotice> {
  return db.transaction(async (tx) => {
    const { notice, latest } = await findNotice(tx, kommunenummer, id, true);
    if (notice.status !== 'published') {
      throw new AppError(409, 'notice_not_published', noticeMessages.wrongStatus('end'));
    }
    const body = input.body ? cleanText(input.body) : latest.body;
    const lifted = notice.type === 'boil_water';
    const now = new Date();
    return writeVersion(tx, {
      actorId,
      action: 'notice.ended',
      notice,
      latest,
      next: {
        status: 'ended',
        title: lifted ? prefixed(latest.title, LIFTED_TITLE_PREFIX, withoutLead) : latest.title,
        body: lifted ? prefixed(body, LIFTED_BODY_PREFIX) : body,
        areas: areasOf(latest),
        startsAt: notice.startsAt,
        expectedEndAt: notice.expectedEndAt,
        endedAt: now,
      },
    });
  });
}

// What the inbox's route files share: the URL's municipality, the OpenAPI tag, the language.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { askedLanguage } from '../../http/language.ts';
import type { Language } from '../../shared/language.ts';
import { STAFF_API_PREFIX, staffOf } from '../accounts/staff-auth.ts';

export const INBOX_BASE = `${STAFF_API_PREFIX}/m/:kommunenummer`;
export const INBOX_TAG = 'staff: inbox';

export const MunicipalityParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$', description: 'Kommunenummer, e.g. 4001' }),
});

/** Names in the language asked for (`?lang`, Accept-Language), else the staff member's own. */
export function inboxLanguage(request: FastifyRequest): Language {
  return askedLanguage(request) ?? staffOf(request).language;
}

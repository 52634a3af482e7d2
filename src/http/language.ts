import type { FastifyRequest } from 'fastify';
import { isLanguage, type Language, negotiateLanguage } from '../shared/language.ts';

/** The caller's language: `?lang=` first, then Accept-Language, then bokmål. */
export function requestLanguage(request: FastifyRequest): Language {
  const query = request.query as Record<string, unknown> | undefined;
  const asked = query?.lang;
  if (isLanguage(asked)) return asked;
  return negotiateLanguage(request.headers['accept-language']);
}

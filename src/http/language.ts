import type { FastifyRequest } from 'fastify';
import { isLanguage, type Language, preferredLanguage } from '../shared/language.ts';

/**
 * The language the caller asked for: `?lang=` first, then Accept-Language. Undefined when they
 * asked for none of ours; the municipality's own language (bokmål or nynorsk) then applies.
 */
export function askedLanguage(request: FastifyRequest): Language | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  const asked = query?.lang;
  if (isLanguage(asked)) return asked;
  return preferredLanguage(request.headers['accept-language']);
}

/** The caller's language where no municipality is in view (errors, lists): bokmål by default. */
export function requestLanguage(request: FastifyRequest): Language {
  return askedLanguage(request) ?? 'nb';
}

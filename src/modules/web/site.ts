// Which municipality's site a page belongs to (/porsgrunn or /4001), in which language
// (?lang= first and remembered in a cookie, then the municipality's own), and whether it is shown
// inside another site's page (?embed=1).

import type {} from '@fastify/cookie';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { type WebCatalog, webText } from '../../i18n/web.ts';
import { AppError } from '../../shared/errors.ts';
import { isLanguage, type Language } from '../../shared/language.ts';
import { municipalityUnavailable } from '../tenants/municipality-unavailable.ts';
import type { Municipality } from '../tenants/queries.ts';
import { municipalities } from '../tenants/schema.ts';

export interface Site {
  municipality: Municipality;
  language: Language;
  text: WebCatalog;
  /** "/porsgrunn": every link on the site starts here. */
  base: string;
  embed: boolean;
  /** The current path and query without `lang`, for the language switch. */
  path: string;
}

export const LANGUAGE_COOKIE = 'meldepunkt_lang';

async function findBySlugOrNumber(db: Queryable, site: string): Promise<Municipality | undefined> {
  const condition = /^\d{4}$/.test(site)
    ? eq(municipalities.kommunenummer, site)
    : eq(municipalities.slug, site);
  const rows = await db.select().from(municipalities).where(condition);
  return rows[0];
}

export async function resolveSite(
  db: Queryable,
  request: FastifyRequest,
  reply: FastifyReply,
  site: string,
): Promise<Site> {
  const municipality = await findBySlugOrNumber(db, site.toLowerCase());
  if (!municipality) throw new AppError(404, 'site_not_found', messages.routeNotFound());
  if (!municipality.enabled) throw municipalityUnavailable(municipality.name);
  const query = request.query as Record<string, unknown>;
  const offered = municipality.languages.filter(isLanguage);
  let language: Language = municipality.defaultLanguage;
  const asked = query.lang;
  const remembered = request.cookies[LANGUAGE_COOKIE];
  if (isLanguage(asked) && offered.includes(asked)) {
    language = asked;
    reply.setCookie(LANGUAGE_COOKIE, asked, {
      path: '/',
      maxAge: 365 * 24 * 3600,
      sameSite: 'lax',
      httpOnly: true,
    });
  } else if (isLanguage(remembered) && offered.includes(remembered)) {
    language = remembered;
  }
  const url = new URL(request.url, 'http://x');
  url.searchParams.delete('lang');
  return {
    municipality,
    language,
    text: webText(language),
    base: `/${municipality.slug}`,
    embed: query.embed === '1',
    path: `${url.pathname}${url.search}`,
  };
}

/**
 * The site an error page under /{site}/… belongs to, in the language already chosen for it; none
 * when there is no such municipality, it is switched off, or the database cannot say (the error
 * page must show even then).
 */
export async function siteForErrorPage(
  db: Queryable,
  request: FastifyRequest,
  slug: string,
  language: Language,
): Promise<Site | undefined> {
  let municipality: Municipality | undefined;
  try {
    municipality = await findBySlugOrNumber(db, slug.toLowerCase());
  } catch {
    return undefined;
  }
  if (!municipality?.enabled) return undefined;
  const offered = municipality.languages.filter(isLanguage);
  const url = new URL(request.url, 'http://x');
  url.searchParams.delete('lang');
  const shown = offered.includes(language) ? language : municipality.defaultLanguage;
  return {
    municipality,
    language: shown,
    text: webText(shown),
    base: `/${municipality.slug}`,
    embed: url.searchParams.get('embed') === '1',
    path: `${url.pathname}${url.search}`,
  };
}

/**
 * A link within the site that keeps embed mode (in the query, before any #fragment). Embedded,
 * it also names the language: inside another site's frame the language cookie is often not kept.
 */
export function siteHref(site: Site, path: string): string {
  if (!site.embed) return path;
  const hash = path.indexOf('#');
  const [address, fragment] = hash === -1 ? [path, ''] : [path.slice(0, hash), path.slice(hash)];
  const lang = /[?&]lang=/.test(address) ? '' : `&lang=${site.language}`;
  return `${address}${address.includes('?') ? '&' : '?'}embed=1${lang}${fragment}`;
}

/**
 * Where a form posts: like siteHref, and naming the page's language, so that a refusal answered
 * before the site is looked up (too many posts, a robot caught) comes in the language the
 * resident was reading, not their browser's.
 */
export function formAction(site: Site, path: string): string {
  return siteHref(site, `${path}${path.includes('?') ? '&' : '?'}lang=${site.language}`);
}

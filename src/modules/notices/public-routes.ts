// Notices for the public: the JSON list in the OpenAPI document, and the feeds under the
// municipality's site (/{slug}/driftsmeldinger.rss|.atom|.ics|.geojson). Published and ended
// notices only, never drafts; no staff names or ids.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import type { Queryable } from '../../db/client.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { askedLanguage } from '../../http/language.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { isLanguage, type Language } from '../../shared/language.ts';
import { municipalityUnavailable } from '../tenants/municipality-unavailable.ts';
import type { Municipality } from '../tenants/queries.ts';
import { municipalities } from '../tenants/schema.ts';
import { type FeedContext, renderAtom, renderGeoJson, renderIcs, renderRss } from './feeds.ts';
import { FeedParams, FeedQuery, PublicNoticesQuery, PublicNoticesResponse } from './http-schemas.ts';
import { listPublicNotices, type PublicNotice } from './list-public-notices.ts';

/** Feeds readers poll; a minute old is fresh enough for a notice. */
const CACHE = 'public, max-age=60';
const FEED_LIMIT = 50;

async function openMunicipality(db: Queryable, site: string): Promise<Municipality> {
  const condition = /^\d{4}$/.test(site)
    ? eq(municipalities.kommunenummer, site)
    : eq(municipalities.slug, site);
  const [municipality] = await db.select().from(municipalities).where(condition);
  if (!municipality) throw new AppError(404, 'municipality_not_found', messages.routeNotFound());
  if (!municipality.enabled) throw municipalityUnavailable(municipality.name);
  return municipality;
}

/** The asked language if the municipality offers it, else its own. */
function languageFor(municipality: Municipality, asked: Language | undefined): Language {
  const offered = municipality.languages.filter(isLanguage);
  return asked && offered.includes(asked) ? asked : municipality.defaultLanguage;
}

const FEEDS = {
  rss: { type: 'application/rss+xml; charset=utf-8', summary: 'Notices as RSS 2.0' },
  atom: { type: 'application/atom+xml; charset=utf-8', summary: 'Notices as Atom' },
  ics: { type: 'text/calendar; charset=utf-8', summary: 'Notices as iCalendar, one event per notice' },
  geojson: { type: 'application/geo+json; charset=utf-8', summary: 'Notices and their areas as GeoJSON' },
} as const;
type FeedKind = keyof typeof FEEDS;

export const noticePublicRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;

  app.get(
    '/api/v1/municipalities/:kommunenummer/notices',
    {
      schema: {
        tags: ['notices'],
        summary: "A municipality's notices (driftsmeldinger): shut-offs, flushing, boil-water advice",
        description:
          'Published and ended notices, the last changed first (at most 100); `active=true`: only those not ended (active and upcoming). Title and text in the language of `?lang=` or `Accept-Language`, else bokmål where a translation is missing.',
        params: Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) }),
        querystring: PublicNoticesQuery,
        response: {
          200: PublicNoticesResponse,
          400: errorResponseRef,
          404: errorResponseRef,
          410: errorResponseRef,
        },
      },
    },
    async (request, reply) => {
      const municipality = await openMunicipality(db, request.params.kommunenummer);
      const language = askedLanguage(request) ?? municipality.defaultLanguage;
      const notices = await listPublicNotices(db, {
        kommunenummer: municipality.kommunenummer,
        language,
        activeOnly: request.query.active === true,
      });
      reply.header('cache-control', CACHE);
      return { language, notices };
    },
  );

  for (const kind of Object.keys(FEEDS) as FeedKind[]) {
    app.get(
      `/:site/driftsmeldinger.${kind}`,
      {
        schema: {
          tags: ['notices'],
          summary: FEEDS[kind].summary,
          description: 'Published and ended notices, never drafts; at most 50, the last changed first.',
          params: FeedParams,
          querystring: FeedQuery,
          response: { 404: errorResponseRef, 410: errorResponseRef },
        },
      },
      async (request, reply) => {
        const municipality = await openMunicipality(db, request.params.site);
        const language = languageFor(municipality, request.query.lang);
        const items = await listPublicNotices(db, {
          kommunenummer: municipality.kommunenummer,
          language,
          activeOnly: false,
          limit: FEED_LIMIT,
        });
        const feed: FeedContext = {
          publicUrl: ctx.config.publicUrl.replace(/\/$/, ''),
          slug: municipality.slug,
          municipalityName: municipality.name,
          language,
          updated: items[0] ? new Date(items[0].updatedAt) : new Date(),
        };
        return sendFeed(reply, kind, render(kind, feed, items));
      },
    );
  }
};

function render(kind: FeedKind, feed: FeedContext, items: PublicNotice[]): string {
  switch (kind) {
    case 'rss':
      return renderRss(feed, items);
    case 'atom':
      return renderAtom(feed, items);
    case 'ics':
      return renderIcs(feed, items);
    case 'geojson':
      return JSON.stringify(renderGeoJson(items));
  }
}

function sendFeed(reply: FastifyReply, kind: FeedKind, body: string): FastifyReply {
  return reply.type(FEEDS[kind].type).header('cache-control', CACHE).send(body);
}

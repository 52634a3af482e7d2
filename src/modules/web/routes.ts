// The residents' web: plugins the pages need (cookies for the language choice, form posts,
// static assets), their error pages, and the page routes.

import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../app-context.ts';
import type { Queryable } from '../../db/client.ts';
import { requestLanguage } from '../../http/language.ts';
import type { Message } from '../../shared/errors.ts';
import { isLanguage } from '../../shared/language.ts';
import { subscriptionPageRoutes } from '../subscriptions/public-routes.ts';
import { embedRoutes } from './embed-routes.ts';
import { followRoutes } from './follow-routes.ts';
import { formRoutes } from './form-routes.ts';
import { mapRoutes } from './map-routes.ts';
import { noticesPageRoutes } from './notices-routes.ts';
import { sendPage } from './page.ts';
import { errorPage } from './pages/error-page.ts';
import { LANGUAGE_COOKIE, siteForErrorPage } from './site.ts';
import { siteRoutes } from './site-routes.ts';
import { staticAssets } from './static-assets.ts';
import { statisticsRoutes } from './statistics-routes.ts';

/**
 * Error pages in the language the page asked for (?lang=, which every form's address carries),
 * else the one the resident chose on the site, else their browser's; under a municipality's
 * address (/porsgrunn/…) with its header and footer.
 */
export function errorPageRenderer(db: Queryable) {
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    message: Message,
  ): Promise<FastifyReply> => {
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    const chosen = request.cookies?.[LANGUAGE_COOKIE];
    const language = isLanguage(asked) ? asked : isLanguage(chosen) ? chosen : requestLanguage(request);
    const slug = /^\/([a-z0-9-]+|\d{4})(\/|$)/.exec(request.url)?.[1];
    // A deactivated municipality's own start page would only answer 410 again: its way back is
    // the front page, without its header.
    const site = slug && status !== 410 ? await siteForErrorPage(db, request, slug, language) : undefined;
    const shown = site?.language ?? language;
    // Sent like any page, so it shows inside an embedding site's frame too.
    return sendPage(reply, errorPage(shown, status, message[shown], site?.base ?? '/', site), status);
  };
}

/** Registered at the top level so the cookie parser also serves the error pages. */
export const webPlugins = fp(async (app) => {
  await app.register(cookie);
});

export const webRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Forms without files post urlencoded; only the pages accept that, the API stays JSON.
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(staticAssets);
  await app.register(siteRoutes, { ctx });
  await app.register(followRoutes, { ctx });
  await app.register(formRoutes, { ctx });
  await app.register(mapRoutes, { ctx });
  await app.register(noticesPageRoutes, { ctx });
  await app.register(subscriptionPageRoutes, { ctx });
  await app.register(embedRoutes, { ctx });
  await app.register(statisticsRoutes, { ctx });
};

// The municipality's public site: start page, theme, privacy, tracking and receipt pages, and
// following a report or stopping its updates.

import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { requestLanguage } from '../../http/language.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { EMAIL_MAX_LENGTH } from '../../shared/text.ts';
import { listPublicNotices } from '../notices/list-public-notices.ts';
import { PHONE_MAX_LENGTH } from '../reports/contact.ts';
import { countFollowers, followReport } from '../reports/follow-report.ts';
import { getPublicReport } from '../reports/get-public-report.ts';
import { trackingUrl } from '../reports/routes.ts';
import { stopUpdates } from '../reports/stop-updates.ts';
import { municipalities } from '../tenants/schema.ts';
import { followDeps } from './follow-routes.ts';
import { type FieldTable, firstValue, readUrlencoded, TOKEN_FIELD } from './form-fields.ts';
import { issueFormToken, isValidFormToken } from './form-token.ts';
import { themeCss, themeVersion } from './layout.ts';
import { pageConfig, rateLimitedPage, sendPage } from './page.ts';
import { municipalityListPage } from './pages/municipality-list-page.ts';
import { receiptPage } from './pages/receipt-page.ts';
import { privacyPage, startPage } from './pages/start-page.ts';
import { trackingPage } from './pages/tracking-page.ts';
import { resolveSite, type Site, siteHref } from './site.ts';
import { findSiteReport } from './site-report.ts';
import { IMMUTABLE } from './static-assets.ts';

type SiteParams = { Params: { site: string } };
type ReportParams = { Params: { site: string; ref: string }; Querystring: { token?: string; ok?: string } };

/** The follow and stop forms on a report's page (the review page's follow form also sends `draft`). */
const REPORT_PAGE_FORM: FieldTable = {
  fields: {
    ...TOKEN_FIELD,
    email: { maxLength: EMAIL_MAX_LENGTH },
    phone: { maxLength: PHONE_MAX_LENGTH },
    token: { maxLength: 100 },
    draft: { maxLength: 64 },
  },
};

export const siteRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;

  // The bare address: straight to the municipality when there is one, else a list to choose from.
  app.get('/', pageConfig, async (request, reply) => {
    const enabled = await db
      .select({ slug: municipalities.slug, name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.enabled, true))
      .orderBy(asc(municipalities.name));
    if (enabled.length === 1 && enabled[0]) return reply.redirect(`/${enabled[0].slug}`, 302);
    return sendPage(
      reply,
      municipalityListPage(requestLanguage(request), enabled),
      200,
      reply.server.pageCsp,
      'public',
    );
  });

  app.get<SiteParams>('/:site', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const notices = await listPublicNotices(db, {
      kommunenummer: site.municipality.kommunenummer,
      language: site.language,
      activeOnly: true,
    });
    return sendPage(reply, startPage(site, notices), 200, reply.server.pageCsp, 'public');
  });

  app.get<SiteParams>('/:site/theme.css', { schema: { hide: true } }, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    // The address pages link to names the colour (themeUrl): that one never changes.
    const current = (request.query as Record<string, unknown>).v === themeVersion(site);
    return reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', current ? IMMUTABLE : 'public, max-age=300')
      .send(themeCss(site));
  });

  app.get<SiteParams>('/:site/personvern', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    return sendPage(reply, privacyPage(site), 200, reply.server.pageCsp, 'public');
  });

  const reportOf = (siteKommunenummer: string, ref: string) => findSiteReport(db, siteKommunenummer, ref);

  app.get<ReportParams>('/:site/meldinger/:ref', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const row = await reportOf(site.municipality.kommunenummer, request.params.ref);
    const t = site.text.tracking;
    const notice =
      request.query.ok === 'folg' ? t.followDone : request.query.ok === 'stopp' ? t.stopped : undefined;
    const token = request.query.token || undefined;
    // With the token the page shows the reporter's own choices: never kept.
    return sendPage(
      reply,
      await renderTracking(site, row, token, notice),
      200,
      reply.server.pageCsp,
      token ? 'personal' : 'public',
    );
  });

  async function renderTracking(
    site: Site,
    row: { id: string; ref: string },
    token: string | undefined,
    notice?: string,
  ) {
    return trackingPage({
      site,
      report: await getPublicReport(db, row.ref, site.language, token),
      token,
      followers: await countFollowers(db, row.id),
      followToken: issueFormToken(ctx.secret, 'follow'),
      notice,
      tiles: { url: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution },
    });
  }

  app.get<ReportParams>('/:site/meldinger/:ref/kvittering', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const row = await reportOf(site.municipality.kommunenummer, request.params.ref);
    const token = request.query.token ?? '';
    // Only the reporter, holding the token, sees the receipt with the private link.
    await getPublicReport(db, row.ref, site.language, token);
    return sendPage(
      reply,
      receiptPage(
        site,
        { ref: row.ref, acute: row.acute },
        trackingUrl(ctx.config.publicUrl, {
          slug: site.municipality.slug,
          ref: row.ref,
          trackingToken: token,
        }),
      ),
    );
  });

  /**
   * The posts on a report's page (follow, stop updates): its site, its row, and the form read
   * through its field table (form-fields.ts), with the token checked before any value is used.
   */
  async function reportFormPost(request: FastifyRequest<ReportParams>, reply: FastifyReply) {
    const site = await resolveSite(db, request, reply, request.params.site);
    const row = await reportOf(site.municipality.kommunenummer, request.params.ref);
    const { fields, errors } = readUrlencoded(request.body, REPORT_PAGE_FORM);
    if (!isValidFormToken(ctx.secret, 'follow', firstValue(fields, '_token')))
      throw new AppError(400, 'form_expired', messages.formExpired());
    const body = {
      email: firstValue(fields, 'email'),
      phone: firstValue(fields, 'phone'),
      token: firstValue(fields, 'token'),
    };
    return { site, row, body, problem: errors[0] };
  }

  app.post<ReportParams>(
    '/:site/meldinger/:ref/folg',
    rateLimitedPage(ctx.config.reportRateLimitPerMinute),
    async (request, reply) => {
      const { site, row, body, problem } = await reportFormPost(request, reply);
      // A control character or an overlong value: said on the report's page, by the follow form.
      if (problem) {
        return sendPage(
          reply,
          await renderTracking(site, row, undefined, problem.message[site.language]),
          400,
        );
      }
      let requested: Awaited<ReturnType<typeof followReport>>;
      try {
        requested = await followReport(followDeps(ctx), {
          ref: row.ref,
          email: body.email,
          phone: body.phone,
          language: site.language,
          clientAddress: request.ip,
        });
      } catch (error) {
        // A mistyped address: say so on the report's own page, where the follow form is.
        if (!(error instanceof AppError) || error.status !== 422) throw error;
        const problem = error.details[0]?.message ?? error.localized;
        return sendPage(reply, await renderTracking(site, row, undefined, problem[site.language]), 422);
      }
      // Nothing is followed yet: the next page says to check the email, or asks for the SMS code.
      return reply.redirect(
        siteHref(site, `${site.base}/meldinger/${row.ref}/folg/${requested.followerId}`),
        303,
      );
    },
  );

  app.post<ReportParams>(
    '/:site/meldinger/:ref/stopp',
    rateLimitedPage(ctx.config.reportRateLimitPerMinute),
    async (request, reply) => {
      const { site, row, body, problem } = await reportFormPost(request, reply);
      if (problem) throw new AppError(400, problem.code, problem.message);
      const token = body.token ?? '';
      await stopUpdates(db, row.ref, token);
      return reply.redirect(
        siteHref(site, `${site.base}/meldinger/${row.ref}?token=${encodeURIComponent(token)}&ok=stopp`),
        303,
      );
    },
  );
};

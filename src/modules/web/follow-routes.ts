// Confirming a follow (the request itself is the report page's POST …/folg, in site-routes.ts):
//
//   GET  /{site}/meldinger/{ref}/folg/{id}          "check your email", or the SMS code form
//   POST /{site}/meldinger/{ref}/folg/{id}          the code (5 tries, 30 minutes)
//   GET  /{site}/meldinger/{ref}/folg/bekreft?token the emailed link: a button, nothing changes
//   POST /{site}/meldinger/{ref}/folg/bekreft?token confirms
//
// Either way the resident ends on the report's page, told they now follow it. The request logger
// redacts `token` (http/logging.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import {
  confirmFollowerByCode,
  confirmFollowerByLink,
  findFollowLink,
  findFollowRequest,
} from '../reports/confirm-follower.ts';
import type { FollowDeps } from '../reports/follow-report.ts';
import { type FieldTable, firstValue, readUrlencoded, TOKEN_FIELD } from './form-fields.ts';
import { issueFormToken, isValidFormToken } from './form-token.ts';
import { pageConfig, rateLimitedPage, sendPage, sendUnframedPage } from './page.ts';
import { checkEmailPage, codePage, confirmLinkPage } from './pages/follow-pages.ts';
import { resolveSite, type Site, siteHref } from './site.ts';
import { findSiteReport } from './site-report.ts';

type RequestParams = { Params: { site: string; ref: string; id: string } };
type LinkParams = { Params: { site: string; ref: string }; Querystring: { token?: string } };

/** The SMS code form: a six-digit code, typed with spaces perhaps. */
const CODE_FORM: FieldTable = { fields: { ...TOKEN_FIELD, code: { maxLength: 20 } } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What following needs from the app: the database, the job queue and the message channels. */
export function followDeps(ctx: AppContext): FollowDeps {
  return {
    db: ctx.db.db,
    boss: ctx.jobs.boss,
    publicUrl: ctx.config.publicUrl,
    secret: ctx.secret,
    configured: { email: Boolean(ctx.config.smtpUrl), sms: Boolean(ctx.config.smsGatewayUrl) },
  };
}

export const followRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  const followed = (site: Site, ref: string) => siteHref(site, `${site.base}/meldinger/${ref}?ok=folg`);

  async function requestOf(site: Site, ref: string, id: string) {
    const report = await findSiteReport(db, site.municipality.kommunenummer, ref);
    if (!UUID.test(id)) throw new AppError(404, 'follow_request_not_found', messages.followRequestNotFound());
    return { report, request: await findFollowRequest(db, report.ref, id) };
  }

  app.get<RequestParams>('/:site/meldinger/:ref/folg/:id', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const { report, request: asked } = await requestOf(site, request.params.ref, request.params.id);
    if (asked.channel === 'email') return sendPage(reply, checkEmailPage(site, report.ref, asked));
    return sendPage(reply, codePage(site, report.ref, asked, issueFormToken(ctx.secret, 'follow')));
  });

  app.post<RequestParams>(
    '/:site/meldinger/:ref/folg/:id',
    rateLimitedPage(ctx.config.reportRateLimitPerMinute),
    async (request, reply) => {
      const site = await resolveSite(db, request, reply, request.params.site);
      const { report, request: asked } = await requestOf(site, request.params.ref, request.params.id);
      // Read through its field table (form-fields.ts): the token first, every value bounded.
      const { fields } = readUrlencoded(request.body, CODE_FORM);
      if (!isValidFormToken(ctx.secret, 'follow', firstValue(fields, '_token')))
        throw new AppError(400, 'form_expired', messages.formExpired());
      const outcome = await confirmFollowerByCode(
        db,
        ctx.secret,
        report.ref,
        asked.id,
        firstValue(fields, 'code'),
      );
      if (outcome.result === 'confirmed') return reply.redirect(followed(site, report.ref), 303);
      const t = site.text.follow;
      const state =
        outcome.result === 'expired'
          ? { expired: true }
          : { error: outcome.result === 'wrong' ? t.codeWrong(outcome.attemptsLeft) : t.codeMalformed };
      const token = issueFormToken(ctx.secret, 'follow');
      return sendPage(reply, codePage(site, report.ref, asked, token, state), 422);
    },
  );

  /** Where the link page's button posts: the same address, token and language. */
  function linkAction(site: Site, ref: string, token: string) {
    return siteHref(
      site,
      `${site.base}/meldinger/${ref}/folg/bekreft?token=${encodeURIComponent(token)}&lang=${site.language}`,
    );
  }

  app.get<LinkParams>('/:site/meldinger/:ref/folg/bekreft', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const report = await findSiteReport(db, site.municipality.kommunenummer, request.params.ref);
    const link = await findFollowLink(db, report.ref, request.query.token);
    const token = request.query.token ?? '';
    return sendUnframedPage(
      reply,
      confirmLinkPage(site, report.ref, linkAction(site, report.ref, token), link.confirmed),
    );
  });

  app.post<LinkParams>(
    '/:site/meldinger/:ref/folg/bekreft',
    rateLimitedPage(ctx.config.reportRateLimitPerMinute),
    async (request, reply) => {
      const site = await resolveSite(db, request, reply, request.params.site);
      const report = await findSiteReport(db, site.municipality.kommunenummer, request.params.ref);
      await confirmFollowerByLink(db, report.ref, request.query.token);
      return reply.redirect(followed(site, report.ref), 303);
    },
  );
};

// Public notification routes: the stop link every message carries (a page; one-click POST from
// List-Unsubscribe-Post works too), and the SMS gateway's delivery-report callback.
import { timingSafeEqual } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { AppError } from '../../shared/errors.ts';
import { sendUnframedPage } from '../web/page.ts';
import { notificationMessages } from './notification-messages.ts';
import { recordDeliveryReport } from './record-delivery-report.ts';
import { DELIVERY_REPORT_PATH } from './start-notifications.ts';
import { findStopTarget, pageLanguage, stopByLink } from './stop-by-link.ts';
import { stopPage, stopSite } from './stop-page.ts';
import { readStopToken } from './stop-token.ts';

const StopQuery = Type.Object({
  token: Type.String({ maxLength: 100 }),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
  scope: Type.Optional(Type.Union([Type.Literal('report'), Type.Literal('all')])),
});
type StopRequest = FastifyRequest<{
  Querystring: { token: string; lang?: string; scope?: 'report' | 'all' };
}>;

const DeliveryReport = Type.Object({
  id: Type.Optional(Type.String({ maxLength: 200, description: "The gateway's id for the message" })),
  reference: Type.Optional(
    Type.String({ maxLength: 200, description: 'Our message id, as sent in `reference`' }),
  ),
  status: Type.String({
    maxLength: 50,
    description: 'delivered (also DELIVRD, ok) or failed (also undelivered, expired, rejected)',
  }),
  error: Type.Optional(Type.String({ maxLength: 1000 })),
});

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const notificationRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  // Stop pages post urlencoded forms (ours, and mail clients' one-click POST).
  await app.register(formbody, { bodyLimit: 4 * 1024 });
  const stopConfig = {
    config: { page: true, rateLimit: { max: ctx.config.reportRateLimitPerMinute, timeWindow: '1 minute' } },
    schema: { hide: true, querystring: StopQuery },
  } as const;

  async function target(request: StopRequest) {
    const messageId = readStopToken(ctx.secret, request.query.token);
    const found = messageId ? await findStopTarget(db, messageId) : undefined;
    if (!found) throw new AppError(404, 'stop_link_invalid', notificationMessages.stopLinkInvalid());
    const scope = request.query.scope === 'all' && found.channel === 'email' ? 'all' : 'report';
    const language = pageLanguage(request.query.lang, found.municipality);
    const url = new URL(request.url, 'http://x');
    url.searchParams.delete('lang');
    return { found, scope, language, path: `${url.pathname}${url.search}` } as const;
  }

  function action(request: StopRequest, language: string): string {
    const scope = request.query.scope === 'all' ? '&scope=all' : '';
    return `/api/v1/notifications/stop?token=${encodeURIComponent(request.query.token)}&lang=${language}${scope}`;
  }

  // GET only asks: mail scanners and link previews open links, and must not stop anything.
  app.get('/api/v1/notifications/stop', stopConfig, async (request: StopRequest, reply: FastifyReply) => {
    const { found, scope, language, path } = await target(request);
    return sendUnframedPage(
      reply,
      stopPage(stopSite(found, language, path), found, scope, action(request, language), false),
    );
  });

  app.post('/api/v1/notifications/stop', stopConfig, async (request: StopRequest, reply: FastifyReply) => {
    const { found, scope, language, path } = await target(request);
    await stopByLink(db, found, scope);
    return sendUnframedPage(
      reply,
      stopPage(stopSite(found, language, path), found, scope, action(request, language), true),
    );
  });

  app.post(
    DELIVERY_REPORT_PATH,
    {
      schema: {
        tags: ['notifications'],
        summary: "The SMS gateway's delivery report (callback)",
        description:
          'Called by the SMS gateway with the token it was given in `callbackUrl` (query `token`, or header `X-Delivery-Report-Token`, or `Authorization: Bearer`). One report or an array of them. Marks the message delivered or failed.',
        querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 512 })) }),
        body: Type.Union([DeliveryReport, Type.Array(DeliveryReport, { maxItems: 1000 })]),
        response: {
          200: Type.Object({ received: Type.Integer(), matched: Type.Integer() }),
          400: errorResponseRef,
          401: errorResponseRef,
          404: errorResponseRef,
        },
      },
    },
    async (request) => {
      const expected = ctx.config.smsDeliveryReportToken;
      if (!expected)
        throw new AppError(404, 'delivery_reports_off', notificationMessages.deliveryReportsOff());
      const header = request.headers['x-delivery-report-token'];
      const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const given = request.query.token ?? (typeof header === 'string' ? header : undefined) ?? bearer;
      if (!sameSecret(given, expected)) {
        throw new AppError(
          401,
          'delivery_report_token_invalid',
          notificationMessages.deliveryReportTokenInvalid(),
        );
      }
      const reports = Array.isArray(request.body) ? request.body : [request.body];
      let matched = 0;
      for (const report of reports) {
        if ((await recordDeliveryReport(db, report)).matched) matched += 1;
      }
      return { received: reports.length, matched };
    },
  );
};

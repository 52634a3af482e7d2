// Builds the HTTP application: plugins, error shape, OpenAPI, and each module's routes.
// main.ts listens on it; tests call it directly with their own database.
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppContext } from './app-context.ts';
import { ErrorResponse, installErrorHandling } from './http/errors.ts';
import { inputLimits, TEXT_FORMATS } from './http/input-limits.ts';
import { logSerializers, requestId } from './http/logging.ts';
import { messages } from './i18n/messages.ts';
import { ownAccountRoutes } from './modules/accounts/account-routes.ts';
import { oidcRoutes } from './modules/accounts/oidc-routes.ts';
import { passwordResetRoutes } from './modules/accounts/password-reset-routes.ts';
import { accountRoutes } from './modules/accounts/routes.ts';
import { sessionListRoutes } from './modules/accounts/session-list-routes.ts';
import { staffAuth } from './modules/accounts/staff-auth.ts';
import { adminRoutes } from './modules/admin/routes.ts';
import { assetImportRoutes } from './modules/assets/import-routes.ts';
import { assetRoutes } from './modules/assets/routes.ts';
import { caseRoutes } from './modules/cases/case-routes.ts';
import { directoryRoutes } from './modules/cases/directory-routes.ts';
import { frontDeskRoutes } from './modules/cases/front-desk-routes.ts';
import { inboxRoutes } from './modules/cases/inbox-routes.ts';
import { categoryRoutes } from './modules/categories/routes.ts';
import { fieldRoutes } from './modules/field/field-routes.ts';
import { addressRoutes } from './modules/geo/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { incidentRoutes } from './modules/incidents/incident-routes.ts';
import { invitationRoutes } from './modules/invitations/routes.ts';
import { httpMetrics } from './modules/metrics/http-metrics.ts';
import { metricsRoutes } from './modules/metrics/metrics-routes.ts';
import { noticeDeliveryRoutes } from './modules/notices/delivery-routes.ts';
import { linkedReportRoutes } from './modules/notices/linked-report-routes.ts';
import { noticePublicRoutes } from './modules/notices/public-routes.ts';
import { noticeStaffRoutes } from './modules/notices/staff-routes.ts';
import { noticeTemplateRoutes } from './modules/notices/template-routes.ts';
import { fixCheckRoutes } from './modules/notifications/fix-check-routes.ts';
import { messageTemplateRoutes } from './modules/notifications/message-template-routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { staffPrefsRoutes } from './modules/notifications/staff-prefs-routes.ts';
import { notificationStaffRoutes } from './modules/notifications/staff-routes.ts';
import { MULTIPART_LIMITS } from './modules/photos/read-multipart-report.ts';
import { photoRoutes } from './modules/photos/routes.ts';
import { reportLinkRoutes } from './modules/report-links/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { staffAppRoutes } from './modules/staff-app/routes.ts';
import { statsRoutes } from './modules/stats/routes.ts';
import { stickerRoutes } from './modules/stickers/routes.ts';
import { subscriberStaffRoutes } from './modules/subscriptions/staff-routes.ts';
import { pageCsp } from './modules/web/page.ts';
import { errorPageRenderer, webPlugins, webRoutes } from './modules/web/routes.ts';
import { AppError } from './shared/errors.ts';
import { STRICT_UUID } from './shared/text.ts';

export function loggerOptions(
  level: string,
  stream?: { write(line: string): unknown },
): FastifyServerOptions['logger'] {
  return { level, serializers: logSerializers, ...(stream ? { stream } : {}) };
}

/** JSON bodies are small: a report is at most a few kilobytes of text. */
export const JSON_BODY_LIMIT = 64 * 1024;

export async function buildApp(
  ctx: AppContext,
  logger: FastifyServerOptions['logger'] = loggerOptions(ctx.config.logLevel),
): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
    // Ids unique across processes; a caller's plain X-Request-Id is kept (see requestId).
    requestIdHeader: false,
    genReqId: requestId,
    // Keep-alive sockets must not hold a graceful shutdown open for long.
    forceCloseConnections: 'idle',
    // While shutting down, new requests get our own 503 (below) so the error shape stays the same.
    return503OnClosing: false,
    ajv: {
      customOptions: {
        removeAdditional: true,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: true,
        formats: TEXT_FORMATS,
      },
      // After ajv-formats, whose `uuid` would otherwise replace ours.
      onCreate: (ajv) => {
        ajv.addFormat('uuid', STRICT_UUID);
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // First, so every request is timed, refused ones included.
  if (ctx.metrics) await app.register(httpMetrics, { metrics: ctx.metrics });

  // Requests that arrive after shutdown began are refused with a 503 the client can retry
  // elsewhere; requests already in flight run to the end.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (closing) {
      reply.header('connection', 'close');
      throw new AppError(503, 'shutting_down', messages.shuttingDown());
    }
  });

  installErrorHandling(app, JSON_BODY_LIMIT, errorPageRenderer(ctx.db.db));
  // Before any route: lists every route's schemas and refuses control characters (see the file).
  await app.register(inputLimits);
  app.decorate('pageCsp', pageCsp(ctx.config.mapTileUrl));
  app.decorate('pageCspUnframed', pageCsp(ctx.config.mapTileUrl, 'none'));
  // Phones on slow connections: text (pages, scripts, styles, JSON) goes compressed.
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(webPlugins);
  app.addSchema(ErrorResponse);

  await app.register(helmet, {
    // Swagger UI brings its own CSP (staticCSP below); pages later set theirs per route.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    // Thrown as an AppError so the 429 has the common error shape, in the caller's language.
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', messages.rateLimited(Math.ceil(context.ttl / 1000))),
  });

  // Reports with photos. Each route reads its own parts (see photos/read-multipart-report.ts).
  await app.register(multipart, { limits: MULTIPART_LIMITS });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Meldepunkt API',
        version: '1',
        description:
          'Report problems with water, wastewater, roads and parks to a Norwegian municipality, and follow them. Errors always have the shape `{ "error": { "code", "message", "details" } }`.',
        license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl' },
      },
      tags: [
        { name: 'reports', description: 'Submit and follow reports' },
        { name: 'categories', description: "Municipalities' category trees" },
        { name: 'addresses', description: 'Address search for the report form (when configured)' },
        {
          name: 'report-links',
          description: 'QR stickers that open the report form for a hydrant, pumping station or other place',
        },
        {
          name: 'notices',
          description:
            'Notices (driftsmeldinger): shut-offs, flushing, boil-water advice; as JSON and as feeds',
        },
        { name: 'operations', description: 'Health checks' },
        {
          name: 'notifications',
          description: 'Stopping messages, and delivery reports from the SMS gateway',
        },
        {
          name: 'staff: session',
          description: 'Back office: logging in and out (cookie session + CSRF token)',
        },
        { name: 'staff: inbox', description: 'Back office: the inbox, saved filters, live updates, export' },
        { name: 'staff: case', description: 'Back office: one report and the actions on it' },
        { name: 'staff: front desk', description: 'Back office: reports taken by phone or at the desk' },
        { name: 'staff: dashboard', description: 'Back office: figures' },
        { name: 'staff: notices', description: 'Back office: notices, their versions and their lifecycle' },
        { name: 'staff: administration', description: 'Back office: administration (admins only)' },
        {
          name: 'staff: assets',
          description: 'Back office: the asset register, its map layer and asset types',
        },
      ],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI's own CSP, with script hashes for its inline scripts. Its React views set inline
    // style attributes, so styles (not scripts) may be inline here; no external hosts.
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'")
        .replace(' validator.swagger.io', '')
        .replace(' upgrade-insecure-requests;', ''),
    uiConfig: { validatorUrl: null },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { ctx, role: ctx.config.role });
  if (ctx.metrics)
    await app.register(metricsRoutes, { metrics: ctx.metrics, token: ctx.config.metricsToken });
  // Before any staff route: it attaches the session and policy checks to each (see staff-auth.ts).
  await app.register(staffAuth, { ctx });
  await app.register(accountRoutes, { ctx });
  await app.register(ownAccountRoutes, { ctx });
  await app.register(sessionListRoutes, { ctx });
  await app.register(invitationRoutes, { ctx });
  await app.register(oidcRoutes, { ctx });
  await app.register(passwordResetRoutes, { ctx });
  await app.register(inboxRoutes, { ctx });
  await app.register(caseRoutes, { ctx });
  await app.register(directoryRoutes, { ctx });
  await app.register(frontDeskRoutes, { ctx });
  await app.register(fieldRoutes, { ctx });
  await app.register(statsRoutes, { ctx });
  await app.register(noticeStaffRoutes, { ctx });
  await app.register(noticeDeliveryRoutes, { ctx });
  await app.register(linkedReportRoutes, { ctx });
  await app.register(incidentRoutes, { ctx });
  await app.register(noticeTemplateRoutes, { ctx });
  await app.register(subscriberStaffRoutes, { ctx });
  await app.register(adminRoutes, { ctx });
  await app.register(stickerRoutes, { ctx });
  await app.register(assetImportRoutes, { ctx });
  await app.register(assetRoutes, { ctx });
  await app.register(notificationStaffRoutes, { ctx });
  await app.register(notificationRoutes, { ctx });
  await app.register(staffPrefsRoutes, { ctx });
  await app.register(messageTemplateRoutes, { ctx });
  await app.register(fixCheckRoutes, { ctx });
  await app.register(categoryRoutes, { ctx });
  await app.register(addressRoutes, { ctx });
  await app.register(reportRoutes, { ctx });
  await app.register(photoRoutes, { ctx });
  await app.register(reportLinkRoutes, { ctx });
  await app.register(noticePublicRoutes, { ctx });
  await app.register(staffAppRoutes, { ctx });
  // Last: the residents' pages live at /{municipality}, after every fixed path.
  await app.register(webRoutes, { ctx });
  return app;
}

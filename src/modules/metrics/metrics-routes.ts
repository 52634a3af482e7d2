// /metrics on the web port, only when METRICS_TOKEN is set, and then only for a scraper that sends
// it as a bearer token. Without the token the route does not exist: the address answers 404 like
// any unknown one, so a public web port says nothing about the process behind it. (METRICS_PORT
// serves the metrics on a port of their own instead; see metrics-server.ts.)
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../shared/errors.ts';
import { bearerMatches } from './bearer-token.ts';
import type { Metrics } from './metrics.ts';
import { metricsMessages } from './metrics-messages.ts';

export const METRICS_PATH = '/metrics';

export const metricsRoutes: FastifyPluginAsync<{ metrics: Metrics; token: string | undefined }> = async (
  app,
  { metrics, token },
) => {
  if (!token) return;
  app.get(
    METRICS_PATH,
    // Scrapes come every few seconds: not worth a log line each.
    { schema: { hide: true }, logLevel: 'warn' },
    async (request, reply) => {
      if (!bearerMatches(request.headers.authorization, token)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new AppError(401, 'metrics_token_required', metricsMessages.tokenRequired());
      }
      reply.header('content-type', metrics.contentType).header('cache-control', 'no-store');
      return metrics.render();
    },
  );
};

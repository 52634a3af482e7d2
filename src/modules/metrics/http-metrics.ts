// Times every HTTP request into the duration histogram. The route label is the route's pattern
// (`/api/v1/reports/:ref`), never the address asked for: addresses carry references, tracking
// tokens and search text, none of which belong in a metric, and every distinct address would be
// a series of its own. Requests that match no route share one label.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Metrics } from './metrics.ts';

export const UNMATCHED_ROUTE = '(unmatched)';

export const httpMetrics = fp(
  async (app: FastifyInstance, { metrics }: { metrics: Metrics }) => {
    app.addHook('onResponse', async (request, reply) => {
      metrics.httpDuration.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? UNMATCHED_ROUTE,
          status_code: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });
  },
  { name: 'meldepunkt-http-metrics' },
);

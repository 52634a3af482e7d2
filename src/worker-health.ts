// A worker process serves no application routes, only its health on PORT, so that an
// orchestrator can probe it like a web process: /healthz (alive, with its role) and /readyz (the
// database answers and its schema is current).
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppContext } from './app-context.ts';
import { healthRoutes } from './modules/health/routes.ts';

export async function buildWorkerHealth(
  ctx: AppContext,
  logger: FastifyServerOptions['logger'] = false,
): Promise<FastifyInstance> {
  const app = Fastify({ logger });
  await app.register(healthRoutes, { ctx, role: ctx.config.role });
  return app;
}

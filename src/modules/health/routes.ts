import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { PG_INVALID_SCHEMA_NAME, PG_UNDEFINED_TABLE, pgErrorCode } from '../../db/errors.ts';
import { isSchemaCurrent } from '../../db/migrate.ts';

const Health = Type.Object({ status: Type.String() });
const Liveness = Type.Object({
  status: Type.String(),
  role: Type.String({ description: 'web, worker or all: what this process runs (see docs/deployment.md)' }),
});

/** Liveness (the process runs) and readiness (the database answers and its schema is current). */
export const healthRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], summary: 'Liveness', response: { 200: Liveness } }, logLevel: 'warn' },
    async () => ({ status: 'ok', role: ctx.config.role }),
  );

  app.get(
    '/readyz',
    {
      schema: { tags: ['operations'], summary: 'Readiness', response: { 200: Health, 503: Health } },
      logLevel: 'warn',
    },
    async (request, reply) => {
      try {
        if (await isSchemaCurrent(ctx.db.db)) return { status: 'ready' };
        return reply.status(503).send({ status: 'migrations pending' });
      } catch (error) {
        // No migrations table at all: the database answers, but nothing has been applied yet.
        const code = pgErrorCode(error);
        if (code === PG_UNDEFINED_TABLE || code === PG_INVALID_SCHEMA_NAME) {
          return reply.status(503).send({ status: 'migrations pending' });
        }
        request.log.warn({ err: error }, 'readiness check failed');
        return reply.status(503).send({ status: 'database unavailable' });
      }
    },
  );
};

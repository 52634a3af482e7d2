import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { PG_INVALID_SCHEMA_NAME, PG_UNDEFINED_TABLE, pgErrorCode } from '../../db/errors.ts';
import { isSchemaCurrent } from '../../db/migrate.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { createHealthCheck, type HealthCheck } from './health-check.ts';
import type { ProcessRole } from './process-role.ts';

const Health = Type.Object({ status: Type.String() });

const Check = Type.Union([Type.Literal('ok'), Type.Literal('fail')]);
const RoleHealth = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('fail')]),
  role: Type.Union([Type.Literal('web'), Type.Literal('worker'), Type.Literal('all')]),
  checks: Type.Object({
    database: Check,
    jobQueue: Type.Union([Check, Type.Literal('notRunning')]),
  }),
});

export interface HealthRoutesOptions {
  /** The database, and the job queue when this process has one. */
  ctx: Pick<AppContext, 'db'> & { jobs?: Pick<JobQueue, 'boss'> };
  /** This process's role (default 'all'). */
  role?: ProcessRole;
  /** Built from ctx and role when not given (tests give one with short timings). */
  health?: HealthCheck;
}

/**
 * Health (the role's dependencies answer: for load balancers and process supervisors) and
 * readiness (the database answers and its schema is current: for deployments).
 */
export const healthRoutes: FastifyPluginAsyncTypebox<HealthRoutesOptions> = async (app, options) => {
  const { ctx } = options;
  // Made at the first probe, not when the routes are registered: building the app (as
  // `npm run api:types` does, without services) must not touch the job queue.
  let health = options.health;
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: "Health: this process's role and whether what it depends on answers",
        description:
          '200 when the database answers (and, for the worker and all roles, the job queue runs), else 503. Results are reused for a second; a check that takes more than a second counts as failed.',
        response: { 200: RoleHealth, 503: RoleHealth },
      },
      logLevel: 'warn',
    },
    async (_request, reply) => {
      health ??= createHealthCheck({ db: ctx.db, boss: ctx.jobs?.boss, role: options.role ?? 'all' });
      const report = await health.check();
      return reply.status(report.status === 'ok' ? 200 : 503).send(report);
    },
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

// One case: everything about a report, and the actions on it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';

export const caseRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (_app, { ctx: _ctx }) => {};

// The inbox: list, counts, saved filters, live updates (SSE), CSV export.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';

export const inboxRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (_app, { ctx: _ctx }) => {};

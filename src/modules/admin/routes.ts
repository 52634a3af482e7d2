// Administration: settings, categories, teams, users, templates, report links, audit log.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';

export const adminRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (_app, { ctx: _ctx }) => {};

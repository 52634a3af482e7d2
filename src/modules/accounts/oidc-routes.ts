// Login through the municipality's own OpenID provider.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';

export const oidcRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (_app, { ctx: _ctx }) => {};

// Front desk: register a report from a phone call or a visit.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';

export const frontDeskRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  _app,
  { ctx: _ctx },
) => {};

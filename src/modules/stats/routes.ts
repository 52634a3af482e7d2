// The staff dashboard's figures.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { askedLanguage } from '../../http/language.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { computeDashboard } from './compute-dashboard.ts';
import { resolveDashboardRange } from './resolve-dashboard-range.ts';
import { DashboardParams, DashboardQuery, DashboardResponse } from './stats-http-schemas.ts';

export const statsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/v1/staff/m/:kommunenummer/dashboard',
    {
      schema: {
        tags: ['staff: dashboard'],
        summary: 'Figures for the dashboard',
        description:
          'Over reports received from `from` to `to` (Oslo dates, both included; default the last 90 days, at most 2 years). The overdue list is as of now, whatever the period.',
        params: DashboardParams,
        querystring: DashboardQuery,
        response: {
          200: DashboardResponse,
          400: errorResponseRef,
          401: errorResponseRef,
          403: errorResponseRef,
        },
      },
      config: { policy: 'dashboard.read' },
    },
    async (request) => {
      const range = resolveDashboardRange(request.query);
      const language = askedLanguage(request) ?? staffOf(request).language;
      return computeDashboard(ctx.db.db, request.params.kommunenummer, range, language);
    },
  );
};

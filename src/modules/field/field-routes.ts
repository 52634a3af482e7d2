// The field app's own endpoints. Task details, status changes, notes and photos use the case
// endpoints (cases/case-routes.ts); these are what only a crew needs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { askedLanguage } from '../../http/language.ts';
import { AppError } from '../../shared/errors.ts';
import { STAFF_API_PREFIX, staffOf } from '../accounts/staff-auth.ts';
import { MunicipalityParams } from '../cases/case-http-schemas.ts';
import { caseMessages } from '../cases/case-messages.ts';
import { TasksQuery, TasksResponse } from './field-http-schemas.ts';
import { listFieldTasks } from './list-field-tasks.ts';

const BASE = `${STAFF_API_PREFIX}/m/:kommunenummer/field`;
const TAGS = ['staff: field'];
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef };

export const fieldRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;

  app.get(
    `${BASE}/tasks`,
    {
      config: { policy: 'field.tasks' },
      schema: {
        tags: TAGS,
        summary: 'Open reports assigned to me or my teams, by priority, then distance from me, then age',
        description:
          'Without `lat`/`lon` the distance is null and the list is by priority and age. The position is neither stored nor logged.',
        params: MunicipalityParams,
        querystring: TasksQuery,
        response: { 200: TasksResponse, ...errors },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const { lat, lon, scope = 'mine' } = request.query;
      if ((lat === undefined) !== (lon === undefined)) {
        throw new AppError(400, 'location_incomplete', caseMessages.locationIncomplete());
      }
      const position = lat !== undefined && lon !== undefined ? { lat, lon } : null;
      const tasks = await listFieldTasks(
        db,
        { userId: staff.userId, kommunenummer: request.params.kommunenummer, scope, position },
        askedLanguage(request) ?? staff.language,
      );
      reply.header('cache-control', 'no-store');
      return { tasks };
    },
  );
};

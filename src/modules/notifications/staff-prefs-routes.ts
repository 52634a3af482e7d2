// Back office: the logged-in staff member's own notification preferences in one municipality.
// Every role may read and set its own (policy inbox.read); nobody else's can be reached here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { getStaffPrefs, NEW_REPORTS_PREFERENCES, setStaffPrefs } from './staff-prefs.ts';

const PATH = '/api/v1/staff/m/:kommunenummer/me/notification-preferences';
const Params = Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) });
const Prefs = Type.Object(
  {
    newReports: Type.Union(
      NEW_REPORTS_PREFERENCES.map((p) => Type.Literal(p)),
      {
        description:
          'New reports in my teams: off, immediate (one email each), or digest (one email at 07:00 with the day before)',
      },
    ),
    acute: Type.Boolean({ description: 'An email at once for every acute report in my teams' }),
    deadlines: Type.Boolean({
      description: 'An email when a report in my teams is due within 24 hours, and when it is overdue',
    }),
  },
  { additionalProperties: false },
);
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef };
const tags = ['staff: session'];

export const staffPrefsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    PATH,
    {
      config: { policy: 'inbox.read' },
      schema: {
        tags,
        summary: 'My notification emails in this municipality (defaults when never set)',
        params: Params,
        response: { 200: Prefs, ...errors },
      },
    },
    async (request) => getStaffPrefs(ctx.db.db, staffOf(request).userId, request.params.kommunenummer),
  );

  app.put(
    PATH,
    {
      config: { policy: 'inbox.read' },
      schema: {
        tags,
        summary: 'Choose my notification emails in this municipality',
        params: Params,
        body: Prefs,
        response: { 200: Prefs, ...errors },
      },
    },
    async (request) =>
      setStaffPrefs(ctx.db.db, staffOf(request).userId, request.params.kommunenummer, request.body),
  );
};

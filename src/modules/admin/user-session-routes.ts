// An administrator's view of a staff member's sessions, to end one (a crew's lost phone). Only for
// a person with a role in this municipality (else 404, as for any user of another municipality).
// Sessions belong to the account, not to a municipality: an administrator of any municipality the
// person works for sees and may end all of them (docs/authorisation.md), since a lost phone is a
// risk to every municipality it opens.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { type Queryable, queryRows } from '../../db/client.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { AppError } from '../../shared/errors.ts';
import { accountMessages } from '../accounts/account-messages.ts';
import { endSessionById, listSessions } from '../accounts/device-sessions.ts';
import { SessionIdParams, SessionListResponse } from '../accounts/session-list-schemas.ts';
import { endStreamsOfSessionHash } from '../accounts/session-streams.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ADMIN_PREFIX, ADMIN_TAGS, IdParams } from './admin-http-schemas.ts';
import { notFound } from './admin-support.ts';

const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };

async function worksHere(db: Queryable, userId: string, kommunenummer: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from staff_roles where user_id = ${userId}::uuid and kommunenummer = ${kommunenummer} limit 1`,
  );
  return rows.length > 0;
}

export const userSessionAdminRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  const db = ctx.db.db;

  app.get(
    `${ADMIN_PREFIX}/users/:id/sessions`,
    {
      config: { policy: 'admin.users' },
      schema: {
        tags: ADMIN_TAGS,
        summary: "A staff member's sessions (browsers and named devices)",
        description:
          'Only for a person with a role in this municipality (else 404). Lists all of the account’s sessions, also those opened for another municipality it works for.',
        params: IdParams,
        response: { 200: SessionListResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { kommunenummer, id } = request.params;
      if (!(await worksHere(db, id, kommunenummer))) throw notFound('user');
      reply.header('cache-control', 'no-store');
      // `current` is never true here: the administrator's own token is not the person's.
      return { sessions: await listSessions(db, id, undefined) };
    },
  );

  app.delete(
    `${ADMIN_PREFIX}/users/:id/sessions/:sessionId`,
    {
      config: { policy: 'admin.users' },
      schema: {
        tags: ADMIN_TAGS,
        summary: "End one of a staff member's sessions (a lost phone); audited",
        params: Type.Object({ ...IdParams.properties, ...SessionIdParams.properties }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const { kommunenummer, id, sessionId } = request.params;
      const actor = staffOf(request);
      const ended = await db.transaction(async (tx) => {
        if (!(await worksHere(tx, id, kommunenummer))) throw notFound('user');
        const gone = await endSessionById(tx, id, sessionId);
        if (!gone) throw new AppError(404, 'session_not_found', accountMessages.sessionNotFound());
        await recordAudit(tx, {
          kommunenummer,
          actorId: actor.userId,
          action: 'user.session_ended',
          entityType: 'user',
          entityId: id,
          before: { deviceName: gone.deviceName },
        });
        return gone;
      });
      endStreamsOfSessionHash(ended.tokenHash);
      return reply.code(204).send(null);
    },
  );
};

// My sessions: where I am logged in (browsers, and named devices such as the field app on my
// phone), and ending one of them, say a phone left behind.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { accountMessages } from './account-messages.ts';
import { endSessionById, listSessions } from './device-sessions.ts';
import { SessionIdParams, SessionListResponse } from './session-list-schemas.ts';
import { endStreamsOfSessionHash } from './session-streams.ts';
import { hashToken } from './sessions.ts';
import { STAFF_API_PREFIX, sessionCookieName, sessionTokenOf, staffOf } from './staff-auth.ts';

const TAGS = ['staff: session'];

export const sessionListRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  const cookieName = sessionCookieName(ctx.config.publicUrl);

  app.get(
    `${STAFF_API_PREFIX}/sessions`,
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: 'My sessions: browsers and named devices, the most recently used first',
        response: { 200: SessionListResponse, 401: errorResponseRef },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { sessions: await listSessions(db, staffOf(request).userId, sessionTokenOf(ctx, request)) };
    },
  );

  app.delete(
    `${STAFF_API_PREFIX}/sessions/:sessionId`,
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: 'End one of my sessions (a lost phone); ending the current one logs out here',
        params: SessionIdParams,
        response: { 204: Type.Null(), 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const ended = await db.transaction(async (tx) => {
        const gone = await endSessionById(tx, staff.userId, request.params.sessionId);
        if (gone) {
          await recordAudit(tx, {
            kommunenummer: null,
            actorId: staff.userId,
            action: 'session.ended',
            entityType: 'user',
            entityId: staff.userId,
            before: { deviceName: gone.deviceName },
          });
        }
        return gone;
      });
      if (!ended) throw new AppError(404, 'session_not_found', accountMessages.sessionNotFound());
      endStreamsOfSessionHash(ended.tokenHash);
      if (sessionTokenOf(ctx, request) !== undefined && ended.tokenHash.equals(currentHash(request))) {
        reply.clearCookie(cookieName, { path: '/' });
      }
      return reply.code(204).send(null);
    },
  );

  function currentHash(request: Parameters<typeof staffOf>[0]): Buffer {
    return hashToken(sessionTokenOf(ctx, request) ?? '');
  }
};

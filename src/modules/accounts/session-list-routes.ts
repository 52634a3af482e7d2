// My sessions: where I am logged in (browsers, and named devices such as the field app on my
// phone), and ending one of them, say a phone left behind.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { accountMessages } from './account-messages.ts';
import { endSessionById, listSessions, nameCurrentDevice, sessionReachOf } from './device-sessions.ts';
import { DeviceNameBody, SessionIdParams, SessionListResponse } from './session-list-schemas.ts';
import { endStreamsOfSessionHash } from './session-streams.ts';
import { hashToken, SESSION_LIFETIMES } from './sessions.ts';
import {
  STAFF_API_PREFIX,
  sessionCookieName,
  sessionCookieOptions,
  sessionTokenOf,
  staffOf,
} from './staff-auth.ts';

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
      const staff = staffOf(request);
      return {
        sessions: await listSessions(db, staff.userId, sessionTokenOf(ctx, request), sessionReachOf(staff)),
      };
    },
  );

  app.put(
    `${STAFF_API_PREFIX}/session/device`,
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: 'Keep this session on a named device (the field app), as login with deviceName does',
        description:
          'For a login through the municipality’s identity provider, which takes no device name: the session then lasts 30 days unused, at most 90 days from when it was opened, and is listed by this name.',
        body: DeviceNameBody,
        response: { 204: Type.Null(), 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef },
      },
    },
    async (request, reply) => {
      const token = sessionTokenOf(ctx, request) ?? '';
      if (!(await nameCurrentDevice(db, token, request.body.deviceName))) {
        throw new AppError(400, 'device_name_blank', accountMessages.deviceNameBlank());
      }
      reply.setCookie(cookieName, token, {
        ...sessionCookieOptions(ctx.config.publicUrl),
        maxAge: Math.floor(SESSION_LIFETIMES.device.maxMs / 1000),
      });
      return reply.code(204).send(null);
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
        const gone = await endSessionById(tx, staff.userId, request.params.sessionId, sessionReachOf(staff));
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

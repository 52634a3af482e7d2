// Staff sessions: log in, who am I, log out (here or everywhere), and the login page's options.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { queryRows } from '../../db/client.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { staffMessages } from '../../i18n/staff-messages.ts';
import { AppError } from '../../shared/errors.ts';
import { endSessionsWithinReach, sessionReachOf } from './device-sessions.ts';
import { LoginBody, SessionResponse } from './http-schemas.ts';
import { LoginThrottledError, logIn } from './log-in.ts';
import { presentSession } from './present-session.ts';
import { loadPrincipal } from './principal.ts';
import { endStreamsOfSession, endStreamsOfSessionHash, endStreamsOfUser } from './session-streams.ts';
import { endAllSessions, endSession, SESSION_LIFETIMES } from './sessions.ts';
import { STAFF_API_PREFIX, sessionCookieName, sessionCookieOptions, staffOf } from './staff-auth.ts';

export const accountRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const cookieName = sessionCookieName(ctx.config.publicUrl);
  const cookieOptions = sessionCookieOptions(ctx.config.publicUrl);
  const sessionRef = SessionResponse;

  app.post(
    `${STAFF_API_PREFIX}/session`,
    {
      config: { policy: 'anonymous' },
      schema: {
        tags: ['staff: session'],
        summary: 'Log in with email and password',
        description:
          'Sets an HttpOnly session cookie; the session covers every municipality of the account. Failed attempts slow down the client that makes them: after 3 failures for an address, that client waits 2^(n-3) s (at most 15 minutes) before its next try for it (429 with Retry-After). 100 failures for one address within an hour, from anywhere, lock it for 15 minutes; 50 from one client within 15 minutes lock that client.',
        body: LoginBody,
        response: { 200: sessionRef, 400: errorResponseRef, 401: errorResponseRef, 429: errorResponseRef },
      },
    },
    async (request, reply) => {
      let session: Awaited<ReturnType<typeof logIn>>;
      try {
        session = await logIn(ctx.db.db, {
          email: request.body.email,
          password: request.body.password,
          clientAddress: request.ip,
          userAgent: request.headers['user-agent'],
          deviceName: request.body.deviceName,
        });
      } catch (error) {
        if (error instanceof LoginThrottledError)
          reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
      const principal = await loadPrincipal(ctx.db.db, session.userId, null);
      if (!principal) throw new AppError(401, 'invalid_credentials', staffMessages.invalidCredentials());
      // A device's cookie lasts as long as its session may; the server ends it when idle.
      const cookie = request.body.deviceName?.trim()
        ? { ...cookieOptions, maxAge: Math.floor(SESSION_LIFETIMES.device.maxMs / 1000) }
        : cookieOptions;
      reply.setCookie(cookieName, session.token, cookie);
      return presentSession(principal, session.csrfToken);
    },
  );

  app.get(
    `${STAFF_API_PREFIX}/session`,
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['staff: session'],
        summary: 'The logged-in staff member, their municipalities and roles, and the CSRF token',
        response: { 200: sessionRef, 401: errorResponseRef },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return presentSession(staffOf(request), request.staffCsrfToken ?? '');
    },
  );

  app.delete(
    `${STAFF_API_PREFIX}/session`,
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['staff: session'],
        summary: 'Log out this browser',
        response: { 204: Type.Null(), 401: errorResponseRef, 403: errorResponseRef },
      },
    },
    async (request, reply) => {
      const token = request.cookies[cookieName];
      if (token) await endSession(ctx.db.db, token);
      if (token) endStreamsOfSession(token);
      reply.clearCookie(cookieName, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${STAFF_API_PREFIX}/session/logout-everywhere`,
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['staff: session'],
        summary: 'Log out on every device (ends all of this account’s sessions)',
        description:
          'After a login through one municipality’s identity provider, for an account that works for other municipalities too, only the sessions opened through that provider end.',
        response: { 204: Type.Null(), 401: errorResponseRef, 403: errorResponseRef },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const reach = sessionReachOf(staff);
      if (reach.all) {
        await endAllSessions(ctx.db.db, staff.userId);
        endStreamsOfUser(staff.userId);
      } else {
        // A login through one municipality's provider ends that municipality's logins only.
        for (const hash of await endSessionsWithinReach(ctx.db.db, staff.userId, reach)) {
          endStreamsOfSessionHash(hash);
        }
      }
      reply.clearCookie(cookieName, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${STAFF_API_PREFIX}/login-options`,
    {
      config: { policy: 'anonymous' },
      schema: {
        tags: ['staff: session'],
        summary: 'Ways to log in besides a password: each municipality’s own identity provider',
        response: {
          200: Type.Object({
            oidc: Type.Array(
              Type.Object({ kommunenummer: Type.String(), name: Type.String(), startUrl: Type.String() }),
            ),
          }),
        },
      },
    },
    async () => {
      const rows = await queryRows<{ kommunenummer: string; label: string }>(
        ctx.db.db,
        sql`select kommunenummer, label from oidc_providers where enabled order by label`,
      );
      return {
        oidc: rows.map((row) => ({
          kommunenummer: row.kommunenummer,
          name: row.label,
          startUrl: `${STAFF_API_PREFIX}/oidc/${row.kommunenummer}/start`,
        })),
      };
    },
  );
};

// The invited person's side (the page /admin/invitation?token=…): look the invitation up, then
// accept it by logging in as the invited address, or by creating the account. Every call needs
// the token from the mailbox. Anonymous calls are rate-limited per client address.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { SessionResponse } from '../accounts/http-schemas.ts';
import { presentSession } from '../accounts/present-session.ts';
import { loadPrincipal } from '../accounts/principal.ts';
import {
  optionalStaff,
  STAFF_API_PREFIX,
  sessionCookieName,
  sessionCookieOptions,
  staffOf,
} from '../accounts/staff-auth.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { acceptInvitationAsNew } from './accept-invitation-as-new.ts';
import { AcceptedResponse, InvitationLookupResponse, NewAccountBody, TokenBody } from './http-schemas.ts';
import { lookUpInvitation } from './look-up-invitation.ts';

const BASE = `${STAFF_API_PREFIX}/invitations`;
const tags = ['staff: invitations'];
const WINDOW = '15 minutes';
const refusals = {
  400: errorResponseRef,
  403: errorResponseRef,
  404: errorResponseRef,
  409: errorResponseRef,
  410: errorResponseRef,
  429: errorResponseRef,
};

export const invitationRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;

  app.post(
    `${BASE}/lookup`,
    {
      config: { policy: 'anonymous', rateLimit: { max: 60, timeWindow: WINDOW } },
      schema: {
        tags,
        summary:
          'What an invitation offers, and how to accept it (by logging in, or by creating the account)',
        description:
          'Unknown token → 404 `invitation_invalid`; expired, used or withdrawn → 410 `invitation_expired` | `invitation_used` | `invitation_revoked`.',
        body: TokenBody,
        response: { 200: InvitationLookupResponse, ...refusals },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return lookUpInvitation(db, request.body.token, await optionalStaff(ctx, request));
    },
  );

  app.post(
    `${BASE}/accept`,
    {
      config: { policy: 'authenticated', rateLimit: { max: 30, timeWindow: WINDOW } },
      schema: {
        tags,
        summary: 'Accept an invitation with the logged-in account (it must have the invited address)',
        description:
          'Needs both the session and the token. Another account → 403 `invitation_other_account`. Adds the roles and teams; audited in every municipality of the account.',
        body: TokenBody,
        response: { 200: AcceptedResponse, 401: errorResponseRef, ...refusals },
      },
    },
    async (request) => acceptInvitation(db, staffOf(request), request.body.token),
  );

  app.post(
    `${BASE}/accept-new`,
    {
      config: { policy: 'anonymous', rateLimit: { max: 30, timeWindow: WINDOW } },
      schema: {
        tags,
        summary: 'Accept an invitation by creating the account for the invited address (and log in)',
        description:
          'For an address without an account (otherwise 409 `account_exists`: log in and accept). The person chooses their name and password (at least 12 characters); the answer is a session, as after logging in.',
        body: NewAccountBody,
        response: { 200: SessionResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const created = await acceptInvitationAsNew(db, {
        ...request.body,
        userAgent: request.headers['user-agent'],
      });
      const principal = await loadPrincipal(db, created.userId, null);
      if (!principal) throw new Error('new account not found');
      reply.setCookie(
        sessionCookieName(ctx.config.publicUrl),
        created.token,
        sessionCookieOptions(ctx.config.publicUrl),
      );
      return presentSession(principal, created.csrfToken);
    },
  );
};

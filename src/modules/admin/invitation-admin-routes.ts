// Adding people to the municipality: every addition is an invitation the person accepts from
// their mailbox (invitations/create-invitation.ts), whether or not the address has an account
// elsewhere, and the answers never tell which. Pending invitations can be sent again or
// withdrawn. An administrator never sets a password; they can have a reset link sent to an
// account that is only theirs to manage.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { createInvitation } from '../invitations/create-invitation.ts';
import { InvitationCreateBody, InvitationResponse } from '../invitations/http-schemas.ts';
import { findInvitation, listInvitations } from '../invitations/invitation-queries.ts';
import { resendInvitation } from '../invitations/resend-invitation.ts';
import { revokeInvitation } from '../invitations/revoke-invitation.ts';
import { ADMIN_PREFIX, ADMIN_TAGS, IdParams, KommunenummerParams } from './admin-http-schemas.ts';
import { adminMessages } from './admin-messages.ts';
import { notFound } from './admin-support.ts';
import { sendPasswordResetLink } from './send-password-reset-link.ts';

const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };
const tags = ADMIN_TAGS;

export const invitationAdminRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const deps = {
    db: ctx.db.db,
    boss: ctx.jobs.boss,
    emailConfigured: Boolean(ctx.config.smtpUrl),
    publicUrl: ctx.config.publicUrl,
  };

  /** The invitation as the list shows it, just stored. */
  const presented = async (kommunenummer: string, invitationId: string) => {
    const invitation = await findInvitation(ctx.db.db, kommunenummer, invitationId);
    if (!invitation) throw notFound('invitation');
    return invitation;
  };

  app.post(
    `${ADMIN_PREFIX}/users`,
    {
      config: { policy: 'admin.users' },
      schema: {
        tags,
        summary: 'Invite a staff member (by email; they accept from their mailbox)',
        description:
          'Always creates an invitation, whether or not the address has an account in another municipality, and answers the same either way: no roles are given and no account is created until the person accepts with the emailed link (7 days, once). 409 `user_exists`: the person already works here; 409 `invitation_pending`: an invitation to the address is pending here.',
        params: KommunenummerParams,
        body: InvitationCreateBody,
        response: { 201: InvitationResponse, ...errors, 409: errorResponseRef },
      },
    },
    async (request, reply) => {
      const { kommunenummer } = request.params;
      const stored = await createInvitation(deps, {
        ...request.body,
        kommunenummer,
        invitedBy: staffOf(request).userId,
      });
      return reply.code(201).send(await presented(kommunenummer, stored.invitationId));
    },
  );

  app.get(
    `${ADMIN_PREFIX}/invitations`,
    {
      config: { policy: 'admin.users' },
      schema: {
        tags,
        summary: 'Invitations not yet accepted or withdrawn (expired ones too)',
        params: KommunenummerParams,
        response: { 200: Type.Object({ invitations: Type.Array(InvitationResponse) }), ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { invitations: await listInvitations(ctx.db.db, request.params.kommunenummer) };
    },
  );

  app.post(
    `${ADMIN_PREFIX}/invitations/:id/resend`,
    {
      config: { policy: 'admin.users' },
      schema: {
        tags,
        summary: 'Send an invitation again: a new link for 7 days; the old link stops working',
        params: IdParams,
        response: { 201: InvitationResponse, ...errors, 409: errorResponseRef },
      },
    },
    async (request, reply) => {
      const { kommunenummer, id } = request.params;
      const stored = await resendInvitation(deps, staffOf(request).userId, kommunenummer, id);
      return reply.code(201).send(await presented(kommunenummer, stored.invitationId));
    },
  );

  app.delete(
    `${ADMIN_PREFIX}/invitations/:id`,
    {
      config: { policy: 'admin.users' },
      schema: {
        tags,
        summary: 'Withdraw an invitation; its link stops working',
        params: IdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeInvitation(
        ctx.db.db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.params.id,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${ADMIN_PREFIX}/users/:id/password-reset`,
    {
      config: { policy: 'admin.users', rateLimit: { max: 30, timeWindow: '15 minutes' } },
      schema: {
        tags,
        summary: "Send a link to set a new password to the account's own address",
        description:
          'Only for an account you may change (accountEditable; else 403 `account_shared`) that has a password (else 409 `no_password`). The link goes to the mailbox only, works for an hour, at most 3 per account and hour.',
        params: IdParams,
        response: { 202: Type.Object({ message: Type.String() }), ...errors, 409: errorResponseRef },
      },
    },
    async (request, reply) => {
      await sendPasswordResetLink(deps, staffOf(request), request.params.kommunenummer, request.params.id);
      return reply.code(202).send({ message: adminMessages.resetLinkSent()[requestLanguage(request)] });
    },
  );
};

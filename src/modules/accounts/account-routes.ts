// "My account" (/admin/account): the logged-in holder's own name, language and password, and the
// link between their account and a municipality's login. These are the account's own fields,
// shared by every municipality it works for, so they are the holder's to change (see
// account-policy.ts for the administrators who may too).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { AppError } from '../../shared/errors.ts';
import { accountMessages } from './account-messages.ts';
import { changeOwnPassword } from './change-own-password.ts';
import { getOwnAccount } from './get-own-account.ts';
import { OwnAccountBody, OwnAccountResponse, PasswordChangeBody } from './http-schemas.ts';
import { LoginThrottledError } from './log-in.ts';
import { unlinkOidcIdentity } from './oidc-link-account.ts';
import { oidcStateCookie } from './oidc-start-login.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import { loadPrincipal } from './principal.ts';
import { STAFF_API_PREFIX, sessionTokenOf, staffOf } from './staff-auth.ts';
import { startOidcLink } from './start-oidc-link.ts';
import { updateOwnAccount } from './update-own-account.ts';

const BASE = `${STAFF_API_PREFIX}/account`;
const tags = ['staff: my account'];
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef };

export const ownAccountRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  // The same state cookie as a login's (oidc-routes.ts): the callback reads it.
  const stateCookie = oidcStateCookie(ctx.config.publicUrl);

  /** The principal again after a change, so the answer shows it. */
  const reloaded = async (userId: string, scope: string | null) => {
    const principal = await loadPrincipal(db, userId, scope);
    if (!principal) throw new AppError(401, 'not_logged_in', accountMessages.sessionScoped());
    return principal;
  };

  app.get(
    BASE,
    {
      config: { policy: 'authenticated' },
      schema: { tags, summary: 'My account', response: { 200: OwnAccountResponse, ...errors } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getOwnAccount(db, staffOf(request));
    },
  );

  app.put(
    BASE,
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Change my name or language',
        description:
          'Only in a session that covers every municipality of the account (403 `account_session_scoped` after one municipality’s login, when the account works for others too). Audited in every municipality of the account.',
        body: OwnAccountBody,
        response: { 200: OwnAccountResponse, ...errors },
      },
    },
    async (request) => {
      const principal = staffOf(request);
      await updateOwnAccount(db, principal, request.body);
      return getOwnAccount(db, await reloaded(principal.userId, principal.scope));
    },
  );

  app.post(
    `${BASE}/password`,
    {
      config: { policy: 'authenticated', rateLimit: { max: 30, timeWindow: '15 minutes' } },
      schema: {
        tags,
        summary: 'Change my password (the current one is required); ends my other sessions',
        description: `The new password needs at least ${MIN_PASSWORD_LENGTH} characters. A wrong current password → 400 \`wrong_current_password\`, throttled like a login (429).`,
        body: PasswordChangeBody,
        response: { 200: Type.Object({ message: Type.String() }), ...errors, 429: errorResponseRef },
      },
    },
    async (request, reply) => {
      const token = sessionTokenOf(ctx, request) ?? '';
      try {
        await changeOwnPassword(db, staffOf(request), {
          currentPassword: request.body.currentPassword,
          newPassword: request.body.newPassword,
          sessionToken: token,
          clientAddress: request.ip,
        });
      } catch (error) {
        if (error instanceof LoginThrottledError)
          reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
      return { message: accountMessages.passwordChanged()[requestLanguage(request)] };
    },
  );

  app.post(
    `${BASE}/oidc/:kommunenummer/link`,
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: "Link my account to a municipality's login (answers the provider's address to go to)",
        description:
          'Only in a password session (403 `password_session_required`), for a municipality the account works for, while it is not linked yet (409 `oidc_already_linked`). The browser then goes to `redirectTo`; the provider sends it back to the callback, which links the identity to this account and redirects to /admin/account?oidc=…',
        params: Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) }),
        response: {
          200: Type.Object({ redirectTo: Type.String() }),
          ...errors,
          404: errorResponseRef,
          409: errorResponseRef,
        },
      },
    },
    async (request, reply) => {
      const started = await startOidcLink(
        db,
        { keyring: ctx.keyring, allowPrivateIssuers: ctx.config.oidcAllowPrivateIssuers },
        staffOf(request),
        sessionTokenOf(ctx, request) ?? '',
        request.params.kommunenummer,
        ctx.config.publicUrl,
      );
      reply.setCookie(stateCookie.name, started.state, stateCookie.options);
      reply.header('cache-control', 'no-store');
      return { redirectTo: started.redirectTo };
    },
  );

  app.delete(
    `${BASE}/oidc`,
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: "Remove the link between my account and a municipality's login",
        description: 'Only in a password session. Audited in every municipality of the account.',
        response: { 200: OwnAccountResponse, ...errors, 409: errorResponseRef },
      },
    },
    async (request) => {
      const principal = staffOf(request);
      await unlinkOidcIdentity(db, principal);
      return getOwnAccount(db, principal);
    },
  );
};

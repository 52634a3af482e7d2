// "Forgot password" for staff accounts with a password: ask for a link by email, then set a new
// password with it. Both anonymous and rate-limited per client address. The request is answered
// 202 with the same words before anything is looked up, so neither the answer nor its timing
// tells whether the address has an account.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { confirmPasswordReset } from './password-reset-confirm.ts';
import { passwordResetMessages } from './password-reset-messages.ts';
import { requestPasswordReset } from './password-reset-request.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import { STAFF_API_PREFIX } from './staff-auth.ts';

/** Requests per client address: a town hall shares one, an attacker gets nowhere with ten. */
export const RESET_REQUESTS_PER_WINDOW = 10;
const WINDOW = '15 minutes';
const Answer = Type.Object({ message: Type.String() });
const tags = ['staff: session'];

export const passwordResetRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const deps = {
    db: ctx.db.db,
    boss: ctx.jobs.boss,
    emailConfigured: Boolean(ctx.config.smtpUrl),
    publicUrl: ctx.config.publicUrl,
  };

  app.post(
    `${STAFF_API_PREFIX}/password-reset`,
    {
      config: {
        policy: 'anonymous',
        rateLimit: { max: RESET_REQUESTS_PER_WINDOW, timeWindow: WINDOW },
      },
      schema: {
        tags,
        summary: 'Ask for a link to set a new password (always 202, whether or not the account exists)',
        description:
          'An active account with a password gets an email with a link to `/admin/reset-password?token=…`, valid for one hour and once. At most 3 links per account and hour.',
        body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }) }),
        response: { 202: Answer, 400: errorResponseRef, 429: errorResponseRef },
      },
    },
    async (request, reply) => {
      reply.code(202).send({ message: passwordResetMessages.requested()[requestLanguage(request)] });
      try {
        await requestPasswordReset(deps, request.body.email);
      } catch (error) {
        request.log.error({ err: error }, 'password reset request failed');
      }
      return reply;
    },
  );

  app.post(
    `${STAFF_API_PREFIX}/password-reset/confirm`,
    {
      config: { policy: 'anonymous', rateLimit: { max: 30, timeWindow: WINDOW } },
      schema: {
        tags,
        summary: 'Set a new password with the token from the link; ends every session of the account',
        description: `The password needs at least ${MIN_PASSWORD_LENGTH} characters. An unknown, used or expired token → 400 \`reset_token_invalid\`.`,
        body: Type.Object({
          token: Type.String({ minLength: 1, maxLength: 200 }),
          password: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
        response: { 200: Answer, 400: errorResponseRef, 429: errorResponseRef },
      },
    },
    async (request) => {
      await confirmPasswordReset(ctx.db.db, request.body);
      return { message: passwordResetMessages.passwordChanged()[requestLanguage(request)] };
    },
  );
};

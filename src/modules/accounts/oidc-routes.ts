// Login through the municipality's own OpenID provider (Entra ID, Keycloak…): start sends the
// browser to the provider, callback brings it back with a session scoped to that municipality.
// The same callback finishes a holder's link started from "My account" (account-routes.ts). Both
// are plain browser navigations, so every outcome is a redirect to the back office, never a JSON
// error (except a municipality without a provider: 404); the server log says why a flow was
// refused (never with personal data). Start makes the server talk to the provider, and anyone may
// call it, so each client may start only a few logins a minute.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { finishOidcLogin } from './oidc-finish-login.ts';
import { oidcStateCookie, startOidcLogin } from './oidc-start-login.ts';
import { STAFF_API_PREFIX, sessionCookieName, sessionCookieOptions } from './staff-auth.ts';

const CALLBACK_PATH = `${STAFF_API_PREFIX}/oidc/callback`;
/** Logins one client address may start per minute; a person needs one or two. */
export const OIDC_START_LIMIT_PER_MINUTE = 20;

/** The start limit's refusal: still an AppError (429), answered below as a redirect. */
class OidcStartLimited extends AppError {}
const Redirect = Type.Null({ description: 'Redirect', headers: { location: Type.String() } });

export const oidcRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const deps = { keyring: ctx.keyring, allowPrivateIssuers: ctx.config.oidcAllowPrivateIssuers };
  // Only this plugin's routes: the refused start goes back to the login page, with Retry-After.
  app.setErrorHandler((error, _request, reply) => {
    if (!(error instanceof OidcStartLimited)) throw error;
    reply.header('cache-control', 'no-store');
    return reply.redirect('/admin/login?error=oidc_rate_limited', 302);
  });
  const { name: stateCookie, options: stateCookieOptions } = oidcStateCookie(ctx.config.publicUrl);

  app.get(
    `${STAFF_API_PREFIX}/oidc/:kommunenummer/start`,
    {
      config: {
        policy: 'anonymous',
        rateLimit: {
          max: OIDC_START_LIMIT_PER_MINUTE,
          timeWindow: '1 minute',
          errorResponseBuilder: (_request, context) =>
            new OidcStartLimited(429, 'rate_limited', messages.rateLimited(Math.ceil(context.ttl / 1000))),
        },
      },
      schema: {
        tags: ['staff: session'],
        summary: "Log in through the municipality's identity provider (redirects there)",
        description: `At most ${OIDC_START_LIMIT_PER_MINUTE} per client and minute; beyond that it redirects to /admin/login?error=oidc_rate_limited.`,
        params: Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) }),
        response: { 302: Redirect, 400: errorResponseRef, 404: errorResponseRef },
      },
    },
    async (request, reply) => {
      let started: { redirectTo: string; state: string };
      try {
        started = await startOidcLogin(ctx.db.db, deps, request.params.kommunenummer, ctx.config.publicUrl);
      } catch (error) {
        if (error instanceof AppError) throw error;
        // The provider is down, refused (not a public address) or broken, or its client secret cannot
        // be decrypted: the person gets the login page, the log says which.
        request.log.warn({ err: error }, 'OIDC login could not start');
        return reply.redirect('/admin/login?error=oidc_failed', 302);
      }
      const { redirectTo, state } = started;
      reply.setCookie(stateCookie, state, stateCookieOptions);
      reply.header('cache-control', 'no-store');
      return reply.redirect(redirectTo, 302);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: { policy: 'anonymous' },
      schema: {
        tags: ['staff: session'],
        summary: 'Where the identity provider sends the browser back',
        description:
          'A login: redirects to /admin/ with a session cookie (scoped to the municipality), or to /admin/login?error=oidc_no_account|oidc_failed. A link started from My account: redirects to /admin/account?oidc=linked|link_session_gone|link_already_linked|link_identity_taken|link_failed.',
        response: { 302: Redirect },
      },
    },
    async (request, reply) => {
      const query = new URLSearchParams(request.url.split('?')[1] ?? '');
      const result = await finishOidcLogin(ctx.db.db, deps, ctx.config.publicUrl, {
        cookieState: request.cookies[stateCookie],
        query,
        userAgent: request.headers['user-agent'],
      });
      reply.clearCookie(stateCookie, { path: '/' });
      reply.header('cache-control', 'no-store');
      switch (result.kind) {
        case 'ok':
          request.log.info({ userId: result.userId }, 'staff logged in through OIDC');
          reply.setCookie(
            sessionCookieName(ctx.config.publicUrl),
            result.token,
            sessionCookieOptions(ctx.config.publicUrl),
          );
          return reply.redirect('/admin/', 302);
        case 'linked':
          request.log.info(
            { userId: result.userId },
            'staff account linked to an OIDC identity by its holder',
          );
          return reply.redirect('/admin/account?oidc=linked', 302);
        case 'link_refused':
          request.log.warn({ reason: result.reason }, `OIDC link refused: ${result.reason}`);
          return reply.redirect(`/admin/account?oidc=link_${result.code}`, 302);
        case 'no_account':
          request.log.warn({ reason: result.reason }, `OIDC login refused: ${result.reason}`);
          return reply.redirect('/admin/login?error=oidc_no_account', 302);
        case 'failed':
          request.log.warn(
            { reason: result.reason, err: result.error },
            `OIDC flow failed: ${result.reason}`,
          );
          return reply.redirect(
            result.intent === 'link' ? '/admin/account?oidc=link_failed' : '/admin/login?error=oidc_failed',
            302,
          );
      }
    },
  );
};

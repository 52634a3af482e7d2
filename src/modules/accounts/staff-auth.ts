// Every route under /api/v1/staff names the action it performs (route config `policy`), and this
// plugin enforces it before the route runs: a valid session cookie, a CSRF token on every change,
// and the action's policy in the municipality named by the URL (:kommunenummer). A staff route
// without a policy stops the server at start-up, so no endpoint can be left open by mistake.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../app-context.ts';
import type { Queryable } from '../../db/client.ts';
import { staffMessages } from '../../i18n/staff-messages.ts';
import { AppError } from '../../shared/errors.ts';
import { isStaffAction, may, type StaffAction } from './policies.ts';
import { loadPrincipal, type StaffPrincipal } from './principal.ts';
import { type ActiveSession, findSession, SESSION_COOKIE, SESSION_IDLE_MS } from './sessions.ts';

/** `anonymous`: logging in. `authenticated`: any logged-in staff member (their own session). */
export type RoutePolicy = StaffAction | 'anonymous' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyInstance {
    /** Every staff route and its policy (filled as routes are registered). */
    staffRoutes: StaffRouteInfo[];
  }
  interface FastifyRequest {
    staff?: StaffPrincipal;
    staffCsrfToken?: string;
  }
}

export const STAFF_API_PREFIX = '/api/v1/staff';

/** Every staff route and its policy, as registered; the authorisation matrix test walks these. */
export interface StaffRouteInfo {
  method: string;
  url: string;
  policy: RoutePolicy;
}

export function sessionCookieName(publicUrl: string): string {
  // __Host- cookies are only accepted over HTTPS, for the whole host, never for another subdomain.
  return publicUrl.startsWith('https:') ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function sessionCookieOptions(publicUrl: string) {
  return {
    path: '/',
    httpOnly: true,
    secure: publicUrl.startsWith('https:'),
    sameSite: 'strict' as const,
    maxAge: Math.floor(SESSION_IDLE_MS / 1000),
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The logged-in staff member; for use in handlers of routes whose policy requires a login. */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  if (!request.staff) throw new AppError(401, 'not_logged_in', staffMessages.notLoggedIn());
  return request.staff;
}

function municipalityParam(request: FastifyRequest): string | undefined {
  const params = request.params as Record<string, string | undefined> | undefined;
  return params?.kommunenummer;
}

/**
 * The live session for a cookie token and its staff member, or 401: the hook's first check, and
 * what an open live stream asks again (with `touch: false`, so asking does not extend the session).
 */
export async function staffSession(
  db: Queryable,
  token: string | undefined,
  options: { touch?: boolean } = {},
): Promise<{ session: ActiveSession; principal: StaffPrincipal }> {
  const session = token ? await findSession(db, token, options) : null;
  // A session opened through a municipality's provider sees that municipality only.
  const principal = session ? await loadPrincipal(db, session.userId, session.scope) : null;
  if (!session || !principal) throw new AppError(401, 'not_logged_in', staffMessages.notLoggedIn());
  return { session, principal };
}

/** 403 unless the staff member may do the action in the municipality: the hook's last check. */
export function requirePolicy(
  principal: StaffPrincipal,
  policy: StaffAction,
  kommunenummer: string | undefined,
) {
  if (!kommunenummer || !may(principal, policy, kommunenummer)) {
    throw new AppError(403, 'forbidden', staffMessages.forbidden());
  }
}

/** The session cookie's token, if the request carries one. */
export function sessionTokenOf(ctx: AppContext, request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(ctx.config.publicUrl)];
}

/**
 * The logged-in staff member on a route open to anyone (an invitation's page asks whether the
 * person is already logged in as the invited address), or null. Reads only: no CSRF involved.
 */
export async function optionalStaff(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<StaffPrincipal | null> {
  const token = sessionTokenOf(ctx, request);
  const session = token ? await findSession(ctx.db.db, token) : null;
  return session ? loadPrincipal(ctx.db.db, session.userId, session.scope) : null;
}

function enforce(ctx: AppContext, policy: RoutePolicy): onRequestHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (policy === 'anonymous') return;
    const { session, principal } = await staffSession(ctx.db.db, sessionTokenOf(ctx, request));
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
        throw new AppError(403, 'csrf_token_invalid', staffMessages.csrfMissing());
      }
    }
    request.staff = principal;
    request.staffCsrfToken = session.csrfToken;
    if (policy === 'authenticated') return;
    requirePolicy(principal, policy, municipalityParam(request));
  };
}

/**
 * The policy is checked for the municipality in the URL, so nothing else in the request may name
 * another one: a handler that spread the body over its input (`{ kommunenummer, ...body }`) once
 * let a `kommunenummer` in the body replace the URL's and reach another municipality's data. A
 * body or query naming a different municipality is refused before validation, for every staff
 * route with :kommunenummer, whatever its handler does.
 */
async function refuseOtherMunicipality(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const named = municipalityParam(request);
  for (const part of [request.body, request.query]) {
    if (part === null || typeof part !== 'object' || Array.isArray(part)) continue;
    if (Object.hasOwn(part, 'kommunenummer') && (part as Record<string, unknown>).kommunenummer !== named) {
      throw new AppError(400, 'municipality_mismatch', staffMessages.municipalityMismatch());
    }
  }
}

/**
 * Registered at the top level before any staff route. Lists the staff routes in `app.staffRoutes`
 * (for the authorisation matrix test).
 */
export const staffAuth = fp<{ ctx: AppContext }>(
  async (app: FastifyInstance, { ctx }) => {
    const routes: StaffRouteInfo[] = [];
    app.decorate('staffRoutes', routes);
    app.decorateRequest('staff', undefined);
    app.decorateRequest('staffCsrfToken', undefined);
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith(STAFF_API_PREFIX)) return;
      const policy = route.config?.policy;
      if (
        policy === undefined ||
        !(policy === 'anonymous' || policy === 'authenticated' || isStaffAction(policy))
      ) {
        throw new Error(`Staff route ${String(route.method)} ${route.url} has no valid policy in its config`);
      }
      if (policy !== 'anonymous' && policy !== 'authenticated' && !route.url.includes(':kommunenummer')) {
        throw new Error(`Staff route ${route.url} checks "${policy}" but names no :kommunenummer`);
      }
      const existing = route.onRequest;
      const hooks = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
      route.onRequest = [enforce(ctx, policy), ...hooks];
      if (route.url.includes(':kommunenummer')) {
        const validation = route.preValidation;
        route.preValidation = [
          refuseOtherMunicipality,
          ...(validation === undefined ? [] : Array.isArray(validation) ? validation : [validation]),
        ];
      }
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') routes.push({ method, url: route.url, policy });
      }
    });
  },
  { name: 'staff-auth' },
);

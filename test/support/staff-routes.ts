// Walking the staff API: every registered staff route with its policy (app.staffRoutes), a path
// for it in a chosen municipality, and the status a request there gets. Used by the
// authorisation matrix and by the tests of sessions that must reach nothing in a municipality.
import { randomUUID } from 'node:crypto';
import type { StaffRouteInfo } from '../../src/modules/accounts/staff-auth.ts';
import type { TestApp } from './test-app.ts';

/** A session as the matrix sends it: its cookie, and the CSRF token for changes. */
export interface SessionHeaders {
  cookie: string;
  csrfToken: string;
}

/** The route's path in one municipality, with a random UUID for every other parameter. */
export function pathFor(route: StaffRouteInfo, kommunenummer: string): string {
  return route.url.replace(':kommunenummer', kommunenummer).replace(/:[A-Za-z]+/g, () => randomUUID());
}

/** The routes that check a role in the municipality the address names. */
export function municipalityRoutes(t: TestApp): StaffRouteInfo[] {
  return t.app.staffRoutes.filter((r) => r.policy !== 'anonymous' && r.policy !== 'authenticated');
}

/** Sends the request and reads only the status: streams (live updates, exports) are cut off at once. */
export async function statusOf(
  t: TestApp,
  session: SessionHeaders | null,
  route: StaffRouteInfo,
  path: string,
): Promise<number> {
  const controller = new AbortController();
  const safe = route.method === 'GET' || route.method === 'HEAD';
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (!safe) headers['x-csrf-token'] = session.csrfToken;
  }
  if (!safe) headers['content-type'] = 'application/json';
  const response = await fetch(`${t.baseUrl}${path}`, {
    method: route.method,
    headers,
    ...(safe ? {} : { body: '{}' }),
    signal: controller.signal,
  });
  controller.abort();
  return response.status;
}

/** Every route of the municipality that does not answer 403 to this session: should be none. */
export async function reachableIn(
  t: TestApp,
  session: SessionHeaders,
  kommunenummer: string,
): Promise<string[]> {
  const reached: string[] = [];
  for (const route of municipalityRoutes(t)) {
    const status = await statusOf(t, session, route, pathFor(route, kommunenummer));
    if (status !== 403) reached.push(`${route.method} ${route.url} → ${status}`);
  }
  return reached;
}

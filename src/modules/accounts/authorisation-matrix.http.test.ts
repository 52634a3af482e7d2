// Walks every staff endpoint × every role × own/other municipality and checks that the answer is
// exactly what ROLE_ACTIONS says: allowed roles get past authorisation (any status but 401/403),
// others get 403; nobody gets into another municipality; without a session everyone gets 401.
// A route added without a policy cannot even be registered (see staff-auth.ts), so "every
// endpoint" here is every endpoint.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { ROLE_ACTIONS, type StaffAction } from './policies.ts';
import { STAFF_ROLES, type StaffRole } from './roles.ts';
import type { StaffRouteInfo } from './staff-auth.ts';

const OWN = '4001';
const OTHER = '3907';

function pathFor(route: StaffRouteInfo, kommunenummer: string): string {
  return route.url.replace(':kommunenummer', kommunenummer).replace(/:[A-Za-z]+/g, () => randomUUID());
}

/** Sends the request and reads only the status: streams (live updates, exports) are cut off at once. */
async function statusOf(
  t: TestApp,
  client: StaffClient | null,
  route: StaffRouteInfo,
  path: string,
): Promise<number> {
  const controller = new AbortController();
  const safe = route.method === 'GET' || route.method === 'HEAD';
  const headers: Record<string, string> = {};
  if (client) {
    headers.cookie = client.cookie;
    if (!safe) headers['x-csrf-token'] = client.csrfToken;
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

describe.each(databaseKinds())('authorisation matrix on %s', (kind) => {
  let t: TestApp;
  const clients = new Map<StaffRole, StaffClient>();
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: OTHER, name: 'Tønsberg' });
    for (const role of STAFF_ROLES) {
      clients.set(
        role,
        await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: OWN, roles: [role] })),
      );
    }
  });
  afterAll(() => t.close());

  it('knows every staff route, and each names a policy', () => {
    expect(t.app.staffRoutes.length).toBeGreaterThan(5);
    for (const route of t.app.staffRoutes) expect(route.policy, `${route.method} ${route.url}`).toBeTruthy();
  });

  it('lets exactly the roles in ROLE_ACTIONS through, in their own municipality only', async () => {
    const failures: string[] = [];
    const scoped = t.app.staffRoutes.filter((r) => r.policy !== 'anonymous' && r.policy !== 'authenticated');
    for (const route of scoped) {
      const allowed: readonly StaffRole[] = ROLE_ACTIONS[route.policy as StaffAction];
      for (const role of STAFF_ROLES) {
        const client = clients.get(role) ?? null;
        const own = await statusOf(t, client, route, pathFor(route, OWN));
        const ownOk = allowed.includes(role) ? own !== 401 && own !== 403 : own === 403;
        if (!ownOk) failures.push(`${role} ${route.method} ${route.url} (${route.policy}) own → ${own}`);
        const other = await statusOf(t, client, route, pathFor(route, OTHER));
        if (other !== 403)
          failures.push(`${role} ${route.method} ${route.url} other municipality → ${other}`);
      }
      const anonymous = await statusOf(t, null, route, pathFor(route, OWN));
      if (anonymous !== 401) failures.push(`anonymous ${route.method} ${route.url} → ${anonymous}`);
    }
    expect(failures).toEqual([]);
  });

  it('asks for a login on session routes, and lets anyone reach the login routes', async () => {
    for (const route of t.app.staffRoutes.filter((r) => r.policy === 'authenticated')) {
      expect(await statusOf(t, null, route, pathFor(route, OWN)), `${route.method} ${route.url}`).toBe(401);
      const client = clients.get('leser') ?? null;
      const status = await statusOf(t, client, route, pathFor(route, OWN));
      expect([401, 403], `${route.method} ${route.url}`).not.toContain(status);
      // Logging out ends the session the loop uses: log in again.
      if (route.method !== 'GET') {
        clients.set(
          'leser',
          await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: OWN, roles: ['leser'] })),
        );
      }
    }
  });
});

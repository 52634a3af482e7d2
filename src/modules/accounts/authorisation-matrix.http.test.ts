// Walks every staff endpoint × every role × own/other municipality and checks that the answer is
// exactly what ROLE_ACTIONS says: allowed roles get past authorisation with an answer that is
// neither 401/403 nor a server error (a 5xx never counts as allowed), others get 403; nobody gets
// into another municipality; without a session everyone gets 401. Then the same for one account
// in two municipalities with different roles, logged in with its password (each municipality's
// own roles) and through one municipality's identity provider (that municipality only).
// A route added without a policy cannot even be registered (see staff-auth.ts), so "every
// endpoint" here is every endpoint.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { oidcFlow, registerOidcProvider, sessionCookieFrom } from '../../../test/support/oidc-flow.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../../../test/support/oidc-test-provider.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import {
  municipalityRoutes,
  pathFor,
  type SessionHeaders,
  statusOf,
} from '../../../test/support/staff-routes.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { ROLE_ACTIONS, type StaffAction } from './policies.ts';
import { STAFF_ROLES, type StaffRole } from './roles.ts';

const OWN = '4001';
const OTHER = '3907';

/** What a role must get: allowed → past authorisation and no server error; otherwise 403. */
function expected(allowed: boolean, status: number): boolean {
  return allowed ? status !== 401 && status !== 403 && status < 500 : status === 403;
}

describe.each(databaseKinds())('authorisation matrix on %s', (kind) => {
  let t: TestApp;
  let idp: TestOidcProvider;
  const clients = new Map<StaffRole, StaffClient>();
  beforeAll(async () => {
    t = await startTestApp(kind, { oidcAllowPrivateIssuers: true });
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: OTHER, name: 'Tønsberg' });
    for (const role of STAFF_ROLES) {
      clients.set(
        role,
        await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: OWN, roles: [role] })),
      );
    }
    idp = await startTestOidcProvider(`${t.ctx.config.publicUrl}/api/v1/staff/oidc/callback`);
    await registerOidcProvider(t, OTHER, idp, 'Tønsberg kommune');
  });
  afterAll(async () => {
    await idp?.close();
    await t?.close();
  });

  it('knows every staff route, and each names a policy', () => {
    expect(t.app.staffRoutes.length).toBeGreaterThan(5);
    for (const route of t.app.staffRoutes) expect(route.policy, `${route.method} ${route.url}`).toBeTruthy();
  });

  // Every staff route for every role (about 90 routes × 7 roles): ~25 s alone, up to 40 s on a busy 2-core machine.
  it('lets exactly the roles in ROLE_ACTIONS through, in their own municipality only', async () => {
    const failures: string[] = [];
    for (const route of municipalityRoutes(t)) {
      const allowed: readonly StaffRole[] = ROLE_ACTIONS[route.policy as StaffAction];
      for (const role of STAFF_ROLES) {
        const client = clients.get(role) ?? null;
        const own = await statusOf(t, client, route, pathFor(route, OWN));
        if (!expected(allowed.includes(role), own))
          failures.push(`${role} ${route.method} ${route.url} (${route.policy}) own → ${own}`);
        const other = await statusOf(t, client, route, pathFor(route, OTHER));
        if (other !== 403)
          failures.push(`${role} ${route.method} ${route.url} other municipality → ${other}`);
      }
      const anonymous = await statusOf(t, null, route, pathFor(route, OWN));
      if (anonymous !== 401) failures.push(`anonymous ${route.method} ${route.url} → ${anonymous}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('gives an account in two municipalities each one’s own roles, and through one’s login only that one', async () => {
    // admin in OWN, leser in OTHER; its identity at OTHER's provider linked earlier.
    const shared = await buildStaffUser(t.ctx.db.db, { kommunenummer: OWN, roles: ['admin'] });
    await t.ctx.db.db.execute(sql`insert into staff_roles (user_id, kommunenummer, role)
      values (${shared.id}::uuid, ${OTHER}, 'leser')`);
    await t.ctx.db.db.execute(sql`update staff_users set oidc_issuer = ${idp.issuer}, oidc_subject = 'shared'
      where id = ${shared.id}::uuid`);
    const withPassword: SessionHeaders = await logInAs(t, shared);
    const flow = await oidcFlow(t, idp, OTHER, {
      sub: 'shared',
      email: shared.email,
      emailVerified: true,
      name: 'Shared',
    });
    expect(flow.location).toBe('/admin/');
    const cookie = sessionCookieFrom(t, flow.jar);
    const session = await t.request('GET', '/api/v1/staff/session', { headers: { cookie } });
    const throughOther: SessionHeaders = { cookie, csrfToken: session.body.csrfToken };

    const failures: string[] = [];
    for (const route of municipalityRoutes(t)) {
      const allowed: readonly StaffRole[] = ROLE_ACTIONS[route.policy as StaffAction];
      const where = `${route.method} ${route.url} (${route.policy})`;
      const ownStatus = await statusOf(t, withPassword, route, pathFor(route, OWN));
      if (!expected(allowed.includes('admin'), ownStatus))
        failures.push(`password, admin in ${OWN}: ${where} → ${ownStatus}`);
      const otherStatus = await statusOf(t, withPassword, route, pathFor(route, OTHER));
      if (!expected(allowed.includes('leser'), otherStatus))
        failures.push(`password, leser in ${OTHER}: ${where} → ${otherStatus}`);
      const scopedOther = await statusOf(t, throughOther, route, pathFor(route, OTHER));
      if (!expected(allowed.includes('leser'), scopedOther))
        failures.push(`${OTHER}'s login, leser in ${OTHER}: ${where} → ${scopedOther}`);
      const scopedOwn = await statusOf(t, throughOther, route, pathFor(route, OWN));
      if (scopedOwn !== 403) failures.push(`${OTHER}'s login, in ${OWN}: ${where} → ${scopedOwn}`);
    }
    expect(failures).toEqual([]);
  });

  it('asks for a login on session routes, and lets anyone reach the login routes', async () => {
    for (const route of t.app.staffRoutes.filter((r) => r.policy === 'authenticated')) {
      expect(await statusOf(t, null, route, pathFor(route, OWN)), `${route.method} ${route.url}`).toBe(401);
      const client = clients.get('leser') ?? null;
      const status = await statusOf(t, client, route, pathFor(route, OWN));
      expect([401, 403], `${route.method} ${route.url}`).not.toContain(status);
      expect(status, `${route.method} ${route.url}`).toBeLessThan(500);
      // Logging out ends the session the loop uses: log in again.
      if (route.method !== 'GET') {
        clients.set(
          'leser',
          await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: OWN, roles: ['leser'] })),
        );
      }
    }
    for (const route of t.app.staffRoutes.filter((r) => r.policy === 'anonymous')) {
      const status = await statusOf(t, null, route, pathFor(route, OWN));
      expect(status, `${route.method} ${route.url}`).toBeLessThan(500);
    }
  });
});

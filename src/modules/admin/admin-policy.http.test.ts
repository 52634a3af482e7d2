// Every administration route is for the municipality's administrators only: a case handler, an
// administrator of another municipality and a stranger are all turned away before anything runs.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe.each(databaseKinds())('administration policies on %s', (kind) => {
  let t: TestApp;
  let caseHandler: StaffClient;
  let otherAdmin: StaffClient;
  let ownAdmin: StaffClient;
  let routes: { method: string; path: string }[];

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
    caseHandler = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, {
        kommunenummer: '4001',
        roles: ['saksbehandler', 'servicekontor', 'feltarbeider', 'leser'],
      }),
    );
    otherAdmin = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4003', roles: ['admin'] }),
    );
    ownAdmin = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }),
    );
    routes = t.app.staffRoutes
      .filter((r) => r.url.includes('/admin/') || r.url.endsWith('/admin'))
      .map((r) => ({
        method: r.method,
        path: r.url.replace(':kommunenummer', '4001').replace(':id', randomUUID()),
      }));
  });
  afterAll(() => t.close());

  it('has every administration route of the contract, each with an admin.* policy', () => {
    const admin = t.app.staffRoutes.filter((r) => r.url.includes('/admin/'));
    expect(admin.every((r) => r.policy.startsWith('admin.'))).toBe(true);
    const listed = admin
      .map((r) => `${r.method} ${r.url.replace('/api/v1/staff/m/:kommunenummer/admin', '')}`)
      .sort();
    expect(listed).toEqual(
      [
        'GET /settings',
        'PUT /settings',
        'GET /groups',
        'POST /groups',
        'PUT /groups/:id',
        'GET /categories',
        'POST /categories',
        'PUT /categories/:id',
        'POST /categories/order',
        'GET /teams',
        'POST /teams',
        'PUT /teams/:id',
        'GET /users',
        'POST /users',
        'PUT /users/:id',
        'POST /users/:id/password-reset',
        // A staff member's sessions, to end a lost phone's (src/modules/admin/user-session-routes.ts).
        'GET /users/:id/sessions',
        'DELETE /users/:id/sessions/:sessionId',
        // Invitations (POST /users invites; src/modules/invitations).
        'GET /invitations',
        'POST /invitations/:id/resend',
        'DELETE /invitations/:id',
        'GET /templates',
        'POST /templates',
        'PUT /templates/:id',
        'GET /report-links',
        'POST /report-links',
        'PUT /report-links/:id',
        // QR sticker sheets as PDF (src/modules/stickers).
        'POST /stickers',
        'GET /audit',
        'GET /oidc',
        'PUT /oidc',
        // Message texts and the outbox (src/modules/notifications).
        'GET /message-templates',
        'PUT /message-templates/:kind/:channel/:language',
        'POST /message-templates/preview',
        'GET /outbox',
      ].sort(),
    );
  });

  it('documents the administration routes in the OpenAPI document', async () => {
    const doc = await t.request('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    const path = doc.body.paths['/api/v1/staff/m/{kommunenummer}/admin/categories/{id}'];
    expect(path.put.tags).toEqual(['staff: administration']);
    expect(Object.keys(doc.body.paths).filter((p: string) => p.includes('/admin/'))).toHaveLength(27);
  });

  it('refuses a case handler (every other role) with 403 on every route', async () => {
    for (const route of routes) {
      const response = await caseHandler.request(
        route.method,
        route.path,
        route.method === 'GET' ? undefined : {},
      );
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
      expect(response.body.error.code).toBe('forbidden');
    }
  });

  it('refuses another municipality’s administrator with 403 on every route', async () => {
    for (const route of routes) {
      const response = await otherAdmin.request(
        route.method,
        route.path,
        route.method === 'GET' ? undefined : {},
      );
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
    }
  });

  it('refuses a request without a session (401) and a change without the CSRF token (403)', async () => {
    for (const route of routes) {
      const anonymous = await t.request(route.method, route.path, route.method === 'GET' ? {} : { body: {} });
      expect(anonymous.status, `${route.method} ${route.path}`).toBe(401);
      if (route.method !== 'GET') {
        const noCsrf = await t.request(route.method, route.path, {
          body: {},
          headers: { cookie: ownAdmin.cookie },
        });
        expect(noCsrf.status, `${route.method} ${route.path}`).toBe(403);
        expect(noCsrf.body.error.code).toBe('csrf_token_invalid');
      }
    }
  });

  it('lets the municipality’s own administrator through (validation or 404 for unknown ids, never 403)', async () => {
    for (const route of routes) {
      const response = await ownAdmin.request(
        route.method,
        route.path,
        route.method === 'GET' ? undefined : {},
      );
      expect([200, 400, 404], `${route.method} ${route.path}`).toContain(response.status);
    }
  });
});

// Ids in the form PostgreSQL's uuid type refuses. Ajv's `uuid` format (ajv-formats) takes
// `urn:uuid:…` too, so such an id passed validation, reached a `::uuid` cast and came back as a
// 500 (found in review on the admin session routes, the field report's assetId, import runs,
// asset types and stickers). The app's own `uuid` format takes the bare form only (app.ts). Every
// staff route with a parameter besides the municipality is asked with such ids, by someone with
// every role: never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.ts';
import { buildPorsgrunn, PLACES } from '../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../test/support/staff.ts';
import { municipalityRoutes, statusOf } from '../../test/support/staff-routes.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { STAFF_ROLES } from '../modules/accounts/roles.ts';

const URN = 'urn:uuid:123e4567-e89b-12d3-a456-426614174000';
const BRACED = '{123e4567-e89b-12d3-a456-426614174000}';

describe.each(databaseKinds())('uuid ids on %s', (kind) => {
  let t: TestApp;
  let staff: StaffClient;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    staff = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: [...STAFF_ROLES] }),
    );
  });
  afterAll(() => t.close());

  it('answers every staff route with a parameter in a form the database refuses with a 4xx', async () => {
    const routes = municipalityRoutes(t).filter((r) => /:(?!kommunenummer)[A-Za-z]+/.test(r.url));
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const odd of [URN, BRACED]) {
      for (const route of routes) {
        const path = route.url
          .replace(':kommunenummer', '4001')
          .replace(/:[A-Za-z]+/g, () => encodeURIComponent(odd));
        const status = await statusOf(t, staff, route, path);
        if (status >= 500) failures.push(`${route.method} ${route.url} with ${odd} → ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers the public pages with an id in their path with a 4xx', async () => {
    for (const odd of [URN, BRACED]) {
      const id = encodeURIComponent(odd);
      for (const path of [
        `/porsgrunn/driftsmeldinger/${id}`,
        `/porsgrunn/meldinger/4001-2026-00001/folg/${id}`,
        `/photos/${id}/thumb`,
      ]) {
        const res = await fetch(`${t.baseUrl}${path}`);
        expect(res.status, path).toBeGreaterThanOrEqual(400);
        expect(res.status, path).toBeLessThan(500);
      }
    }
  });

  it('refuses such an id in a body with a 400, not a 500', async () => {
    const field = await staff.request('POST', '/api/v1/staff/m/4001/field/reports', {
      category: 'vann-lekkasje',
      description: 'Lekkasje ved hydranten.',
      lat: PLACES.porsgrunn.lat,
      lon: PLACES.porsgrunn.lon,
      answers: { mengde: 'renner' },
      assetId: URN,
    });
    expect(field.status).toBe(400);
    expect(field.body.error.code).toBe('invalid_request');
    const stickers = await staff.request('POST', '/api/v1/staff/m/4001/admin/stickers', {
      assetIds: [URN],
      layout: '3x8',
    });
    expect(stickers.status).toBe(400);
    expect(stickers.body.error.code).toBe('invalid_request');
  });
});

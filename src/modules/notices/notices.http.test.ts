// Notices through the real app on both databases: a draft, published, changed and ended, each
// change a version; who may do what; another municipality's staff reach nothing; bad areas and
// windows refused with details; the public list never shows drafts.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildSecondMunicipality, SKIEN } from '../../../test/support/second-municipality.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { auditLog } from '../audit/schema.ts';
import { noticeVersions } from './schema.ts';

const OWN = '4001';
const base = `/api/v1/staff/m/${OWN}/notices`;

/** A small square in Porsgrunn's centre, clockwise (the server turns it counterclockwise). */
const SQUARE_CLOCKWISE = [
  [
    [9.65, 59.13],
    [9.65, 59.15],
    [9.67, 59.15],
    [9.67, 59.13],
    [9.65, 59.13],
  ],
];

function draft(overrides: Record<string, unknown> = {}) {
  return {
    type: 'flushing',
    title: { nb: 'Spyling i sentrum', en: 'Flushing in the centre' },
    body: { nb: 'Vannet kan bli brunt. La kaldtvannet renne.' },
    area: { type: 'Circle', center: { lat: 59.14, lon: 9.66 }, radiusMetres: 500 },
    startsAt: '2026-12-03T07:00:00.000Z',
    expectedEndAt: '2026-12-03T15:00:00.000Z',
    ...overrides,
  };
}

describe.each(databaseKinds())('notices on %s', (kind) => {
  let t: TestApp;
  const staff = {} as Record<
    'admin' | 'saksbehandler' | 'servicekontor' | 'feltarbeider' | 'leser' | 'skienAdmin',
    StaffClient
  >;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildSecondMunicipality(t.ctx.db.db);
    for (const role of ['admin', 'saksbehandler', 'servicekontor', 'feltarbeider', 'leser'] as const) {
      staff[role] = await logInAs(
        t,
        await buildStaffUser(t.ctx.db.db, { kommunenummer: OWN, roles: [role] }),
      );
    }
    staff.skienAdmin = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: SKIEN.kommunenummer, roles: ['admin'] }),
    );
  });
  afterAll(() => t?.close());

  async function publicIds(query = ''): Promise<string[]> {
    const res = await t.request('GET', `/api/v1/municipalities/${OWN}/notices${query}`);
    expect(res.status).toBe(200);
    return (res.body.notices as { id: string }[]).map((n) => n.id);
  }

  it('goes draft → published → updated → ended, one version each, audited, drafts never public', async () => {
    const created = await staff.servicekontor.request('POST', base, draft());
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', version: 1, type: 'flushing', kommunenummer: OWN });
    // A circle of 64 vertices, closed.
    expect(created.body.areas.type).toBe('MultiPolygon');
    expect(created.body.areas.coordinates[0][0]).toHaveLength(65);
    expect(await publicIds()).not.toContain(id);
    expect(await publicIds('?active=true')).not.toContain(id);

    const published = await staff.saksbehandler.request('POST', `${base}/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', version: 2 });
    expect(await publicIds('?active=true')).toContain(id);

    const updated = await staff.admin.request('PUT', `${base}/${id}`, {
      title: { nb: 'Spyling i sentrum forlenget' },
      expectedEndAt: '2026-12-04T15:00:00.000Z',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      status: 'published',
      version: 3,
      title: { nb: 'Spyling i sentrum forlenget' },
      body: { nb: 'Vannet kan bli brunt. La kaldtvannet renne.' },
      expectedEndAt: '2026-12-04T15:00:00.000Z',
    });

    const ended = await staff.saksbehandler.request('POST', `${base}/${id}/end`, {});
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', version: 4 });
    expect(ended.body.endedAt).toEqual(expect.any(String));
    expect(await publicIds('?active=true')).not.toContain(id);
    expect(await publicIds()).toContain(id);

    const read = await staff.leser.request('GET', `${base}/${id}`);
    expect(read.status).toBe(200);
    expect(
      read.body.versions.map((v: { version: number; status: string; title: { nb: string } }) => [
        v.version,
        v.status,
        v.title.nb,
      ]),
    ).toEqual([
      [1, 'draft', 'Spyling i sentrum'],
      [2, 'published', 'Spyling i sentrum'],
      [3, 'published', 'Spyling i sentrum forlenget'],
      [4, 'ended', 'Spyling i sentrum forlenget'],
    ]);
    // Nothing overwritten: the stored rows are the same four.
    const rows = await t.ctx.db.db
      .select()
      .from(noticeVersions)
      .where(eq(noticeVersions.noticeId, id))
      .orderBy(asc(noticeVersions.version));
    expect(rows.map((r) => r.expectedEndAt?.toISOString())).toEqual([
      '2026-12-03T15:00:00.000Z',
      '2026-12-03T15:00:00.000Z',
      '2026-12-04T15:00:00.000Z',
      '2026-12-04T15:00:00.000Z',
    ]);
    const audit = await t.ctx.db.db
      .select({ action: auditLog.action, kommunenummer: auditLog.kommunenummer })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'notice'), eq(auditLog.entityId, id)))
      .orderBy(asc(auditLog.id));
    expect(audit).toEqual(
      ['notice.created', 'notice.published', 'notice.updated', 'notice.ended'].map((action) => ({
        action,
        kommunenummer: OWN,
      })),
    );

    // Ended stays ended.
    expect((await staff.admin.request('PUT', `${base}/${id}`, { title: { nb: 'x' } })).status).toBe(409);
    expect((await staff.admin.request('POST', `${base}/${id}/end`, {})).status).toBe(409);
    expect((await staff.admin.request('POST', `${base}/${id}/publish`)).status).toBe(409);
  });

  it('lifts a boil-water advice: the public text says so, in the asked language or bokmål', async () => {
    const created = await staff.admin.request(
      'POST',
      base,
      draft({
        type: 'boil_water',
        title: { nb: 'Kokevarsel Vestsiden', en: 'Boil water, Vestsiden' },
        body: { nb: 'Kok vannet i ett minutt.' },
        area: { type: 'Polygon', coordinates: SQUARE_CLOCKWISE },
        expectedEndAt: null,
      }),
    );
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    // Exterior rings counterclockwise (RFC 7946): the clockwise square came back reversed.
    expect(created.body.areas.coordinates[0][0]).toEqual([...(SQUARE_CLOCKWISE[0] ?? [])].reverse());
    expect(created.body.bbox).toEqual({ minLat: 59.13, minLon: 9.65, maxLat: 59.15, maxLon: 9.67 });
    expect((await staff.admin.request('POST', `${base}/${id}/publish`)).status).toBe(200);
    // A draft's draft-ness never shows; the published one does, in English where translated.
    const english = await t.request('GET', `/api/v1/municipalities/${OWN}/notices?active=true&lang=en`);
    const advice = english.body.notices.find((n: { id: string }) => n.id === id);
    expect(advice).toMatchObject({
      type: 'boil_water',
      status: 'published',
      lifted: false,
      title: 'Boil water, Vestsiden',
      body: 'Kok vannet i ett minutt.',
      expectedEndAt: null,
    });
    expect(Object.keys(advice).sort()).toEqual(
      [
        'areas',
        'body',
        'endedAt',
        'expectedEndAt',
        'id',
        'lifted',
        'startsAt',
        'status',
        'title',
        'type',
        'updatedAt',
        'version',
      ].sort(),
    );

    const lifted = await staff.saksbehandler.request('POST', `${base}/${id}/end`, {});
    expect(lifted.status).toBe(200);
    expect(lifted.body.title).toEqual({
      nb: 'Kokevarsel opphevet: Kokevarsel Vestsiden',
      nn: 'Kokevarsel oppheva: Kokevarsel Vestsiden',
      en: 'Boil-water advice lifted: Vestsiden',
    });
    const nb = await t.request('GET', `/api/v1/municipalities/${OWN}/notices?lang=nb`);
    expect(nb.body.notices.find((n: { id: string }) => n.id === id)).toMatchObject({
      status: 'ended',
      lifted: true,
      title: 'Kokevarsel opphevet: Kokevarsel Vestsiden',
      body: 'Kokevarselet er opphevet. Vannet kan igjen drikkes uten koking. Kok vannet i ett minutt.',
    });
  });

  it('lets servicekontor draft but not publish, change or end; feltarbeider and leser only read', async () => {
    const id: string = (await staff.servicekontor.request('POST', base, draft())).body.id;
    expect((await staff.servicekontor.request('POST', `${base}/${id}/publish`)).status).toBe(403);
    expect((await staff.servicekontor.request('PUT', `${base}/${id}`, { title: { nb: 'x' } })).status).toBe(
      403,
    );
    for (const client of [staff.feltarbeider, staff.leser]) {
      expect((await client.request('POST', base, draft())).status).toBe(403);
      expect((await client.request('POST', `${base}/${id}/publish`)).status).toBe(403);
      expect((await client.request('POST', `${base}/${id}/end`, {})).status).toBe(403);
      const list = await client.request('GET', base);
      expect(list.status).toBe(200);
      expect(list.body.notices.map((n: { id: string }) => n.id)).toContain(id);
    }
    expect((await staff.admin.request('POST', `${base}/${id}/end`, {})).status).toBe(409);
    const read = await staff.admin.request('GET', `${base}/${id}`);
    expect(read.body).toMatchObject({ status: 'draft', version: 1 });
  });

  it("keeps another municipality's staff out: 403 on its address, 404 for its notices under their own", async () => {
    const id: string = (await staff.admin.request('POST', base, draft())).body.id;
    const skien = staff.skienAdmin;
    expect((await skien.request('GET', base)).status).toBe(403);
    expect((await skien.request('GET', `${base}/${id}`)).status).toBe(403);
    expect((await skien.request('POST', `${base}/${id}/publish`)).status).toBe(403);
    expect((await skien.request('POST', base, draft())).status).toBe(403);
    const theirs = `/api/v1/staff/m/${SKIEN.kommunenummer}/notices`;
    expect((await skien.request('GET', `${theirs}/${id}`)).status).toBe(404);
    expect((await skien.request('PUT', `${theirs}/${id}`, { title: { nb: 'x' } })).status).toBe(404);
    expect((await skien.request('POST', `${theirs}/${id}/publish`)).status).toBe(404);
    expect((await skien.request('POST', `${theirs}/${id}/end`, {})).status).toBe(404);
    expect((await skien.request('GET', theirs)).body.notices).toEqual([]);
    expect((await staff.admin.request('GET', `${base}/${id}`)).body).toMatchObject({
      status: 'draft',
      version: 1,
    });
    // Nor does an anonymous caller get anywhere.
    expect((await t.request('GET', base)).status).toBe(401);
  });

  it('refuses bad areas and windows with 422 and details, malformed input with 400, huge bodies with 413', async () => {
    // Copenhagen: outside Norway's bounding box (Stockholm is inside it).
    const outside = await staff.admin.request(
      'POST',
      base,
      draft({ area: { type: 'Circle', center: { lat: 55.68, lon: 12.57 }, radiusMetres: 500 } }),
    );
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe('invalid_notice');
    expect(outside.body.error.details).toEqual([
      expect.objectContaining({ field: 'area.center', code: 'outside_norway' }),
    ]);

    const open = [
      [
        [9.65, 59.13],
        [9.65, 59.15],
        [9.67, 59.15],
        [9.67, 59.13],
      ],
    ];
    const notClosed = await staff.admin.request(
      'POST',
      base,
      draft({ area: { type: 'MultiPolygon', coordinates: [SQUARE_CLOCKWISE, open] } }),
    );
    expect(notClosed.status).toBe(422);
    expect(notClosed.body.error.details).toEqual([
      expect.objectContaining({ field: 'area.coordinates.1.0', code: 'ring_not_closed' }),
    ]);

    const backwards = await staff.admin.request(
      'POST',
      base,
      draft({ startsAt: '2026-12-03T07:00:00Z', expectedEndAt: '2026-12-03T06:00:00Z' }),
    );
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.details).toEqual([
      expect.objectContaining({ field: 'expectedEndAt', code: 'end_before_start' }),
    ]);

    const tooMany = await staff.admin.request(
      'POST',
      base,
      draft({ area: { type: 'MultiPolygon', coordinates: Array(21).fill(SQUARE_CLOCKWISE) } }),
    );
    expect(tooMany.status).toBe(400);
    const wrongType = await staff.admin.request('POST', base, draft({ type: 'earthquake' }));
    expect(wrongType.status).toBe(400);
    const control = await staff.admin.request('POST', base, draft({ title: { nb: 'Spyling\u0000' } }));
    expect(control.status).toBe(400);
    expect(control.body.error.code).toBe('control_characters');
    const tooBig = await staff.admin.request('POST', base, draft({ body: { nb: 'x'.repeat(1_100_000) } }));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toContain('1024');
    const emptyChange = await staff.admin.request('PUT', `${base}/${crypto.randomUUID()}`, {});
    expect(emptyChange.status).toBe(400);
    const missing = await staff.admin.request('PUT', `${base}/${crypto.randomUUID()}`, {
      title: { nb: 'x' },
    });
    expect(missing.status).toBe(404);

    // A large but allowed area: 20 polygons of 2,000 points each, beyond the 64 KiB default limit.
    const ring = Array.from({ length: 1_999 }, (_, i) => {
      const angle = (2 * Math.PI * i) / 1_999;
      return [9.66 + 0.01 * Math.cos(angle), 59.14 + 0.005 * Math.sin(angle)].map(
        (v) => Math.round(v * 1e6) / 1e6,
      );
    });
    ring.push([...(ring[0] ?? [])]);
    const large = await staff.admin.request(
      'POST',
      base,
      draft({ area: { type: 'MultiPolygon', coordinates: Array(20).fill([ring]) } }),
    );
    expect(large.status).toBe(201);
    expect(large.body.areas.coordinates).toHaveLength(20);
  });

  it('numbers simultaneous changes one after another: no version lost or taken twice', async () => {
    const id: string = (await staff.admin.request('POST', base, draft())).body.id;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        staff.saksbehandler.request('PUT', `${base}/${id}`, { title: { nb: `Endring ${i}` } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(answers.map((a) => a.body.version).sort((a: number, b: number) => a - b)).toEqual([
      2, 3, 4, 5, 6, 7,
    ]);
    const read = await staff.admin.request('GET', `${base}/${id}`);
    expect(read.body.version).toBe(7);
    expect(read.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('answers 404 for an unknown municipality on the public list', async () => {
    expect((await t.request('GET', '/api/v1/municipalities/9999/notices')).status).toBe(404);
  });
});

// Notice templates through the real app on both databases: every municipality starts with the
// standard advice in nb/nn/en (the demo and one added like the operator does); those who publish
// edit them, audited; a draft notice made from one has {area} {start} {end} filled; another
// municipality's admin reaches nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildSecondMunicipality, SKIEN } from '../../../test/support/second-municipality.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { auditLog } from '../audit/schema.ts';
import { NOTICE_TYPES, noticeTemplates } from './schema.ts';

const OWN = '4001';
const templates = `/api/v1/staff/m/${OWN}/notice-templates`;
const fromTemplate = `/api/v1/staff/m/${OWN}/notices/from-template`;

const circle = { type: 'Circle', center: { lat: 59.14, lon: 9.66 }, radiusMetres: 400 };

interface TemplateOut {
  type: string;
  title: { nb: string; nn?: string; en?: string };
  body: { nb: string; nn?: string; en?: string };
  edited: boolean;
}

describe.each(databaseKinds())('notice templates on %s', (kind) => {
  let t: TestApp;
  const staff = {} as Record<
    'admin' | 'saksbehandler' | 'servicekontor' | 'leser' | 'skienAdmin',
    StaffClient
  >;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildSecondMunicipality(t.ctx.db.db);
    for (const role of ['admin', 'saksbehandler', 'servicekontor', 'leser'] as const) {
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

  it('seeds every type in nb, nn and en for the demo and for a municipality added later', async () => {
    for (const kommunenummer of [OWN, SKIEN.kommunenummer]) {
      const rows = await t.ctx.db.db
        .select()
        .from(noticeTemplates)
        .where(eq(noticeTemplates.kommunenummer, kommunenummer));
      expect(rows.map((r) => r.type).sort()).toEqual([...NOTICE_TYPES].sort());
      for (const row of rows) {
        expect(row.title).toEqual({ nb: expect.any(String), nn: expect.any(String), en: expect.any(String) });
        expect(row.body).toEqual({ nb: expect.any(String), nn: expect.any(String), en: expect.any(String) });
      }
    }
    const res = await staff.leser.request('GET', templates);
    expect(res.status).toBe(200);
    expect(res.body.placeholders).toEqual(['{area}', '{start}', '{end}']);
    const boil = (res.body.templates as TemplateOut[]).find((x) => x.type === 'boil_water');
    expect(boil?.edited).toBe(false);
    // The advice residents must get: boil, for what, until lifted.
    expect(boil?.body.nb).toMatch(/kok/i);
    expect(boil?.body.nb).toMatch(/tannpuss/);
    expect(boil?.body.nb).toMatch(/opphevet/);
    const shutoff = (res.body.templates as TemplateOut[]).find((x) => x.type === 'planned_shutoff');
    expect(shutoff?.body.nb).toMatch(/Fyll vann/);
    expect(shutoff?.body.nb).toMatch(/kaldtvannet/);
  });

  it('lets those who publish change a template, audited; others get 403', async () => {
    const wording = {
      title: { nb: 'Kokevarsel i {area}' },
      body: { nb: 'Kok vannet i minst ett minutt fra {start}. Gjelder til det er opphevet.', en: '  ' },
    };
    expect((await staff.servicekontor.request('PUT', `${templates}/boil_water`, wording)).status).toBe(403);
    expect((await staff.leser.request('PUT', `${templates}/boil_water`, wording)).status).toBe(403);
    const saved = await staff.saksbehandler.request('PUT', `${templates}/boil_water`, wording);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      type: 'boil_water',
      edited: true,
      title: { nb: 'Kokevarsel i {area}' },
    });
    // A blank translation is dropped, so the bokmål fallback shows.
    expect(saved.body.body.en).toBeUndefined();
    const audit = await t.ctx.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'notice_template.updated'), eq(auditLog.entityId, `${OWN}:boil_water`)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.kommunenummer).toBe(OWN);

    expect((await staff.admin.request('PUT', `${templates}/unknown`, wording)).status).toBe(400);
    expect(
      (
        await staff.admin.request('PUT', `${templates}/flushing`, {
          title: { nb: 'x'.repeat(201) },
          body: { nb: 'y' },
        })
      ).status,
    ).toBe(400);
  });

  it('makes a draft from a template with the area and Norwegian times filled', async () => {
    const res = await staff.servicekontor.request('POST', fromTemplate, {
      type: 'flushing',
      areaName: 'Storgata',
      area: circle,
      startsAt: '2026-12-03T21:00:00.000Z',
      expectedEndAt: '2026-12-04T05:00:00.000Z',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', type: 'flushing', version: 1 });
    expect(res.body.title).toEqual({
      nb: 'Spyling av vannledninger: Storgata',
      nn: 'Spyling av vassleidningar: Storgata',
      en: 'Flushing of water mains: Storgata',
    });
    // 21:00 UTC is 22:00 in Norway in December; the body has no placeholder left.
    expect(res.body.body.nb).toContain('22:00');
    expect(res.body.body.nb).toContain('06:00');
    for (const text of Object.values(res.body.body as Record<string, string>)) expect(text).not.toMatch(/\{/);

    // The edited wording is what a new notice gets; no end: "until further notice".
    const boil = await staff.saksbehandler.request('POST', fromTemplate, {
      type: 'boil_water',
      areaName: 'Vestsiden',
      area: circle,
      startsAt: '2026-12-03T10:00:00.000Z',
    });
    expect(boil.status).toBe(201);
    expect(boil.body.title).toEqual({ nb: 'Kokevarsel i Vestsiden' });
    expect(boil.body.expectedEndAt).toBeNull();

    expect(
      (
        await staff.leser.request('POST', fromTemplate, {
          type: 'other',
          areaName: 'X',
          area: circle,
          startsAt: '2026-12-03T10:00:00.000Z',
        })
      ).status,
    ).toBe(403);
  });

  it('refuses a filled text longer than a notice may be', async () => {
    await staff.admin.request('PUT', `${templates}/roadworks`, {
      title: { nb: '{area}{area}' },
      body: { nb: 'Graving.' },
    });
    const res = await staff.admin.request('POST', fromTemplate, {
      type: 'roadworks',
      areaName: 'a'.repeat(100),
      area: circle,
      startsAt: '2026-12-03T10:00:00.000Z',
    });
    expect(res.status).toBe(201);
    await staff.admin.request('PUT', `${templates}/roadworks`, {
      title: { nb: '{area}{area}{area}' },
      body: { nb: 'Graving.' },
    });
    const tooLong = await staff.admin.request('POST', fromTemplate, {
      type: 'roadworks',
      areaName: 'a'.repeat(100),
      area: circle,
      startsAt: '2026-12-03T10:00:00.000Z',
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.details).toEqual([
      expect.objectContaining({ field: 'title.nb', code: 'too_long' }),
    ]);
  });

  it("gives another municipality's admin nothing", async () => {
    expect([403, 404]).toContain((await staff.skienAdmin.request('GET', templates)).status);
    expect([403, 404]).toContain(
      (
        await staff.skienAdmin.request('PUT', `${templates}/flushing`, {
          title: { nb: 'x' },
          body: { nb: 'y' },
        })
      ).status,
    );
    expect([403, 404]).toContain(
      (
        await staff.skienAdmin.request('POST', fromTemplate, {
          type: 'other',
          areaName: 'X',
          area: circle,
          startsAt: '2026-12-03T10:00:00.000Z',
        })
      ).status,
    );
    const own = await staff.skienAdmin.request(
      'GET',
      `/api/v1/staff/m/${SKIEN.kommunenummer}/notice-templates`,
    );
    expect(own.status).toBe(200);
    expect(own.body.templates).toHaveLength(NOTICE_TYPES.length);
  });
});

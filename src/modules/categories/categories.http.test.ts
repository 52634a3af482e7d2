import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildCategory, buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe.each(databaseKinds())('GET /api/v1/municipalities/{kommunenummer}/categories on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  it('returns the active tree in bokmål by default, with the on-call number', async () => {
    const res = await t.request('GET', '/api/v1/municipalities/4001/categories');
    expect(res.status).toBe(200);
    expect(res.body.municipality).toEqual({
      kommunenummer: '4001',
      name: 'Porsgrunn',
      onCallPhone: '+47 35 00 00 00',
    });
    expect(res.body.groups.map((g: { code: string }) => g.code)).toEqual(['vann', 'avlop', 'vei', 'park']);
    const water = res.body.groups[0];
    expect(water.name).toBe('Vann');
    expect(water.categories.map((c: { code: string }) => c.code)).toEqual([
      'vann-misfarget',
      'vann-ikke-vann',
      'vann-lavt-trykk',
      'vann-lekkasje',
      'vann-lukt-smak',
      'vann-frosne-ror',
      'vann-brannhydrant',
    ]);
    const backflow = res.body.groups[1].categories.find(
      (c: { code: string }) => c.code === 'avlop-tilbakeslag',
    );
    expect(backflow).toMatchObject({ acute: true, contactRequired: true, deadlineHours: 2 });
    const cover = res.body.groups[1].categories.find((c: { code: string }) => c.code === 'avlop-kumlokk');
    expect(cover.questions[0].options).toContainEqual({ code: 'mangler', label: 'Det mangler', acute: true });
  });

  it('answers in nynorsk and English by Accept-Language or ?lang=', async () => {
    const nn = await t.request('GET', '/api/v1/municipalities/4001/categories', {
      headers: { 'accept-language': 'nn-NO' },
    });
    expect(nn.body.language).toBe('nn');
    expect(nn.body.groups[0].name).toBe('Vatn');
    expect(nn.body.groups[0].categories[0].name).toBe('Brunt eller misfarga vatn');
    const en = await t.request('GET', '/api/v1/municipalities/4001/categories?lang=en');
    expect(en.body.groups[1].name).toBe('Wastewater');
    expect(en.body.groups[0].categories[0].questions[0].label).toBe(
      'Have you run the cold tap for at least 5 minutes?',
    );
  });

  it('leaves out inactive categories', async () => {
    const hidden = await buildCategory(t.ctx.db.db, { kommunenummer: '4001', active: false });
    const shown = await buildCategory(t.ctx.db.db, { kommunenummer: '4001' });
    const res = await t.request('GET', '/api/v1/municipalities/4001/categories');
    const codes = res.body.groups.flatMap((g: { categories: { code: string }[] }) =>
      g.categories.map((c) => c.code),
    );
    expect(codes).toContain(shown.code);
    expect(codes).not.toContain(hidden.code);
  });

  it('answers 404 for a municipality that does not use the service, 410 for a deactivated one, 400 for a malformed number', async () => {
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '3909', name: 'Larvik', enabled: false });
    const none = await t.request('GET', '/api/v1/municipalities/0301/categories');
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('municipality_not_found');
    const deactivated = await t.request('GET', '/api/v1/municipalities/3909/categories');
    expect(deactivated.status).toBe(410);
    expect(deactivated.body.error.code).toBe('municipality_unavailable');
    expect(deactivated.body.error.message).toContain('Larvik kommune');
    const bad = await t.request('GET', '/api/v1/municipalities/oslo/categories');
    expect(bad.status).toBe(400);
  });
});

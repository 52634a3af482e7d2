// A municipality writes in its own form (bokmål or nynorsk, Språklova); residents who ask for
// another language get it, and those who ask for none get the municipality's.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildCategory, buildMunicipality, buildReportBody } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { reportContacts } from '../reports/schema.ts';

const VINJE = { lat: 59.5713, lon: 7.9955 };

describe.each(databaseKinds())("a nynorsk municipality's default language on %s", (kind) => {
  let t: TestApp;
  let code: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4036', name: 'Vinje', defaultLanguage: 'nn' });
    code = (
      await buildCategory(t.ctx.db.db, {
        kommunenummer: '4036',
        name: { nb: 'Vannlekkasje', nn: 'Vasslekkasje', en: 'Water leak' },
      })
    ).code;
  });
  afterAll(() => t.close());

  it('answers in nynorsk when the caller asks for no language, and in the asked one otherwise', async () => {
    const plain = await t.request('GET', '/api/v1/municipalities/4036/categories');
    expect(plain.body.language).toBe('nn');
    expect(plain.body.groups[0].categories[0].name).toBe('Vasslekkasje');
    const english = await t.request('GET', '/api/v1/municipalities/4036/categories', {
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.groups[0].categories[0].name).toBe('Water leak');
  });

  it("stores nynorsk as the reporter's language and shows the report in nynorsk", async () => {
    const created = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({
        category: code,
        answers: {},
        location: VINJE,
        contact: { email: 'ola@example.no' },
      }),
    });
    expect(created.status).toBe(201);
    const [contact] = await t.ctx.db.db
      .select()
      .from(reportContacts)
      .where(eq(reportContacts.reportId, created.body.id));
    expect(contact?.language).toBe('nn');
    const view = await t.request('GET', `/api/v1/reports/${created.body.ref}`);
    expect(view.body.statusText).toBe('Motteken');
    const bokmal = await t.request('GET', `/api/v1/reports/${created.body.ref}`, {
      headers: { 'accept-language': 'nb' },
    });
    expect(bokmal.body.statusText).toBe('Mottatt');
  });
});

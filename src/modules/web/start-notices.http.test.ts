// The start page's active and upcoming notices through the real app on both databases: nothing
// while there are none; then active before upcoming, each linking to its page; never an ended
// notice or a draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const base = '/api/v1/staff/m/4001/notices';

describe.each(databaseKinds())('notices on the start page on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
  });
  afterAll(() => t?.close());

  async function notice(type: string, title: string, startsAt: string): Promise<string> {
    const res = await admin.request('POST', base, {
      type,
      title: { nb: title, en: `${title} (en)` },
      body: { nb: 'Tekst.' },
      area: { type: 'Circle', center: { lat: 59.14, lon: 9.66 }, radiusMetres: 300 },
      startsAt,
      expectedEndAt: '2099-12-31T11:00:00.000Z',
    });
    return res.body.id as string;
  }

  it('shows nothing while there are no active or upcoming notices', async () => {
    const page = (await t.request('GET', '/porsgrunn?lang=nb')).text;
    expect(page).not.toContain('start-notices');
    expect(page).not.toContain('Driftsmeldinger nå');
    // Nor a map of no areas on the list page.
    const list = (await t.request('GET', '/porsgrunn/driftsmeldinger?lang=nb')).text;
    expect(list).not.toContain('id="notices-map"');
    expect(list).not.toContain('notices-map.js');
  });

  it('lists active before upcoming ones, linked, and leaves out ended ones and drafts', async () => {
    const upcoming = await notice('planned_shutoff', 'Vannstans Brevik', '2099-06-01T07:00:00.000Z');
    await admin.request('POST', `${base}/${upcoming}/publish`);
    const active = await notice('flushing', 'Spyling Storgata', '2026-01-05T07:00:00.000Z');
    await admin.request('POST', `${base}/${active}/publish`);
    const ended = await notice('roadworks', 'Graving Kirkegata', '2026-01-05T07:00:00.000Z');
    await admin.request('POST', `${base}/${ended}/publish`);
    await admin.request('POST', `${base}/${ended}/end`, {});
    await notice('other', 'Hemmelig utkast', '2026-01-05T07:00:00.000Z');

    const res = await t.request('GET', '/porsgrunn?lang=nb');
    expect(res.status).toBe(200);
    const page = res.text;
    const section = page.slice(
      page.indexOf('Driftsmeldinger nå'),
      page.indexOf('</section>', page.indexOf('start-notices')),
    );
    expect(section).toContain(`href="/porsgrunn/driftsmeldinger/${active}">Spyling Storgata</a>`);
    expect(section).toContain(`href="/porsgrunn/driftsmeldinger/${upcoming}">Vannstans Brevik</a>`);
    expect(section.indexOf('Spyling Storgata')).toBeLessThan(section.indexOf('Vannstans Brevik'));
    expect(section).toContain('Pågår');
    expect(section).toContain('Kommende');
    expect(section).toContain('Alle driftsmeldinger (2 pågående og kommende)');
    expect(page).not.toContain('Graving Kirkegata');
    expect(page).not.toContain('Hemmelig utkast');
    // Under the introduction, before the report button: seen first on a phone.
    expect(page.indexOf('Driftsmeldinger nå')).toBeLessThan(page.indexOf('Meld fra om et problem</a>'));

    const en = (await t.request('GET', '/porsgrunn?lang=en')).text;
    expect(en).toContain('Service notices now');
    expect(en).toContain('Spyling Storgata (en)');
  });
});

// The public notice list (/{slug}/driftsmeldinger) through the real app on both databases: plain
// HTML in nb/nn/en, current and ended notices in their own lists, drafts never shown, the feeds
// linked, and the start page leading to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const base = '/api/v1/staff/m/4001/notices';

describe.each(databaseKinds())('the public notice list on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  const ids = { current: '', lifted: '', draft: '' };
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
    const notice = (type: string, title: Record<string, string>) => ({
      type,
      title,
      body: { nb: 'Første linje.\nAndre linje <b>ikke fet</b>.' },
      area: { type: 'Circle', center: { lat: 59.14, lon: 9.66 }, radiusMetres: 400 },
      startsAt: '2026-12-05T07:00:00.000Z',
      expectedEndAt: '2026-12-05T11:00:00.000Z',
    });
    ids.current = (
      await admin.request(
        'POST',
        base,
        notice('flushing', { nb: 'Spyling Storgata', nn: 'Spyling i Storgata' }),
      )
    ).body.id;
    await admin.request('POST', `${base}/${ids.current}/publish`);
    ids.lifted = (
      await admin.request('POST', base, notice('boil_water', { nb: 'Kokevarsel Brevik' }))
    ).body.id;
    await admin.request('POST', `${base}/${ids.lifted}/publish`);
    await admin.request('POST', `${base}/${ids.lifted}/end`, {});
    ids.draft = (await admin.request('POST', base, notice('other', { nb: 'Hemmelig utkast' }))).body.id;
  });
  afterAll(() => t?.close());

  function section(page: string, heading: string): string {
    const start = page.indexOf(heading);
    expect(start).toBeGreaterThan(-1);
    const next = page.indexOf('<h2', start + heading.length);
    return page.slice(start, next === -1 ? undefined : next);
  }

  it('lists current and ended notices apart, escapes their text, and never shows a draft', async () => {
    const res = await t.request('GET', '/porsgrunn/driftsmeldinger?lang=nb');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = res.text;
    expect(page).toContain('<h1>Driftsmeldinger</h1>');
    const current = section(page, 'Pågående og kommende');
    expect(current).toContain(`id="melding-${ids.current}"`);
    expect(current).toContain('Spyling Storgata');
    expect(current).toContain('Spyling av vannledninger');
    expect(current).not.toContain(ids.lifted);
    const ended = section(page, '>Avsluttet<');
    expect(ended).toContain(`id="melding-${ids.lifted}"`);
    expect(ended).toContain('Kokevarsel opphevet: Kokevarsel Brevik');
    expect(ended).toContain('Kokevarselet er opphevet');
    expect(page).not.toContain('Hemmelig utkast');
    expect(page).not.toContain(ids.draft);
    // The text is text: markup in it is escaped, lines are paragraphs.
    expect(page).toContain('<p>Første linje.</p>');
    expect(page).toContain('&lt;b>ikke fet&lt;/b>');
    for (const feed of ['rss', 'atom', 'ics', 'geojson']) {
      expect(page).toContain(`href="/porsgrunn/driftsmeldinger.${feed}?lang=nb"`);
    }
  });

  it('speaks nynorsk and English, with bokmål where a notice has no translation', async () => {
    const nn = (await t.request('GET', '/porsgrunn/driftsmeldinger?lang=nn')).text;
    expect(nn).toContain('<h1>Driftsmeldingar</h1>');
    expect(nn).toContain('Spyling i Storgata');
    expect(nn).toContain('Kokevarsel oppheva: Kokevarsel Brevik');
    const en = (await t.request('GET', '/porsgrunn/driftsmeldinger?lang=en')).text;
    expect(en).toContain('<h1>Service notices</h1>');
    expect(en).toContain('Spyling Storgata');
    expect(en).toContain('Boil-water advice lifted');
  });

  it('is linked from the start page', async () => {
    const start = await t.request('GET', '/porsgrunn?lang=nb');
    expect(start.status).toBe(200);
    expect(start.text).toContain('href="/porsgrunn/driftsmeldinger"');
  });
});

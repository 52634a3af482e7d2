// The page per notice (/{slug}/driftsmeldinger/{id}) through the real app on both databases:
// its status, window, text, area in words and on a map, its public history newest first, no
// staff ids; drafts, unknown and malformed ids get the municipality's 404 page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const base = '/api/v1/staff/m/4001/notices';

describe.each(databaseKinds())('the page per notice on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  let adminId = '';
  const ids = { updated: '', upcoming: '', lifted: '', draft: '' };
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] });
    adminId = user.id;
    admin = await logInAs(t, user);
    const notice = (type: string, title: Record<string, string>, startsAt: string) => ({
      type,
      title,
      body: { nb: 'Første linje.\nAndre linje <b>ikke fet</b>.' },
      area: { type: 'Circle', center: { lat: 59.14, lon: 9.66 }, radiusMetres: 400 },
      startsAt,
      expectedEndAt: '2099-12-05T11:00:00.000Z',
    });
    const create = async (type: string, title: Record<string, string>, startsAt: string) =>
      (await admin.request('POST', base, notice(type, title, startsAt))).body.id as string;
    ids.updated = await create(
      'flushing',
      { nb: 'Spyling Storgata', en: 'Flushing Storgata' },
      '2026-01-05T07:00:00.000Z',
    );
    // A change while still a draft is not part of the public history.
    await admin.request('PUT', `${base}/${ids.updated}`, { title: { nb: 'Utkast-tittel' } });
    await admin.request('PUT', `${base}/${ids.updated}`, {
      title: { nb: 'Spyling Storgata', en: 'Flushing Storgata' },
    });
    await admin.request('POST', `${base}/${ids.updated}/publish`);
    await admin.request('PUT', `${base}/${ids.updated}`, { title: { nb: 'Spyling Storgata og Kirkegata' } });
    ids.upcoming = await create('planned_shutoff', { nb: 'Vannstans Brevik' }, '2099-12-05T07:00:00.000Z');
    await admin.request('POST', `${base}/${ids.upcoming}/publish`);
    ids.lifted = await create('boil_water', { nb: 'Kokevarsel Heistad' }, '2026-01-05T07:00:00.000Z');
    await admin.request('POST', `${base}/${ids.lifted}/publish`);
    await admin.request('POST', `${base}/${ids.lifted}/end`, {});
    ids.draft = await create('other', { nb: 'Hemmelig utkast' }, '2026-01-05T07:00:00.000Z');
  });
  afterAll(() => t?.close());

  it('shows an active notice with its window, escaped text, area and history newest first', async () => {
    const res = await t.request('GET', `/porsgrunn/driftsmeldinger/${ids.updated}?lang=nb`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = res.text;
    expect(page).toContain('<h1>Spyling Storgata og Kirkegata</h1>');
    expect(page).toContain('Spyling av vannledninger');
    expect(page).toContain('notice-status-active');
    expect(page).toContain('>Pågår<');
    expect(page).toContain('Forventet slutt');
    expect(page).toContain('<p>Første linje.</p>');
    expect(page).toContain('&lt;b>ikke fet&lt;/b>');
    // The area in words (works without scripts) and on the map when they run.
    expect(page).toMatch(
      /Ett område innenfor breddegrad 59\.1\d{3}–59\.1\d{3} nord og lengdegrad 9\.6\d{3}–9\.6\d{3} øst/,
    );
    expect(page).toContain('id="notice-map"');
    expect(page).toContain('data-areas="{&quot;type&quot;:&quot;MultiPolygon&quot;');
    expect(page).toContain('/assets/js/notice-map.js');
    // Two public versions, newest first; the draft edits are not there.
    const history = page.slice(page.indexOf('id="history-title"'));
    expect(history.indexOf('Oppdatert')).toBeGreaterThan(-1);
    expect(history.indexOf('Oppdatert')).toBeLessThan(history.indexOf('Publisert'));
    expect(history.match(/<li>/g)).toHaveLength(2);
    expect(page).not.toContain('Utkast-tittel');
    expect(page).not.toContain(adminId);
    expect(page).toContain('href="/porsgrunn/driftsmeldinger"');
  });

  it('says upcoming and lifted, and speaks English', async () => {
    const upcoming = (await t.request('GET', `/porsgrunn/driftsmeldinger/${ids.upcoming}?lang=nb`)).text;
    expect(upcoming).toContain('notice-status-upcoming');
    expect(upcoming).toContain('>Kommende<');
    const lifted = (await t.request('GET', `/porsgrunn/driftsmeldinger/${ids.lifted}?lang=nb`)).text;
    expect(lifted).toContain('notice-status-lifted');
    expect(lifted).toContain('Kokevarsel opphevet: Kokevarsel Heistad');
    expect(lifted).toContain('Kokevarselet ble opphevet');
    const en = (await t.request('GET', `/porsgrunn/driftsmeldinger/${ids.updated}?lang=en`)).text;
    expect(en).toContain('>Active<');
    expect(en).toContain('<h2 id="history-title">History</h2>');
    const nn = (await t.request('GET', `/porsgrunn/driftsmeldinger/${ids.upcoming}?lang=nn`)).text;
    expect(nn).toContain('>Komande<');
  });

  it('answers drafts, unknown and malformed ids with the 404 page', async () => {
    for (const id of [
      ids.draft,
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      ids.updated.toUpperCase().slice(1),
    ]) {
      const res = await t.request('GET', `/porsgrunn/driftsmeldinger/${id}?lang=nb`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.text).toContain('Finner ikke siden');
      expect(res.text).not.toContain('Hemmelig utkast');
    }
  });

  it('is linked from the list page, whose map draws the current areas from the GeoJSON feed', async () => {
    const list = (await t.request('GET', '/porsgrunn/driftsmeldinger?lang=nb')).text;
    expect(list).toContain('id="notices-map"');
    expect(list).toContain('data-source="/porsgrunn/driftsmeldinger.geojson?lang=nb"');
    expect(list).toContain('/assets/js/notices-map.js');
    expect(list).toContain(`data-notice="${ids.updated}"`);
    const script = await t.request('GET', '/assets/js/notices-map.js');
    expect(script.status).toBe(200);
    expect(list).toContain(`href="/porsgrunn/driftsmeldinger/${ids.updated}"`);
    expect(list).toContain(`href="/porsgrunn/driftsmeldinger/${ids.lifted}"`);
  });
});

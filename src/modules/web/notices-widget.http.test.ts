// The notices widget (/{slug}/driftsmeldinger/widget) through the real app on both databases:
// current and upcoming notices only, compact, links opening the full page at the public address
// in a new tab, in nb/nn/en; it may be framed by any site, while the back office may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const base = '/api/v1/staff/m/4001/notices';

describe.each(databaseKinds())('the notices widget on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  const ids = { current: '', ended: '', draft: '' };
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
    const make = async (title: string) =>
      (
        await admin.request('POST', base, {
          type: 'flushing',
          title: { nb: title, en: `${title} (en)` },
          body: { nb: 'Tekst.' },
          area: { type: 'Circle', center: { lat: 59.14, lon: 9.66 }, radiusMetres: 300 },
          startsAt: new Date(Date.now() - 3600_000).toISOString(),
          expectedEndAt: '2099-12-31T11:00:00.000Z',
        })
      ).body.id as string;
    ids.current = await make('Spyling Vestsida');
    await admin.request('POST', `${base}/${ids.current}/publish`);
    ids.ended = await make('Gammel spyling');
    await admin.request('POST', `${base}/${ids.ended}/publish`);
    await admin.request('POST', `${base}/${ids.ended}/end`, {});
    ids.draft = await make('Hemmelig utkast');
  });
  afterAll(() => t?.close());

  it('lists the current notices, linking to their full pages in a new tab', async () => {
    const res = await t.request('GET', '/porsgrunn/driftsmeldinger/widget?lang=nb');
    expect(res.status).toBe(200);
    const page = res.text;
    expect(page).toContain(`data-notice="${ids.current}"`);
    expect(page).toContain(
      `<a href="http://meld.test/porsgrunn/driftsmeldinger/${ids.current}?lang=nb" target="_blank" rel="noopener">Spyling Vestsida`,
    );
    expect(page).toContain('href="http://meld.test/porsgrunn/driftsmeldinger?lang=nb" target="_blank"');
    expect(page).not.toContain('Gammel spyling');
    expect(page).not.toContain('Hemmelig utkast');
    // Without the site's header and footer, and reporting its height to the host page.
    expect(page).toContain('<body class="embedded">');
    expect(page).not.toContain('site-header');
    expect(page).toContain('/assets/js/embed-child');
    const en = await t.request('GET', '/porsgrunn/driftsmeldinger/widget?lang=en');
    expect(en.text).toContain('Spyling Vestsida (en)');
    expect(en.text).toContain('(opens in a new tab)');
    const nn = await t.request('GET', '/porsgrunn/driftsmeldinger/widget?lang=nn');
    expect(nn.text).toContain('(blir opna i ny fane)');
  });

  it('may be framed by any site; the back office may not', async () => {
    const res = await t.request('GET', '/porsgrunn/driftsmeldinger/widget');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('x-frame-options')).toBeNull();
    const office = await t.request('GET', '/admin/');
    expect(office.headers.get('content-security-policy') ?? '').toContain("frame-ancestors 'none'");
  });

  it('says so when there are no notices, and 404s for an unknown municipality', async () => {
    await admin.request('POST', `${base}/${ids.current}/end`, {});
    const res = await t.request('GET', '/porsgrunn/driftsmeldinger/widget?lang=nb');
    expect(res.text).toContain('Ingen driftsmeldinger nå.');
    expect((await t.request('GET', '/finnes-ikke/driftsmeldinger/widget')).status).toBe(404);
  });
});

// WCAG 2.1 AA: axe finds no violations on any public page, in bokmål, nynorsk and English. The
// form's own steps, and reflow at 320 px and 200 % zoom, are in accessibility-form.test.ts.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotice } from '../../src/modules/notices/create-notice.ts';
import { endNotice } from '../../src/modules/notices/end-notice.ts';
import { publishNotice } from '../../src/modules/notices/publish-notice.ts';
import { PLACES } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  axeViolations,
  createApiReport,
  expectNoViolations,
  LANGUAGES,
  launchBrowserFor,
  openContext,
  startWebApp,
} from '../support/web.ts';

/** A current and a lifted notice, so the notice list has both its lists filled; the current one's id. */
async function publishedNotice(t: TestApp): Promise<string> {
  const db = t.ctx.db.db;
  const actor = randomUUID();
  let current = '';
  for (const type of ['flushing', 'boil_water'] as const) {
    const notice = await createNotice(db, actor, '4001', {
      type,
      title: { nb: type === 'flushing' ? 'Spyling i sentrum' : 'Kokevarsel Brevik' },
      body: { nb: 'La kaldtvannet renne til det er klart.' },
      area: { type: 'Circle', center: PLACES.porsgrunn, radiusMetres: 500 },
      startsAt: '2026-12-05T07:00:00.000Z',
      expectedEndAt: '2026-12-05T15:00:00.000Z',
    });
    await publishNotice(db, actor, '4001', notice.id);
    if (type === 'boil_water') await endNotice(db, actor, '4001', notice.id);
    else current = notice.id;
  }
  return current;
}

describe('accessibility of the public pages (axe, WCAG 2.1 A/AA)', () => {
  let t: TestApp;
  let browser: Browser;
  let tracked: { ref: string; trackingToken: string };
  let noticeId = '';

  beforeAll(async () => {
    t = await startWebApp();
    browser = await launchBrowserFor(t);
    tracked = await createApiReport(t, { address: 'Storgata 12, 3915 Porsgrunn' });
    await createApiReport(t, {
      category: 'vann-lukt-smak',
      location: PLACES.porsgrunn,
      description: 'Vannet smaker klor',
      answers: {},
    });
    await createApiReport(t, {
      category: 'avlop-sluk',
      location: { lat: 59.145, lon: 9.67 },
      answers: {},
      contact: undefined,
    });
    noticeId = await publishedNotice(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  describe.each(LANGUAGES)('in %s', (lang) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await openContext(browser);
    });
    afterAll(() => context?.close());

    const pages = {
      start: '/porsgrunn',
      privacy: '/porsgrunn/personvern',
      'map and list': '/porsgrunn/kart',
      'map and list, filtered': '/porsgrunn/kart?status=all&gruppe=vann',
      notices: '/porsgrunn/driftsmeldinger',
      statistics: '/porsgrunn/statistikk',
      'notices widget': '/porsgrunn/driftsmeldinger/widget',
      'notice page': '/porsgrunn/driftsmeldinger/{notice}',
      'tracking page without the token': '/porsgrunn/meldinger/{ref}',
      'embed demo': '/porsgrunn/embed-demo',
      'form opened from a QR sticker': '/porsgrunn/meld?link=pg-bh0417',
      'page not found': '/porsgrunn/finnes-ikke',
      'report not found': '/porsgrunn/meldinger/4001-2020-99999',
      'notice not found': '/porsgrunn/driftsmeldinger/00000000-0000-4000-8000-000000000000',
    };
    it.each(Object.entries(pages))('%s', async (name, path) => {
      const page = await context.newPage();
      const url = `${t.baseUrl}${path.replace('{ref}', tracked.ref).replace('{notice}', noticeId)}${path.includes('?') ? '&' : '?'}lang=${lang}`;
      const response = await page.goto(url);
      expect(response?.status()).toBe(name.endsWith('not found') ? 404 : 200);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      // The map draws markers (or clusters of them) once its script has fetched the reports.
      if (name.startsWith('map'))
        await page.locator('#reports-map :is(.leaflet-interactive, .marker-cluster)').first().waitFor();
      // The notice page draws its area once Leaflet has loaded.
      if (name === 'notice page') await page.locator('#notice-map .leaflet-interactive').first().waitFor();
      if (name === 'notices') await page.locator('#notices-map .leaflet-interactive').first().waitFor();
      if (name === 'embed demo') await page.frameLocator('iframe').first().locator('#report-form').waitFor();
      const problems = await axeViolations(page);
      await page.close();
      expectNoViolations(problems);
    });

    it('notices, an address checked (posted from the form)', async () => {
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/porsgrunn/driftsmeldinger?lang=${lang}`);
      await page.locator('#adresse').fill('Storgata 12');
      await Promise.all([page.waitForURL(/driftsmeldinger/), page.locator('#adresse').press('Enter')]);
      await page.locator('#address-answer').waitFor();
      // Posted, so the address is in no URL.
      expect(page.url()).not.toContain('Storgata');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      const problems = await axeViolations(page);
      await page.close();
      expectNoViolations(problems);
    });
  });
});

// The public map and list: the list shows the same reports as the map, the filters work without
// scripts, private descriptions stay private, and no contact details appear anywhere.
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../src/modules/reports/schema.ts';
import type { TestApp } from '../support/test-app.ts';
import { createApiReport, launchBrowserFor, openContext, startWebApp } from '../support/web.ts';

const CONTACT = {
  name: 'Kari Nordmann',
  email: 'kari.nordmann@example.no',
  phone: '912 34 567',
  notify: 'sms',
};
const SECRET = 'Vannet smaker som svømmehall hjemme hos meg';

/** Markers drawn on the map: single ones, plus the counts shown on clusters. */
function markersOnMap(page: Page): Promise<number> {
  return page.evaluate(() => {
    const single = document.querySelectorAll('#reports-map path.leaflet-interactive').length;
    const clustered = Array.from(document.querySelectorAll('#reports-map .marker-cluster span')).reduce(
      (sum, span) => sum + Number(span.textContent),
      0,
    );
    return single + clustered;
  });
}

describe('the public map and list', () => {
  let t: TestApp;
  let browser: Browser;
  let withScripts: BrowserContext;
  let withoutScripts: BrowserContext;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    t = await startWebApp();
    browser = await launchBrowserFor(t);
    withScripts = await openContext(browser);
    withoutScripts = await openContext(browser, { javaScriptEnabled: false });
    const made: [string, Record<string, unknown>][] = [
      ['leak', { location: { lat: 59.14, lon: 9.66 } }],
      ['leak2', { location: { lat: 59.1405, lon: 9.6605 } }],
      [
        'taste',
        { category: 'vann-lukt-smak', answers: {}, description: SECRET, location: { lat: 59.15, lon: 9.7 } },
      ],
      ['sewer', { category: 'avlop-tett', answers: {}, location: { lat: 59.06, lon: 9.7 } }],
      ['done', { category: 'avlop-sluk', answers: {}, location: { lat: 59.12, lon: 9.63 } }],
      ['noPoint', { location: undefined, municipality: '4001', address: 'Storgata 118, 3915 Porsgrunn' }],
    ];
    for (const [name, overrides] of made) {
      refs[name] = (await createApiReport(t, { contact: CONTACT, ...overrides })).ref;
    }
    // Work done, set as a case handler would.
    await t.ctx.db.db
      .update(reports)
      .set({ status: 'utfort' })
      .where(eq(reports.ref, refs.done ?? ''));
  });
  afterAll(async () => {
    await withScripts?.close();
    await withoutScripts?.close();
    await browser?.close();
    await t?.close();
  });

  it('draws the same reports on the map as in the list', async () => {
    const page = await withScripts.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn/kart?status=all`);
    const items = page.locator('.report-list > li');
    await expect(items.count()).resolves.toBe(6);
    const withPlace = await items.evaluateAll(
      (list) => list.filter((li) => !li.textContent?.includes('Uten punkt på kartet')).length,
    );
    expect(withPlace).toBe(5);
    await page.waitForFunction((n) => {
      const single = document.querySelectorAll('#reports-map path.leaflet-interactive').length;
      const clusters = Array.from(document.querySelectorAll('#reports-map .marker-cluster span'));
      return single + clusters.reduce((sum, s) => sum + Number(s.textContent), 0) === n;
    }, withPlace);
    await expect(markersOnMap(page)).resolves.toBe(withPlace);
    // Every list item links to its tracking page.
    const links = await items.locator('a').evaluateAll((list) => list.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(
      Object.values(refs)
        .map((ref) => `/porsgrunn/meldinger/${ref}`)
        .sort(),
    );
  });

  it('filters by group and status with a plain form (no scripts)', async () => {
    const page = await withoutScripts.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn/kart`);
    // Open reports by default: the one with work done is left out.
    await expect(page.locator('.report-list > li').count()).resolves.toBe(5);
    await expect(page.locator('.report-list').textContent()).resolves.not.toContain(refs.done);

    await page.locator('#filter-group').selectOption('avlop');
    await Promise.all([
      page.waitForURL(/gruppe=avlop&status=open$/),
      page.locator('.filters button').click(),
    ]);
    const open = await page.locator('.report-list > li a').allTextContents();
    expect(open).toEqual([`Tett avløp eller kloakkstopp – ${refs.sewer}`]);

    await page.locator('#filter-status').selectOption('closed');
    await Promise.all([
      page.waitForURL(/gruppe=avlop&status=closed$/),
      page.locator('.filters button').click(),
    ]);
    const closed = await page.locator('.report-list > li').allTextContents();
    expect(closed).toHaveLength(1);
    expect(closed[0]).toContain(refs.done);
    expect(closed[0]).toContain('Arbeid utført');
    // The filter shows what is chosen.
    await expect(page.locator('#filter-group').inputValue()).resolves.toBe('avlop');
    await expect(page.locator('#filter-status').inputValue()).resolves.toBe('closed');

    await page.locator('#filter-group').selectOption('');
    await page.locator('#filter-status').selectOption('all');
    await Promise.all([page.waitForURL(/status=all$/), page.locator('.filters button').click()]);
    await expect(page.locator('.report-list > li').count()).resolves.toBe(6);
  });

  it('shows no private descriptions and no contact details, on the page or in the data the map uses', async () => {
    const page = await withScripts.newPage();
    // The map draws the list's reports from the page itself (reports-map.js): the page is its data.
    const response = await page.goto(`${t.baseUrl}/porsgrunn/kart?status=all`);
    const html = (await response?.text()) ?? '';
    const apiBodies = [(await t.request('GET', '/api/v1/reports?municipality=4001&limit=300')).text];
    await page.locator('#reports-map :is(path.leaflet-interactive, .marker-cluster)').first().waitFor();

    const taste = page.locator('.report-list > li', { hasText: refs.taste ?? '' });
    await expect(taste.textContent()).resolves.toContain('Lukt eller smak på vannet');
    // Descriptions of public categories are shown; the one marked not public is not.
    await expect(page.locator('.report-list').textContent()).resolves.toContain(
      'Vann renner opp av asfalten ved fortauskanten.',
    );
    for (const text of [html, (await page.content()) ?? '', ...apiBodies]) {
      expect(text).not.toContain('svømmehall');
      for (const personal of ['Kari', 'kari.nordmann', '912 34 567', '91234567'])
        expect(text).not.toContain(personal);
    }
  });

  it('tells the resident about a status change made in the database on the tracking page', async () => {
    const page = await withoutScripts.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn/meldinger/${refs.done}`);
    await expect(page.locator('.status').textContent()).resolves.toBe('Arbeid utført');
    await expect(page.getByText('Arbeidet er gjort.').isVisible()).resolves.toBe(true);
    await expect(page.locator('main').textContent()).resolves.not.toContain('Kari');
  });
});

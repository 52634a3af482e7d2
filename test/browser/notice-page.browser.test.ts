// The notices' resident pages in a real browser: on a 390 px phone and a 1366×768 laptop the
// page per notice, the list (its map drawing the areas) and the start page (its current notices
// above the fold) do not scroll sideways; without scripts the maps are hidden and the notice's
// area is said in words.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotice } from '../../src/modules/notices/create-notice.ts';
import { publishNotice } from '../../src/modules/notices/publish-notice.ts';
import { PLACES } from '../support/factories.ts';
import { openContext, useWebApp } from '../support/web.ts';

/** How far the page scrolls sideways: more than 0 means something does not fit. */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const VIEWPORTS = [
  ['a 390 px phone', { width: 390, height: 844 }],
  ['a 1366×768 laptop', { width: 1366, height: 768 }],
] as const;

describe('the page per notice in a browser', () => {
  const w = useWebApp();
  let path = '';
  beforeAll(async () => {
    const db = w.t.ctx.db.db;
    const actor = randomUUID();
    const notice = await createNotice(db, actor, '4001', {
      type: 'flushing',
      title: { nb: 'Spyling av vannledningene i sentrum med et langt navn på gaten' },
      body: { nb: 'La kaldtvannet renne til det er klart.' },
      area: { type: 'Circle', center: PLACES.porsgrunn, radiusMetres: 500 },
      startsAt: '2026-01-05T07:00:00.000Z',
      expectedEndAt: '2099-12-05T15:00:00.000Z',
    });
    await publishNotice(db, actor, '4001', notice.id);
    path = `/porsgrunn/driftsmeldinger/${notice.id}?lang=nb`;
  });

  describe.each(VIEWPORTS)('on %s', (_name, viewport) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await openContext(w.browser, { viewport });
    });
    afterAll(() => context?.close());

    it('draws the area and does not scroll sideways', async () => {
      const page = await context.newPage();
      await page.goto(`${w.t.baseUrl}${path}`);
      await page.locator('#notice-map .leaflet-interactive').first().waitFor();
      await expect(page.locator('h1').isVisible()).resolves.toBe(true);
      await expect(page.locator('.notice-status').isVisible()).resolves.toBe(true);
      await expect(page.locator('#notice-map').isVisible()).resolves.toBe(true);
      await expect(page.locator('#history-title').isVisible()).resolves.toBe(true);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      await page.close();
    });

    it('shows the current notices above the fold on the start page, and their areas on the list map', async () => {
      const page = await context.newPage();
      await page.goto(`${w.t.baseUrl}/porsgrunn?lang=nb`);
      const box = await page.locator('.start-notices').boundingBox();
      expect(box, 'the start page lists the current notices').not.toBeNull();
      expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      await page.goto(`${w.t.baseUrl}/porsgrunn/driftsmeldinger?lang=nb`);
      await page.locator('#notices-map .leaflet-interactive').first().waitFor();
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      await page.close();
    });
  });

  it('without scripts hides the map and says the area in words', async () => {
    const context = await openContext(w.browser, {
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${w.t.baseUrl}${path}`);
    await expect(page.locator('#notice-map').isVisible()).resolves.toBe(false);
    await expect(page.locator('#area-words').textContent()).resolves.toContain(
      'Ett område innenfor breddegrad',
    );
    await context.close();
  });
});

// The page per notice in a real browser: on a 390 px phone and a 1366×768 laptop nothing
// scrolls sideways and the title, status, area and history are on the page; with scripts the
// area is drawn on the map, without them the map's room is hidden and the area is said in words.
import { randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotice } from '../../src/modules/notices/create-notice.ts';
import { publishNotice } from '../../src/modules/notices/publish-notice.ts';
import { PLACES } from '../support/factories.ts';
import { openContext, useWebApp } from '../support/web.ts';

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
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
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

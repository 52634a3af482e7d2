// WCAG 2.1 AA: axe finds no violations on any public page, in bokmål, nynorsk and English, and the
// form and tracking page work at 320 px width (what 200 % zoom of a 640 px window leaves).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { PLACES } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';
import { axeViolations, createApiReport, LANGUAGES, local, openContext, startWebApp } from '../support/web.ts';

describe('accessibility of the public pages (axe, WCAG 2.1 A/AA)', () => {
  let t: TestApp;
  let browser: Browser;
  let tracked: { ref: string; trackingToken: string };

  beforeAll(async () => {
    [t, browser] = await Promise.all([startWebApp(), launchBrowser()]);
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
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Runs axe on the page; its violations are collected under `name`. */
  async function check(page: Page, name: string, problems: string[]): Promise<void> {
    const found = await axeViolations(page);
    for (const v of found) problems.push(`[${name}] ${v}`);
  }

  function report(problems: string[]): void {
    // One line per violation, with the element and what to fix, when the test fails.
    expect(problems, `axe violations:\n${problems.join('\n\n')}`).toEqual([]);
  }

  describe.each(LANGUAGES)('in %s', (lang) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await openContext(browser, t);
    });
    afterAll(() => context?.close());

    const pages = {
      start: '/porsgrunn',
      privacy: '/porsgrunn/personvern',
      'map and list': '/porsgrunn/kart',
      'map and list, filtered': '/porsgrunn/kart?status=all&gruppe=vann',
      'tracking page without the token': '/porsgrunn/meldinger/{ref}',
      'embed demo': '/porsgrunn/embed-demo',
      'page not found': '/porsgrunn/finnes-ikke',
      'report not found': '/porsgrunn/meldinger/4001-2020-99999',
    };
    it.each(Object.entries(pages))('%s', async (name, path) => {
      const page = await context.newPage();
      const problems: string[] = [];
      const url = `${t.baseUrl}${path.replace('{ref}', tracked.ref)}${path.includes('?') ? '&' : '?'}lang=${lang}`;
      const response = await page.goto(url);
      expect(response?.status()).toBe(name.endsWith('not found') ? 404 : 200);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      if (name.startsWith('map')) await page.locator('#reports-map .leaflet-interactive').first().waitFor();
      if (name === 'embed demo') await page.frameLocator('iframe').locator('#report-form').waitFor();
      await check(page, name, problems);
      await page.close();
      report(problems);
    });

    it('report form, the form with errors, review, receipt and tracking with the token', async () => {
      const page = await context.newPage();
      const problems: string[] = [];
      await page.goto(`${t.baseUrl}/porsgrunn/meld?lang=${lang}`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      await check(page, 'form', problems);

      await page.locator('#report-form button[type="submit"]').click();
      await page.locator('#error-summary').waitFor();
      await check(page, 'form with errors', problems);

      await page.locator('#category-vann-lekkasje').check();
      await page.locator('#answer-vann-lekkasje-mengde input[value="renner"]').check();
      await page.locator('#address').fill('Storgata 12');
      await page.locator('#description').fill('Vann renner opp av asfalten.');
      await page.locator('#contact-email').fill('kari@example.no');
      await page.locator('#report-form button[type="submit"]').click();
      await page.waitForURL(/\/porsgrunn\/meld\/[0-9a-f-]{36}/);
      await check(page, 'review', problems);

      await page.locator('main form button[type="submit"]').last().click();
      await page.waitForURL(/\/kvittering\?token=/);
      await check(page, 'receipt', problems);

      const trackingUrl = await page.locator('.tracking-link a').getAttribute('href');
      await page.goto(local(t, trackingUrl ?? ''));
      await page.locator('#choices-title').waitFor();
      await check(page, 'tracking with token', problems);
      report(problems);
    });
  });

  describe.each([
    ['320 px wide', { width: 320, height: 640 }, 1],
    ['a 640 px window at 200 % zoom', { width: 320, height: 480 }, 2],
  ] as const)('at %s', (_name, viewport, deviceScaleFactor) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await openContext(browser, t, { viewport, deviceScaleFactor, isMobile: false });
    });
    afterAll(() => context?.close());

    async function expectNoSideways(page: Page, name: string): Promise<void> {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${name} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
    }

    it('the form (also with errors) and the tracking page need no sideways scrolling', async () => {
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/porsgrunn/meld`);
      await expectNoSideways(page, 'form');
      const submit = page.locator('#report-form button[type="submit"]');
      await submit.scrollIntoViewIfNeeded();
      await expect(submit.isVisible()).resolves.toBe(true);
      const box = await submit.boundingBox();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= viewport.width).toBe(true);

      await submit.click();
      await page.locator('#error-summary').waitFor();
      await expectNoSideways(page, 'form with errors');

      await page.goto(`${t.baseUrl}/porsgrunn/meldinger/${tracked.ref}?token=${tracked.trackingToken}`);
      await page.locator('#choices-title').waitFor();
      await expectNoSideways(page, 'tracking page');
      const stop = page.locator('#choices-title ~ form button');
      await stop.scrollIntoViewIfNeeded();
      await expect(stop.isVisible()).resolves.toBe(true);

      await page.goto(`${t.baseUrl}/porsgrunn/kart`);
      await expectNoSideways(page, 'map page');
    });
  });
});

// WCAG 2.1 AA on the report form's steps, in bokmål, nynorsk and English: the form, the form
// with errors, review (with a report nearby), receipt and the tracking page with the token. And
// reflow: at 320 px width (which is what 200 % zoom of a 640 px window leaves) the form and the
// tracking page need no sideways scrolling and the buttons stay reachable.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLACES } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  axeViolations,
  createApiReport,
  expectNoViolations,
  LANGUAGES,
  launchBrowserFor,
  local,
  openContext,
  startWebApp,
} from '../support/web.ts';

describe('accessibility of the report form (axe, WCAG 2.1 A/AA) and reflow', () => {
  let t: TestApp;
  let browser: Browser;
  let tracked: { ref: string; trackingToken: string };

  beforeAll(async () => {
    t = await startWebApp();
    browser = await launchBrowserFor(t);
    // An open leak where the form's point is, for the review step's "already reported?".
    tracked = await createApiReport(t, { location: PLACES.porsgrunn });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Runs axe on the page; its violations are collected under `name`. */
  async function check(page: Page, name: string, problems: string[]): Promise<void> {
    for (const v of await axeViolations(page)) problems.push(`[${name}] ${v}`);
  }

  describe.each(LANGUAGES)('in %s', (lang) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await openContext(browser);
    });
    afterAll(() => context?.close());

    it('report form, the form with errors, review, receipt and tracking with the token', async () => {
      const page = await context.newPage();
      const problems: string[] = [];
      // With a point given (as a link can), the review step also lists the open report nearby.
      const { lat, lon } = PLACES.porsgrunn;
      await page.goto(`${t.baseUrl}/porsgrunn/meld?lang=${lang}&lat=${lat}&lon=${lon}`);
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
      await page.locator('#nearby-title').waitFor();
      await check(page, 'review with a report nearby', problems);

      await page.locator('main form button[type="submit"]').last().click();
      await page.waitForURL(/\/kvittering\?token=/);
      await check(page, 'receipt', problems);

      const trackingUrl = await page.locator('.tracking-link a').getAttribute('href');
      await page.goto(local(t, trackingUrl ?? ''));
      await page.locator('#choices-title').waitFor();
      await check(page, 'tracking with token', problems);
      expectNoViolations(problems);
    });
  });

  it('answers error pages in the language the address asks for, over an earlier choice', async () => {
    const context = await openContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn?lang=nn`);
    const missing = await page.goto(`${t.baseUrl}/porsgrunn/finnes-ikke?lang=en`);
    expect(missing?.status()).toBe(404);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await page.goto(`${t.baseUrl}/porsgrunn/finnes-ikke`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
    await context.close();
  });

  describe.each([
    ['320 px wide', { width: 320, height: 640 }, 1],
    ['a 640 px window at 200 % zoom', { width: 320, height: 480 }, 2],
  ] as const)('at %s', (_name, viewport, deviceScaleFactor) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await openContext(browser, { viewport, deviceScaleFactor, isMobile: false });
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

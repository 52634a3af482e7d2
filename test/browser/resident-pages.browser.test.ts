// What a newcomer stumbled on in the residents' pages (issue 11, items 7–12), on a 390 px phone,
// with and without JavaScript: a dead "use my position" button and a map hint with no map, a
// required question hidden until a failed post, a review that left the answers and the
// notification choice out, the municipality's reply buried in a numbered list, error pages
// without the municipality's header, skipped heading levels and pages that jump while loading.
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportEvents, reports } from '../../src/modules/reports/schema.ts';
import { jpeg } from '../support/images.ts';
import {
  axeViolations,
  createApiReport,
  expectNoViolations,
  openContext,
  REVIEW_PAGE,
  submitReportForm,
  useWebApp,
} from '../support/web.ts';

const PHONE = { width: 390, height: 844 };

/** Heading levels in document order; a page's outline must not skip a level (h1 → h3). */
async function headingLevels(page: Page): Promise<number[]> {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((list) => list.map((h) => Number(h.tagName[1])));
}

function expectNoSkippedLevels(levels: number[], where: string): void {
  expect(levels[0], `${where}: the first heading`).toBe(1);
  for (let i = 1; i < levels.length; i++) {
    expect(levels[i] ?? 0, `${where}: heading ${i + 1} of ${levels.join(',')}`).toBeLessThanOrEqual(
      (levels[i - 1] ?? 0) + 1,
    );
  }
}

/**
 * How much the page jumped while loading (the sum of layout shifts not caused by input), read
 * once `ready` holds.
 */
async function layoutShift(
  page: Page,
  url: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<number> {
  await page.goto(url);
  await ready(page);
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[])
            if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // Buffered entries are delivered in the observer's first callback, before this timer.
        requestAnimationFrame(() => setTimeout(() => resolve(total), 0));
      }),
  );
}

describe('the residents’ pages a newcomer stumbles on', () => {
  const w = useWebApp();
  let withScripts: BrowserContext;
  let withoutScripts: BrowserContext;
  beforeAll(async () => {
    withScripts = await openContext(w.browser, { viewport: PHONE });
    withoutScripts = await openContext(w.browser, { viewport: PHONE, javaScriptEnabled: false });
  });
  afterAll(async () => {
    await withScripts?.close();
    await withoutScripts?.close();
  });

  it('without scripts shows no "use my position" button and says how to give the place without a map', async () => {
    const page = await withoutScripts.newPage();
    await page.goto(`${w.t.baseUrl}/porsgrunn/meld`);
    await expect(page.locator('#use-position').isVisible()).resolves.toBe(false);
    await expect(page.locator('#map').isVisible()).resolves.toBe(false);
    const noScriptHint = page.locator('#place-hint .without-script');
    await expect(noScriptHint.isVisible()).resolves.toBe(true);
    await expect(noScriptHint.textContent()).resolves.toBe(
      'Skriv adressen, eller beskriv stedet så nøyaktig du kan.',
    );
    await expect(page.locator('#place-hint .needs-script').isVisible()).resolves.toBe(false);
    await expect(page.locator('#category-search').isVisible()).resolves.toBe(false);
    // Said to screen readers too: the field set is described by the hint a person sees.
    await expect(page.locator('#place').getAttribute('aria-describedby')).resolves.toBe('place-hint');

    const scripted = await withScripts.newPage();
    await scripted.goto(`${w.t.baseUrl}/porsgrunn/meld`);
    await scripted.locator('.leaflet-container').waitFor();
    await expect(scripted.locator('#use-position').isVisible()).resolves.toBe(true);
    await expect(scripted.locator('#place-hint .needs-script').textContent()).resolves.toMatch(
      /^Velg stedet på kartet/,
    );
    await expect(scripted.locator('#place-hint .needs-script').isVisible()).resolves.toBe(true);
    await expect(scripted.locator('#place-hint .without-script').isVisible()).resolves.toBe(false);
  });

  it('without scripts shows the chosen category’s questions before the first post, and sends on the first try', async () => {
    const page = await withoutScripts.newPage();
    await page.goto(`${w.t.baseUrl}/porsgrunn/meld`);
    const question = page.locator('#answer-avlop-kumlokk-tilstand');
    await expect(question.isVisible()).resolves.toBe(false);
    await page.locator('#category-avlop-kumlokk').check();
    await expect(question.isVisible()).resolves.toBe(true);
    // Under the category chosen, and only there: another category's questions stay out of sight.
    const box = await question.boundingBox();
    const label = await page.locator('label[for="category-avlop-kumlokk"]').boundingBox();
    expect(box?.y ?? 0).toBeGreaterThan(label?.y ?? Number.POSITIVE_INFINITY);
    expect(box?.width ?? 0).toBeGreaterThan(200);
    await expect(page.locator('#answer-vann-misfarget-rent-kaldt').isVisible()).resolves.toBe(false);

    await page.locator('#answer-avlop-kumlokk-tilstand input[value="skadet"]').check();
    await page.locator('#address').fill('Kirkegata 3');
    await page.locator('#description').fill('Kumlokket er sprukket.');
    await submitReportForm(page, REVIEW_PAGE);
    await expect(page.locator('dl.summary').textContent()).resolves.toContain('Det er skadet');
    await page.locator('main > form button[type="submit"]').click();
    await page.waitForURL(/\/kvittering\?token=/);
    const ref = (await page.locator('.ref').textContent()) ?? '';
    const [report] = await w.t.ctx.db.db.select().from(reports).where(eq(reports.ref, ref));
    // Only the chosen category's answer, although every category's questions were in the post.
    expect(report?.answers).toEqual({ tilstand: 'skadet' });
  });

  it('with scripts sends only the chosen category’s questions', async () => {
    const page = await withScripts.newPage();
    await page.goto(`${w.t.baseUrl}/porsgrunn/meld`);
    await page.locator('#category-avlop-kumlokk').check();
    await expect(page.locator('#answer-avlop-kumlokk-tilstand').isVisible()).resolves.toBe(true);
    const disabled = await page
      .locator('fieldset.questions')
      .evaluateAll((sets) =>
        sets
          .filter((s) => (s as HTMLFieldSetElement).disabled)
          .map((s) => (s as HTMLElement).dataset.category),
      );
    expect(disabled).not.toContain('avlop-kumlokk');
    expect(disabled).toContain('vann-misfarget');
  });

  it('shows the answers and how the resident will hear from us before sending', async () => {
    const page = await withScripts.newPage();
    await page.goto(`${w.t.baseUrl}/porsgrunn/meld?lang=en`);
    await page.locator('#category-avlop-kumlokk').check();
    await page.locator('#answer-avlop-kumlokk-tilstand input[value="lost"]').check();
    await page.locator('#address').fill('Kirkegata 3');
    await page.locator('#description').fill('The cover rattles.');
    await page.locator('#contact-phone').fill('912 34 567');
    await page.locator('input[name="contact.notify"][value="sms"]').check();
    await page.locator('#contact-language').selectOption('nn');
    await submitReportForm(page, REVIEW_PAGE);
    const rows = await page
      .locator('dl.summary dt')
      .evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(rows).toContainEqual(['What is wrong with the cover?', 'It is loose or rattles']);
    expect(rows).toContainEqual(['Updates', 'You get updates by text message. Language: Nynorsk.']);
    // On a phone the label stands above its value, so a long question does not squeeze the answer.
    const answer = await page.locator('dl.summary dd', { hasText: 'It is loose or rattles' }).boundingBox();
    expect(answer?.width ?? 0).toBeGreaterThan(300);
  });

  it("shows the municipality's latest reply prominently, and the history as a timeline, newest first", async () => {
    const { ref } = await createApiReport(w.t, {
      category: 'vann-misfarget',
      answers: { 'rent-kaldt': true },
    });
    const [row] = await w.t.ctx.db.db.select().from(reports).where(eq(reports.ref, ref));
    const reply = 'Vi spyler ledningen i morgen tidlig. Vannet kan bli brunt en times tid.';
    await w.t.ctx.db.db.insert(reportEvents).values([
      {
        reportId: row?.id ?? '',
        kind: 'status_changed',
        public: true,
        status: 'under_behandling',
        actor: 'system',
      },
      {
        reportId: row?.id ?? '',
        kind: 'public_reply',
        public: true,
        message: 'Vi ser på det.',
        actor: 'system',
      },
      { reportId: row?.id ?? '', kind: 'public_reply', public: true, message: reply, actor: 'system' },
    ]);
    // Three events in one statement share a timestamp; the last inserted is the newest.
    await w.t.ctx.db.db
      .update(reportEvents)
      .set({ createdAt: new Date(Date.now() + 60_000) })
      .where(eq(reportEvents.message, reply));
    const page = await withScripts.newPage();
    await page.goto(`${w.t.baseUrl}/porsgrunn/meldinger/${ref}?lang=nb`);

    const box = page.locator('section.reply');
    await expect(box.locator('h2').textContent()).resolves.toBe('Svar fra kommunen');
    await expect(box.locator('.reply-message').textContent()).resolves.toBe(reply);
    // On the first screen of a phone, above the details, the map and the history.
    const replyBox = await box.boundingBox();
    expect((replyBox?.y ?? 0) + (replyBox?.height ?? 0)).toBeLessThan(PHONE.height);
    const history = await page.locator('#history-title').boundingBox();
    expect(replyBox?.y ?? 0).toBeLessThan(history?.y ?? 0);
    const size = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(await size('.reply-message')).toBeGreaterThan(await size('main > p'));

    const timeline = page.locator('ol.timeline > li');
    await expect(timeline.count()).resolves.toBe(4);
    await expect(timeline.first().textContent()).resolves.toContain(reply);
    await expect(timeline.last().textContent()).resolves.toContain('Meldingen ble mottatt');
    await expect(timeline.nth(2).textContent()).resolves.toContain('Ny status: Under behandling');
    // A timeline, not a numbered list ("1. 1. des. 2026 …").
    await expect(
      page.locator('ol.timeline').evaluate((ol) => getComputedStyle(ol).listStyleType),
    ).resolves.toBe('none');
    expectNoViolations(await axeViolations(page));
  });

  it("shows a missing page with the municipality's header, language switch and footer", async () => {
    for (const context of [withScripts, withoutScripts]) {
      const page = await context.newPage();
      const response = await page.goto(`${w.t.baseUrl}/porsgrunn/meldinger/4001-2026-99999?lang=nn`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('.site-header .brand-name').isVisible()).resolves.toBe(true);
      await expect(page.locator('.site-header .brand-name').textContent()).resolves.toBe('Porsgrunn kommune');
      await expect(page.locator('nav.language').isVisible()).resolves.toBe(true);
      await expect(page.locator('.site-footer').isVisible()).resolves.toBe(true);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
      await expect(page.locator('h1').textContent()).resolves.toBe('Finn ikkje sida');
      // Axe runs as a script in the page: only where scripts run.
      if (context === withScripts) expectNoViolations(await axeViolations(page));
    }
  });

  it('never skips a heading level on the start page, the form, the review, the map and the tracking page', async () => {
    const { ref } = await createApiReport(w.t, {});
    const page = await withScripts.newPage();
    await page.goto(`${w.t.baseUrl}/porsgrunn?lang=nb`);
    for (const path of ['/porsgrunn', '/porsgrunn/meld', '/porsgrunn/kart', `/porsgrunn/meldinger/${ref}`]) {
      await page.goto(`${w.t.baseUrl}${path}`);
      expectNoSkippedLevels(await headingLevels(page), path);
    }
    await page.goto(`${w.t.baseUrl}/porsgrunn/meld`);
    await page.locator('#category-vann-lekkasje').check();
    await page.locator('#answer-vann-lekkasje-mengde input').first().check();
    await page.locator('#address').fill('Storgata 12');
    await page.locator('#description').fill('Lekker.');
    await page.setInputFiles('#photos', {
      name: 'a.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpeg(800, 600),
    });
    await submitReportForm(page, REVIEW_PAGE);
    expectNoSkippedLevels(await headingLevels(page), 'the review page');
    // The photo has its size given, so nothing jumps while it loads.
    const img = page.locator('main .photos img').first();
    await expect(img.getAttribute('width')).resolves.toBe('160');
    await expect(img.getAttribute('height')).resolves.toBe('120');
    await expect(img.getAttribute('alt')).resolves.toBe('Bilde 1');
  });

  it('keeps the room for the map while it loads, so the map, form and tracking pages do not jump', async () => {
    for (const place of [
      { lat: 59.14, lon: 9.66 },
      { lat: 59.1405, lon: 9.6605 },
      { lat: 59.12, lon: 9.63 },
    ])
      await createApiReport(w.t, { location: place });
    const { ref } = await createApiReport(w.t, {});
    const page = await withScripts.newPage();
    const drawn = (p: Page) =>
      p.locator('.leaflet-container :is(path.leaflet-interactive, .marker-cluster)').first().waitFor();
    const map = await layoutShift(page, `${w.t.baseUrl}/porsgrunn/kart`, drawn);
    const form = await layoutShift(page, `${w.t.baseUrl}/porsgrunn/meld`, (p) =>
      p.locator('.leaflet-container').waitFor(),
    );
    const tracking = await layoutShift(page, `${w.t.baseUrl}/porsgrunn/meldinger/${ref}`, drawn);
    expect({ map, form, tracking }).toEqual({ map: 0, form: 0, tracking: 0 });
  });

  it('draws the map’s markers from the list on the page, without asking the server again', async () => {
    const page = await withScripts.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) asked.push(r.url());
    });
    await page.goto(`${w.t.baseUrl}/porsgrunn/kart`);
    await page.locator('#reports-map :is(path.leaflet-interactive, .marker-cluster)').first().waitFor();
    expect(asked).toEqual([]);
  });
});

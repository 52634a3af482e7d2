// Refusals a resident (or a robot) can meet on the form, each answered with a page rather than a
// crash: the honeypot, a file that is not a usable photo, and too many posts in a minute.
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../src/modules/reports/schema.ts';
import { jpeg, textPretendingToBeJpeg, truncatedJpeg } from '../support/images.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  FORM_WITH_ERRORS,
  launchBrowserFor,
  openContext,
  REVIEW_PAGE,
  startWebApp,
  submitReportForm,
  useWebApp,
} from '../support/web.ts';

async function countReports(t: TestApp): Promise<number> {
  const [row] = await t.ctx.db.db.select({ n: sql<number>`count(*)::int` }).from(reports);
  return row?.n ?? 0;
}

describe('the honeypot and bad photos', () => {
  const web = useWebApp();

  it('turns away a filled honeypot with a page and stores nothing', async () => {
    const before = await countReports(web.t);
    const page = await web.context.newPage();
    await page.goto(`${web.t.baseUrl}/porsgrunn/meld`);
    await page.locator('#category-vann-lekkasje').check();
    await page.locator('#address').fill('Storgata 12');
    await page.locator('#description').fill('Fra en robot');
    await page.locator('#website').fill('https://spam.example');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator('#report-form button[type="submit"]').click(),
    ]);
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    await page.getByRole('heading', { name: 'Noe var galt med forespørselen' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nb');
    expect(await countReports(web.t)).toBe(before);
  });

  it('explains a file that is not a photo, or a damaged one, on the form and keeps the rest', async () => {
    const page = await web.context.newPage();
    await page.goto(`${web.t.baseUrl}/porsgrunn/meld`);
    await page.locator('#category-vann-lekkasje').check();
    await page.locator('#address').fill('Storgata 12');
    await page.locator('#description').fill('Med et bilde som ikke er et bilde');
    await page.locator('#contact-email').fill('kari@example.no');
    await page.setInputFiles('#photos', {
      name: 'leak.jpg',
      mimeType: 'image/jpeg',
      buffer: textPretendingToBeJpeg(),
    });
    await submitReportForm(page, FORM_WITH_ERRORS);
    const message = 'Filen er ikke et bilde vi kan bruke. Send et bilde i JPEG, PNG, WebP eller AVIF.';
    await expect(page.locator('#photos-error').textContent()).resolves.toBe(message);
    await expect(page.locator('#error-summary').textContent()).resolves.toContain(message);
    await expect(page.locator('#description').inputValue()).resolves.toBe(
      'Med et bilde som ikke er et bilde',
    );
    await expect(page.locator('#address').inputValue()).resolves.toBe('Storgata 12');
    await expect(page.locator('#contact-email').inputValue()).resolves.toBe('kari@example.no');
    await expect.poll(() => page.locator('#category-vann-lekkasje').isChecked()).toBe(true);

    await page.setInputFiles('#photos', {
      name: 'cut.jpg',
      mimeType: 'image/jpeg',
      buffer: await truncatedJpeg(),
    });
    await submitReportForm(page, FORM_WITH_ERRORS);
    await expect(page.locator('#photos-error').textContent()).resolves.toBe(
      'Bildet er skadet eller ufullstendig. Prøv å ta det på nytt.',
    );
    // A good photo then goes through, and nothing of the bad ones was kept.
    await page.setInputFiles('#photos', {
      name: 'ok.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpeg(800, 600),
    });
    await submitReportForm(page, REVIEW_PAGE);
    await expect(page.locator('main .photos img').count()).resolves.toBe(1);
  });
});

describe('the form’s rate limit', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startWebApp({ reportRateLimitPerMinute: 2 });
    browser = await launchBrowserFor(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('answers the third post in a minute with a 429 page in Norwegian, and then still serves pages', async () => {
    const context = await openContext(browser);
    const page = await context.newPage();
    const statuses: number[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST') statuses.push(r.status());
    });
    for (let i = 0; i < 2; i++) {
      await page.goto(`${t.baseUrl}/porsgrunn/meld`);
      await submitReportForm(page, FORM_WITH_ERRORS);
    }
    // The third comes with a photo, so the page's script sends it: the refusal must still show.
    await page.goto(`${t.baseUrl}/porsgrunn/meld`);
    await page.setInputFiles('#photos', {
      name: 'ok.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpeg(400, 300),
    });
    const [refusal] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator('#report-form button[type="submit"]').click(),
    ]);
    expect(refusal.status()).toBe(429);
    expect(refusal.headers()['content-type']).toMatch(/^text\/html/);
    expect(Number(refusal.headers()['retry-after'])).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'For mange forsøk' }).waitFor();
    expect(statuses.slice(0, 3)).toEqual([303, 303, 429]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nb');
    await expect(page.locator('main').textContent()).resolves.toMatch(
      /For mange forespørsler\. Prøv igjen om \d+ sekunder\./,
    );
    // Reading pages is not limited.
    const start = await page.goto(`${t.baseUrl}/porsgrunn`);
    expect(start?.status()).toBe(200);
    await context.close();
  });
});

// The API documentation page renders in a real browser under the server's Content-Security-Policy.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

describe('API documentation in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp('pglite'), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the documented endpoints without CSP violations or script errors', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${t.baseUrl}/api/docs`);
    await page.getByRole('heading', { name: /Meldepunkt API/ }).waitFor({ timeout: 15_000 });
    await expect(page.getByText('/api/v1/reports/{ref}').first().isVisible()).resolves.toBe(true);
    // Open the report submission and see its request schema.
    await page.getByText('Submit a report').first().click();
    await page.getByText('Idempotency-Key').first().waitFor();
    expect(problems).toEqual([]);
  });
});

// Helpers for the residents' pages in Chromium: an app with Porsgrunn and no map tiles, browser
// contexts that reach the app at its public address, axe results a person can read, and reports
// made through the API.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Config } from '../../src/config.ts';
import { buildPorsgrunn, buildReportBody } from './factories.ts';
import { startTestApp, type TestApp } from './test-app.ts';

/** The test app's PUBLIC_URL: tracking links and the embed snippet point here. */
export const PUBLIC_URL = 'http://meld.test';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;

/** The app on a real port with the Porsgrunn demo data; no tiles are fetched. */
export async function startWebApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const t = await startTestApp('pglite', { mapTileUrl: '', ...overrides });
  try {
    await buildPorsgrunn(t.ctx.db.db);
  } catch (error) {
    await t.close();
    throw error;
  }
  return t;
}

/**
 * A browser context in which the public address (http://meld.test) is served by the test app, so
 * that links and iframes built from PUBLIC_URL work. Nothing else leaves the machine.
 */
export async function openContext(
  browser: Browser,
  t: TestApp,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route(`${PUBLIC_URL}/**`, async (route) => {
    const url = route.request().url().replace(PUBLIC_URL, t.baseUrl);
    const response = await route.fetch({ url, maxRedirects: 0 });
    const headers = { ...response.headers() };
    if (headers.location?.startsWith(t.baseUrl))
      headers.location = headers.location.replace(t.baseUrl, PUBLIC_URL);
    await route.fulfill({ response, headers });
  });
  return context;
}

/** A link the app made with its public address, as an address of the test app. */
export function local(t: TestApp, url: string): string {
  return url.replace(PUBLIC_URL, t.baseUrl);
}

/** Axe (WCAG 2.0/2.1 A and AA) on the page; the violations as readable lines, empty when none. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    at ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ') ?? ''}\n    ${n.html.slice(0, 300)}`,
    ),
  );
}

/** A report made through the API; returns its reference and tracking token. */
export async function createApiReport(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<{ ref: string; trackingToken: string }> {
  const res = await t.request('POST', '/api/v1/reports', { body: buildReportBody(overrides) });
  if (res.status !== 201) throw new Error(`report not created: ${res.status} ${res.text}`);
  return { ref: res.body.ref, trackingToken: res.body.trackingToken };
}

/** The form's page after a post: the draft's review page, or the form again with errors. */
export async function submitAndWait(page: Page, button = 'button[type="submit"]'): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(button)]);
}

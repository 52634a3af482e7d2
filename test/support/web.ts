// Helpers for the residents' pages in Chromium: an app with Porsgrunn and no map tiles, browser
// contexts that reach the app at its public address, axe results a person can read, and reports
// made through the API.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Config } from '../../src/config.ts';
import type { NotificationOptions } from '../../src/modules/notifications/start-notifications.ts';
import { launchBrowser } from './browser.ts';
import { buildPorsgrunn, buildReportBody } from './factories.ts';
import { startTestApp, type TestApp } from './test-app.ts';

/** The test app's PUBLIC_URL: tracking links and the embed snippet point here. */
export const PUBLIC_URL = 'http://meld.test';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;

/**
 * The app on a real port with the Porsgrunn demo data; no tiles are fetched. Role `all`, as
 * `npm start` runs it: the relay, send workers and live-change announcer run too.
 */
export async function startWebApp(
  overrides: Partial<Config> = {},
  options: { notifications?: NotificationOptions } = {},
): Promise<TestApp> {
  return startTestApp(
    'pglite',
    { mapTileUrl: '', ...overrides },
    { role: 'all', notifications: options.notifications, prepare: (d) => buildPorsgrunn(d.handle.db) },
  );
}

/**
 * Chromium that reaches the app at its public address too (http://meld.test is this app's port),
 * so links and iframes built from PUBLIC_URL work, redirects included, as a real second origin.
 */
export function launchBrowserFor(t: TestApp): Promise<Browser> {
  const { hostname } = new URL(PUBLIC_URL);
  return launchBrowser([`--host-resolver-rules=MAP ${hostname} 127.0.0.1:${new URL(t.baseUrl).port}`]);
}

/** A fresh browser context whose waits give up after 10 s, well inside a test's 30 s. */
export async function openContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10_000);
  return context;
}

/** A link the app made with its public address, as an address Node's fetch can reach. */
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

/** Fails listing every violation (rule, element, what to fix), or passes when there are none. */
export function expectNoViolations(problems: string[]): void {
  expect(problems, `axe violations:\n${problems.join('\n\n')}`).toEqual([]);
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

export const REVIEW_PAGE = /\/porsgrunn\/meld\/[0-9a-f-]{36}$/;
export const FORM_WITH_ERRORS = /\/porsgrunn\/meld\?utkast=[0-9a-f-]{36}#error-summary$/;

/**
 * Sends the report form (with scripts, photos go by XMLHttpRequest and the page then loads the
 * answer) and waits for the page that follows. When it was expected to pass but came back with
 * problems, fails with what they say.
 */
export async function submitReportForm(page: Page, expected: RegExp): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.locator('#report-form button[type="submit"]').click()]);
  if (expected.test(page.url())) return;
  const summary = page.locator('#error-summary');
  const problems = (await summary.count()) > 0 ? await summary.textContent() : '(no error summary)';
  throw new Error(`expected ${expected}, got ${page.url()}: ${problems}`);
}

export interface WebFixture {
  readonly t: TestApp;
  readonly browser: Browser;
  readonly context: BrowserContext;
}

/**
 * The usual set-up of a browser test file: the app with Porsgrunn, Chromium that reaches it at
 * its public address, and one context; all closed after the describe block.
 */
export function useWebApp(overrides: Partial<Config> = {}): WebFixture {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    t = await startWebApp(overrides);
    browser = await launchBrowserFor(t);
    context = await openContext(browser);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is not set up yet`);
    return value;
  };
  return {
    get t() {
      return ready(t, 'the test app');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    get context() {
      return ready(context, 'the browser context');
    },
  };
}

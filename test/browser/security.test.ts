// Safe pages: text a resident types never becomes markup anywhere, scripts only come from our
// server, and form posts need the token the server gave (see refusals.test.ts for the honeypot,
// bad photos and the rate limit).
import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFollowers, reports } from '../../src/modules/reports/schema.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  createApiReport,
  FORM_WITH_ERRORS,
  launchBrowserFor,
  local,
  openContext,
  REVIEW_PAGE,
  startWebApp,
  submitReportForm,
} from '../support/web.ts';

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';

/** The page's HTML as the server sent it (not as the browser re-serialises it). */
async function served(t: TestApp, page: Page): Promise<string> {
  const response = await page.request.get(local(t, page.url()));
  return response.text();
}

function expectInert(html: string, where: string): void {
  expect(html, where).not.toContain('<img src=x onerror');
  expect(html, where).not.toContain(SCRIPT);
  expect(html, where).not.toMatch(/<script>alert/i);
}

async function countReports(t: TestApp): Promise<number> {
  const [row] = await t.ctx.db.db.select({ n: sql<number>`count(*)::int` }).from(reports);
  return row?.n ?? 0;
}

describe('security of the residents’ pages', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  const dialogs: string[] = [];

  beforeAll(async () => {
    t = await startWebApp();
    browser = await launchBrowserFor(t);
    // Without the CSP, so that markup that slipped through would run and open a dialog: the
    // escaping is tested on its own, not saved by the policy.
    context = await openContext(browser, { bypassCSP: true });
    context.on('page', (page) => {
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('renders script and attribute-breaking payloads as plain text everywhere', async () => {
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn/meld?lat=59.14&lon=9.66`);
    await page.locator('#address').fill(`${BREAKOUT} ${SCRIPT}`);
    await page.locator('#description').fill(`${SCRIPT} ${BREAKOUT}`);
    await page.locator('#contact-name').fill(BREAKOUT);
    await page.locator('#contact-phone').fill('912 34 567');
    // No category yet: the form comes back with the payloads in its fields' values.
    await submitReportForm(page, FORM_WITH_ERRORS);
    expectInert(await served(t, page), 'form with errors');
    await expect(page.locator('#description').inputValue()).resolves.toBe(`${SCRIPT} ${BREAKOUT}`);

    await page.locator('#category-vann-brannhydrant').check();
    await page.locator('#answer-vann-brannhydrant-hydrantnummer').fill(`${BREAKOUT}${SCRIPT}`);
    await submitReportForm(page, REVIEW_PAGE);
    expectInert(await served(t, page), 'review page');
    await expect(page.locator('dl.summary').textContent()).resolves.toContain(BREAKOUT);

    await Promise.all([
      page.waitForURL(/\/kvittering\?token=/),
      page.locator('main > form button').first().click(),
    ]);
    const ref = (await page.locator('.ref').textContent()) ?? '';
    await Promise.all([
      page.waitForURL(/^http:\/\/meld\.test\/porsgrunn\/meldinger\/[\d-]+\?token=/),
      page.locator('.tracking-link a').click(),
    ]);
    expectInert(await served(t, page), 'tracking page with the token');
    await expect(page.locator('dl.summary').textContent()).resolves.toContain(SCRIPT);
    await page.goto(`${t.baseUrl}/porsgrunn/meldinger/${ref}`);
    expectInert(await served(t, page), 'tracking page');

    await page.goto(`${t.baseUrl}/porsgrunn/kart`);
    await page.locator('#reports-map :is(.leaflet-interactive, .marker-cluster)').first().waitFor();
    expectInert(await served(t, page), 'map and list');
    await expect(page.locator('.report-list').textContent()).resolves.toContain(BREAKOUT);

    // The API answers JSON, which a browser never runs as a page.
    const api = await page.goto(`${t.baseUrl}/api/v1/reports/${ref}`);
    expect(api?.headers()['content-type']).toMatch(/^application\/json/);
    expect(api?.headers()['x-content-type-options']).toBe('nosniff');
    const body = (await api?.json()) as { description: string; address: string; answers: unknown };
    expect(body.description).toBe(`${SCRIPT} ${BREAKOUT}`);
    expect(JSON.stringify(body)).not.toContain('Kari');
    expect(dialogs).toEqual([]);
  });

  it('has a Content-Security-Policy without inline scripts on every page', async () => {
    const { ref, trackingToken } = await createApiReport(t);
    const paths = [
      '/porsgrunn',
      '/porsgrunn/meld',
      '/porsgrunn/kart',
      '/porsgrunn/personvern',
      '/porsgrunn/embed-demo',
      `/porsgrunn/meldinger/${ref}`,
      `/porsgrunn/meldinger/${ref}?token=${encodeURIComponent(trackingToken)}`,
      '/porsgrunn/finnes-ikke',
    ];
    for (const path of paths) {
      const res = await fetch(`${t.baseUrl}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, path).toBe("'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toMatch(/object-src 'none'/);
    }
  });

  it('refuses form posts without the token or with a forged one, back on the form with a message', async () => {
    const before = await countReports(t);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/porsgrunn/meld`);
    await page.locator('#category-vann-lekkasje').check();
    await page.locator('#address').fill('Storgata 12');
    await page.locator('#description').fill('Uten skjemanøkkel');
    await page.locator('input[name="_token"]').evaluate((input) => input.remove());
    await submitReportForm(page, FORM_WITH_ERRORS);
    await expect(page.locator('#error-summary').textContent()).resolves.toContain(
      'Skjemaet var for gammelt eller kom fra et annet sted.',
    );
    await expect(page.locator('#description').inputValue()).resolves.toBe('Uten skjemanøkkel');

    // The form as another site would post it: a made-up token.
    const forged = new FormData();
    for (const [name, value] of Object.entries({
      _token: `${Date.now().toString(36)}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
      category: 'vann-lekkasje',
      address: 'Storgata 12',
      description: 'Forfalsket',
    }))
      forged.append(name, value);
    const res = await fetch(`${t.baseUrl}/porsgrunn/meld`, {
      method: 'POST',
      body: forged,
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(FORM_WITH_ERRORS);

    // Sending a review, following and stopping updates need the token too.
    await page.locator('#report-form button[type="submit"]').click();
    await page.waitForURL(REVIEW_PAGE);
    const send = await fetch(`${page.url()}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '_token=forged',
      redirect: 'manual',
    });
    expect(send.headers.get('location')).toMatch(/\/porsgrunn\/meld\?utkast=/);
    const { ref } = await createApiReport(t);
    const follow = await fetch(`${t.baseUrl}/porsgrunn/meldinger/${ref}/folg`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=ola%40example.no',
    });
    expect(follow.status).toBe(400);
    expect(follow.headers.get('content-type')).toMatch(/^text\/html/);
    const followers = await t.ctx.db.db.select().from(reportFollowers);
    expect(followers).toEqual([]);
    expect(await countReports(t)).toBe(before + 1);
  });
});

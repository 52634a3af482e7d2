// The form inside another site's page: /embed.js inserts an iframe that grows to fit the form (the
// page inside reports its height by postMessage), and without scripts a plain iframe stands in.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openContext, PUBLIC_URL, useWebApp } from '../support/web.ts';

/** The iframe's height in CSS pixels as laid out on the host page. */
function frameHeight(page: Page): Promise<number> {
  return page.locator('.embed-demo-frame iframe').evaluate((frame) => frame.getBoundingClientRect().height);
}

describe('the embedded form', () => {
  const web = useWebApp();

  it('shows the form in an iframe inserted by /embed.js, sized to its content', async () => {
    const page = await web.context.newPage();
    // Script errors, CSP refusals and failed requests, in the page or the iframe. (Chromium's note
    // that COOP needs HTTPS is about the test's plain HTTP, not the page.)
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Cross-Origin-Opener-Policy|Failed to load resource/.test(m.text()))
        errors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${web.t.baseUrl}/porsgrunn/embed-demo?lang=en`);
    const iframe = page.locator('.embed-demo-frame iframe');
    await expect(iframe.count()).resolves.toBe(1);
    await expect(iframe.getAttribute('src')).resolves.toBe(`${PUBLIC_URL}/porsgrunn/meld?embed=1&lang=en`);
    await expect(iframe.getAttribute('title')).resolves.toBe('Report a problem');

    const form = page.frameLocator('.embed-demo-frame iframe');
    await form.locator('#report-form').waitFor();
    // Inside: the form without the site's header and footer, in the language asked for.
    await expect(form.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(form.locator('body').getAttribute('class')).resolves.toBe('embedded');
    await expect(form.locator('.site-header').count()).resolves.toBe(0);

    // The height message arrives and the iframe grows to the whole form: no inner scrollbar.
    await page.waitForFunction(() => {
      const frame = document.querySelector<HTMLIFrameElement>('.embed-demo-frame iframe');
      return frame !== null && frame.style.height !== '' && frame.getBoundingClientRect().height > 1000;
    });
    const inner = await form
      .locator('html')
      .evaluate((html) => ({ scroll: html.scrollHeight, client: html.clientHeight }));
    expect(inner.scroll).toBeLessThanOrEqual(inner.client + 1);
    const height = await frameHeight(page);
    expect(height).toBeGreaterThan(1000);

    // A failed post inside the iframe makes the page taller (the problems on top): it grows again.
    await form.locator('#report-form button[type="submit"]').click();
    await form.locator('#error-summary').waitFor();
    await page.waitForFunction(
      (before) =>
        (document.querySelector('.embed-demo-frame iframe')?.getBoundingClientRect().height ?? 0) > before,
      height,
    );
    // Links inside keep the embedded look.
    await expect(form.locator('body').getAttribute('class')).resolves.toBe('embedded');
    expect(errors).toEqual([]);
  });

  it('falls back to a plain iframe without scripts', async () => {
    const noScripts = await openContext(web.browser, { javaScriptEnabled: false });
    const page = await noScripts.newPage();
    await page.goto(`${web.t.baseUrl}/porsgrunn/embed-demo`);
    const iframe = page.locator('.embed-demo-frame iframe');
    await expect(iframe.count()).resolves.toBe(1);
    await expect(iframe.getAttribute('height')).resolves.toBe('1800');
    await page.frameLocator('.embed-demo-frame iframe').locator('#report-form').waitFor();
    await noScripts.close();
  });
});

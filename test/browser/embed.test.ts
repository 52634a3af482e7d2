// The form inside another site's page: /embed.js inserts an iframe that grows to fit the form (the
// page inside reports its height by postMessage), and without scripts a plain iframe stands in.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createNotice } from '../../src/modules/notices/create-notice.ts';
import { publishNotice } from '../../src/modules/notices/publish-notice.ts';
import { PLACES } from '../support/factories.ts';
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
    const sizes = await form
      .locator('html')
      .evaluate((html) => ({ scroll: html.scrollHeight, client: html.clientHeight }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client + 1);
    const height = await frameHeight(page);
    expect(height).toBeGreaterThan(1000);

    // A failed post inside the iframe makes the page taller (the problems on top): it grows again.
    // Click once the frame has loaded (its scripts have laid the form out), and wait for the
    // frame's own navigation back to the draft: what was requested is in the failure if not.
    const inner = page.frames().find((f) => f.url().startsWith(`${PUBLIC_URL}/porsgrunn/meld?`));
    if (!inner) throw new Error('the form frame is not among the page frames');
    await inner.waitForLoadState('load');
    const requests: string[] = [];
    page.on('response', (r) => requests.push(`${r.request().method()} ${r.status()} ${r.url()}`));
    await Promise.all([
      inner.waitForURL(/[?&]utkast=/).catch((e: Error) => {
        throw new Error(`${e.message}\nafter the click: ${requests.join('\n') || 'no request'}`);
      }),
      form.locator('#report-form button[type="submit"]').click(),
    ]);
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

  it('shows the notices widget from another origin, its links opening the full page outside the frame', async () => {
    const actor = randomUUID();
    const notice = await createNotice(web.t.ctx.db.db, actor, '4001', {
      type: 'planned_shutoff',
      title: { nb: 'Vannavstengning Olavs gate', en: 'Water shut-off Olavs gate' },
      body: { nb: 'Fyll vann på flasker.' },
      area: { type: 'Circle', center: PLACES.porsgrunn, radiusMetres: 300 },
      startsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      expectedEndAt: new Date(Date.now() + 30 * 3600_000).toISOString(),
    });
    await publishNotice(web.t.ctx.db.db, actor, '4001', notice.id);
    const page = await web.context.newPage();
    // The demo page is at the test's own address; the frames are at PUBLIC_URL, another origin.
    await page.goto(`${web.t.baseUrl}/porsgrunn/embed-demo?lang=en`);
    const iframe = page.locator('.embed-demo-widget iframe');
    await expect(iframe.getAttribute('src')).resolves.toBe(
      `${PUBLIC_URL}/porsgrunn/driftsmeldinger/widget?lang=en`,
    );
    await expect(iframe.getAttribute('title')).resolves.toBe('Service notices');
    expect(new URL(page.url()).origin).not.toBe(new URL(PUBLIC_URL).origin);
    const widget = page.frameLocator('.embed-demo-widget iframe');
    const link = widget.locator(`[data-notice="${notice.id}"] a`);
    await expect(link.textContent()).resolves.toContain('Water shut-off Olavs gate');
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    // The frame grows to its content.
    await page.waitForFunction(() => {
      const frame = document.querySelector<HTMLIFrameElement>('.embed-demo-widget iframe');
      return frame !== null && frame.style.height !== '';
    });
    // Following the link opens the notice's full page in a new tab, with the site's header.
    const [opened] = await Promise.all([web.context.waitForEvent('page'), link.click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${PUBLIC_URL}/porsgrunn/driftsmeldinger/${notice.id}?lang=en`);
    await expect(opened.locator('.site-header').count()).resolves.toBe(1);
    await opened.close();
    await page.close();
  });
});

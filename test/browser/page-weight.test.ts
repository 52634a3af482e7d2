// The report page stays light: at most 80 kB of JavaScript, gzip-compressed as sent over the
// wire, map included (issue 3, "Light"). Counts what Chromium actually receives, so a new large
// script, a heavier map library or compression switched off all make it fail. Not a timing test:
// `npm run bench:web` measures load times.
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildPorsgrunn } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const BUDGET_BYTES = 80 * 1024;
/** @fastify/compress leaves bodies below this size (bytes) uncompressed. */
const COMPRESS_THRESHOLD = 1024;

interface ScriptLoad {
  path: string;
  encoding: string | undefined;
  /** Body bytes as received, before decompression. */
  wireBytes: number;
  /** Body bytes after decompression. */
  decodedBytes: number;
}

function isScript(response: Response): boolean {
  return (
    response.request().resourceType() === 'script' ||
    /javascript|ecmascript/.test(response.headers()['content-type'] ?? '')
  );
}

describe('report page weight in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp('pglite', { mapTileUrl: '' }), launchBrowser()]);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sends at most 80 kB of gzip-compressed JavaScript to /porsgrunn/meld, map included', async () => {
    // A fresh context has an empty cache; gzip is what the budget is stated in (and what every
    // browser accepts), so ask for exactly that.
    const context = await browser.newContext({ extraHTTPHeaders: { 'accept-encoding': 'gzip' } });
    try {
      const page = await context.newPage();
      const pending: Promise<ScriptLoad>[] = [];
      page.on('response', (response) => {
        if (!isScript(response)) return;
        pending.push(
          (async () => {
            const body = await response.body();
            const sizes = await response.request().sizes();
            return {
              path: new URL(response.url()).pathname,
              encoding: response.headers()['content-encoding'],
              wireBytes: sizes.responseBodySize,
              decodedBytes: body.length,
            };
          })(),
        );
      });

      const response = await page.goto(`${t.baseUrl}/porsgrunn/meld`, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      // The map is part of the budget: it must have been drawn, so its scripts were loaded.
      await page
        .locator('.leaflet-container')
        .waitFor({ state: 'visible', timeout: 10_000 })
        .catch(() => {
          throw new Error('the report form did not draw its map, so the map’s scripts were not counted');
        });
      const scripts = await Promise.all(pending);

      const described = scripts.map((s) => `${s.path} ${s.wireBytes} B (${s.encoding ?? 'identity'})`);
      expect(scripts.length, 'the page loaded no scripts at all').toBeGreaterThan(0);
      expect(scripts.some((s) => s.path.includes('leaflet'))).toBe(true);
      for (const s of scripts) {
        expect(s.wireBytes, `${s.path}: no body size reported`).toBeGreaterThan(0);
        if (s.decodedBytes >= COMPRESS_THRESHOLD) {
          expect(s.encoding, `${s.path} was sent without gzip compression`).toBe('gzip');
        }
      }
      const total = scripts.reduce((sum, s) => sum + s.wireBytes, 0);
      expect(total, `JavaScript on the report page: ${described.join(', ')}`).toBeLessThanOrEqual(
        BUDGET_BYTES,
      );
    } finally {
      await context.close();
    }
  });
});

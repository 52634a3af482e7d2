// One page load for bench/web.ts: a fresh browser context (cold cache) on a phone-sized screen,
// CPU and network throttled through the Chrome DevTools Protocol, Largest Contentful Paint from a
// PerformanceObserver the harness installs before any page script, and the bytes that crossed
// the (emulated) wire per resource type.
import http from 'node:http';
import type { Browser } from 'playwright-core';

/** Chrome DevTools' "Slow 4G" preset (1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, with DevTools'
 *  own factors: ×0.9 throughput, ×3.75 latency), which Lighthouse's mobile runs also model. */
export const SLOW_4G = {
  name: 'Chrome DevTools "Slow 4G"',
  latencyMs: 562.5,
  downloadBytesPerSecond: 180_000,
  uploadBytesPerSecond: 84_375,
} as const;

export const CPU_SLOWDOWN = 4;

/** A mid-range phone's screen, as Lighthouse's mobile emulation (Moto G Power). */
export const VIEWPORT = { width: 412, height: 823, deviceScaleFactor: 1.75 } as const;

export type ResourceKind = 'document' | 'stylesheet' | 'script' | 'other';
export const RESOURCE_KINDS: readonly ResourceKind[] = ['document', 'stylesheet', 'script', 'other'];

export interface ScriptResponse {
  url: string;
  status: number;
  contentEncoding: string | null;
  /** Headers plus body as received (Network.loadingFinished encodedDataLength). */
  transferred: number;
  /** Body bytes as received, still compressed (transferred minus the response header text). */
  body: number;
}

export interface PageLoad {
  lcpMs: number | null;
  /** Tag, id/class and the start of its text: which element the LCP was. */
  lcpElement: string | null;
  fcpMs: number | null;
  domContentLoadedMs: number | null;
  loadMs: number | null;
  requests: number;
  failed: string[];
  transferred: Record<ResourceKind, number>;
  transferredTotal: number;
  scripts: ScriptResponse[];
  acceptEncoding: string | null;
}

const LCP_OBSERVER = `(() => {
  window.__bench = { lcp: null, lcpElement: null };
  const describe = (el) => {
    if (!el) return null;
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return el.tagName.toLowerCase() + id + cls + (text ? ' "' + text + '"' : '');
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__bench.lcp = entry.startTime;
        window.__bench.lcpElement = describe(entry.element);
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (error) {
    window.__bench.error = String(error);
  }
})();`;

const READ_TIMINGS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return JSON.stringify({
    lcp: window.__bench ? window.__bench.lcp : null,
    lcpElement: window.__bench ? window.__bench.lcpElement : null,
    error: window.__bench ? window.__bench.error || null : 'observer not installed',
    fcp: fcp ? fcp.startTime : null,
    dcl: nav ? nav.domContentLoadedEventEnd : null,
    load: nav ? nav.loadEventEnd : null,
  });
})()`;

interface Timings {
  lcp: number | null;
  lcpElement: string | null;
  error: string | null;
  fcp: number | null;
  dcl: number | null;
  load: number | null;
}

function kindOf(type: string | undefined): ResourceKind {
  if (type === 'Document') return 'document';
  if (type === 'Stylesheet') return 'stylesheet';
  if (type === 'Script') return 'script';
  return 'other';
}

function header(headers: Record<string, unknown>, name: string): string | null {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return String(value);
  }
  return null;
}

const round = (n: number | null): number | null => (n === null ? null : Math.round(n));

/** Loads `url` once, throttled, in a new context; `throttled: false` is for warming the server. */
export async function measurePageLoad(
  browser: Browser,
  url: string,
  options: { throttled: boolean; timeoutMs: number },
): Promise<PageLoad> {
  const context = await browser.newContext({
    viewport: { width: VIEWPORT.width, height: VIEWPORT.height },
    deviceScaleFactor: VIEWPORT.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: LCP_OBSERVER });
    const cdp = await context.newCDPSession(page);

    const responses = new Map<
      string,
      { type: ResourceKind; url: string; status: number; encoding: string | null; headerBytes: number }
    >();
    const finished = new Map<string, number>();
    const failed: string[] = [];
    let acceptEncoding: string | null = null;
    cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
      acceptEncoding ??= header(event.headers, 'accept-encoding');
    });
    cdp.on('Network.responseReceived', (event) => {
      const previous = responses.get(event.requestId);
      responses.set(event.requestId, {
        type: kindOf(event.type),
        url: event.response.url,
        status: event.response.status,
        encoding: header(event.response.headers, 'content-encoding'),
        headerBytes: previous?.headerBytes ?? 0,
      });
    });
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      const bytes = event.headersText ? Buffer.byteLength(event.headersText) : 0;
      const known = responses.get(event.requestId);
      if (known) known.headerBytes = bytes;
      else
        responses.set(event.requestId, {
          type: 'other',
          url: '',
          status: 0,
          encoding: null,
          headerBytes: bytes,
        });
    });
    cdp.on('Network.loadingFinished', (event) => {
      finished.set(event.requestId, event.encodedDataLength);
    });
    cdp.on('Network.loadingFailed', (event) => {
      failed.push(`${event.type}: ${event.errorText}`);
    });

    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (options.throttled) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: SLOW_4G.latencyMs,
        downloadThroughput: SLOW_4G.downloadBytesPerSecond,
        uploadThroughput: SLOW_4G.uploadBytesPerSecond,
        connectionType: 'cellular4g',
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }

    const response = await page.goto(url, { waitUntil: 'networkidle', timeout: options.timeoutMs });
    if (response?.status() !== 200) {
      throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    }
    // LCP candidates can still arrive after the load event (a late image, a map); give them a moment.
    await page.waitForTimeout(500);
    const timings = JSON.parse(String(await page.evaluate(READ_TIMINGS))) as Timings;
    if (timings.error) throw new Error(`LCP observer failed on ${url}: ${timings.error}`);

    const transferred: Record<ResourceKind, number> = { document: 0, stylesheet: 0, script: 0, other: 0 };
    const scripts: ScriptResponse[] = [];
    for (const [id, bytes] of finished) {
      const r = responses.get(id);
      const kind = r?.type ?? 'other';
      transferred[kind] += bytes;
      if (r && kind === 'script') {
        scripts.push({
          url: r.url,
          status: r.status,
          contentEncoding: r.encoding,
          transferred: bytes,
          body: Math.max(0, bytes - r.headerBytes),
        });
      }
    }
    return {
      lcpMs: round(timings.lcp),
      lcpElement: timings.lcpElement,
      fcpMs: round(timings.fcp),
      domContentLoadedMs: round(timings.dcl),
      loadMs: round(timings.load),
      requests: finished.size,
      failed,
      transferred,
      transferredTotal: RESOURCE_KINDS.reduce((sum, kind) => sum + transferred[kind], 0),
      scripts,
      acceptEncoding,
    };
  } finally {
    await context.close();
  }
}

/** The body of `url` as the server sends it to a client that accepts gzip only: raw bytes, not
 *  decompressed (fetch would decompress), and the encoding the server chose. */
export function gzipAsServed(url: string): Promise<{ bytes: number; encoding: string | null }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { 'accept-encoding': 'gzip' }, timeout: 10_000 }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`));
        else resolve({ bytes, encoding: res.headers['content-encoding'] ?? null });
      });
      res.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`${url} timed out`)));
    request.on('error', reject);
  });
}

/** Spread over Porsgrunn's centre, so the public map has markers to draw and cluster. */
export async function seedReports(baseUrl: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'vann-lekkasje',
        location: { lat: 59.13 + ((i * 7) % 20) * 0.001, lon: 9.645 + ((i * 13) % 30) * 0.001 },
        description: `Vann renner opp av asfalten ved fortauskanten (benchmark ${i + 1}).`,
        answers: { mengde: 'renner' },
        contact: { notify: 'none' },
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 201) {
      throw new Error(`seeding report ${i + 1} answered ${response.status}: ${await response.text()}`);
    }
  }
}

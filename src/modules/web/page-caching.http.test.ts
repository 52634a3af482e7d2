// How the residents' pages and their files are cached (issue 11, item 12), the icon (item 11),
// and what checkers read in the markup (meta description, the address field's autocomplete).
// Over real HTTP: the headers are the point.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { municipalities } from '../tenants/schema.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The addresses of the styles, scripts and icon a page names in its head. */
function headAssets(html: string): string[] {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
}

describe.each(databaseKinds())('page and asset caching on %s', (kind) => {
  let t: TestApp;
  let ref: string;
  let trackingToken: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { mapTileUrl: '' });
    await buildPorsgrunn(t.ctx.db.db);
    const res = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    ({ ref, trackingToken } = res.body);
  });
  afterAll(() => t?.close());

  const get = (path: string) => fetch(`${t.baseUrl}${path}`, { redirect: 'manual' });

  it('names every style and script by a fingerprint, served immutable for a year', async () => {
    for (const page of ['/porsgrunn', '/porsgrunn/meld', '/porsgrunn/kart', `/porsgrunn/meldinger/${ref}`]) {
      const html = await (await get(page)).text();
      const assets = headAssets(html).filter((a) => !a.startsWith('http'));
      expect(assets.length, page).toBeGreaterThanOrEqual(3);
      for (const asset of assets) {
        expect(asset, `${page} names ${asset} without a fingerprint`).toMatch(/\?v=[0-9a-f]{6,}$/);
        const res = await get(asset);
        expect(res.status, asset).toBe(200);
        expect(res.headers.get('cache-control'), asset).toBe(IMMUTABLE);
      }
    }
  });

  it('serves an address without the current fingerprint too, but only briefly cached', async () => {
    for (const asset of ['/assets/site.css', '/assets/site.css?v=0000', '/assets/leaflet/leaflet.js']) {
      const res = await get(asset);
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('cache-control'), asset).toBe('public, max-age=300');
    }
    await expect(get('/assets/leaflet/leaflet.js.map').then((r) => r.status)).resolves.toBe(404);
  });

  it('keeps pages uncached but lets the browser restore the public ones from back/forward', async () => {
    for (const page of ['/porsgrunn', '/porsgrunn/meld', '/porsgrunn/kart', `/porsgrunn/meldinger/${ref}`]) {
      const res = await get(page);
      expect(res.status, page).toBe(200);
      // no-store keeps a page out of the back/forward cache; no-cache still asks afresh each time.
      expect(res.headers.get('cache-control'), page).toBe('private, no-cache');
    }
    // The reporter's own view (notification choice) is personal: never stored.
    const own = await get(`/porsgrunn/meldinger/${ref}?token=${encodeURIComponent(trackingToken)}`);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('no-store');
  });

  it('never keeps a form that holds what a resident typed', async () => {
    const form = new FormData();
    const page = await (await get('/porsgrunn/meld')).text();
    form.append('_token', /name="_token" value="([^"]+)"/.exec(page)?.[1] ?? '');
    form.append('description', 'Lekker.');
    form.append('contact.email', 'kari@example.no');
    const posted = await fetch(`${t.baseUrl}/porsgrunn/meld`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    const draft = await get(posted.headers.get('location') ?? '');
    expect(draft.status).toBe(200);
    expect(await draft.text()).toContain('kari@example.no');
    expect(draft.headers.get('cache-control')).toBe('no-store');
  });

  it('answers /favicon.ico with an icon, and each page names one', async () => {
    const icon = await get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    const bytes = new Uint8Array(await icon.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
    const html = await (await get('/porsgrunn')).text();
    const named = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await get(named);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
  });

  it("uses the municipality's logo as its pages' icon where it has one", async () => {
    const db = t.ctx.db.db;
    await db
      .update(municipalities)
      .set({ logoUrl: '/assets/favicon.svg' })
      .where(eq(municipalities.slug, 'porsgrunn'));
    try {
      const html = await (await get('/porsgrunn')).text();
      expect(html).toContain('<link rel="icon" href="/assets/favicon.svg"/>');
    } finally {
      await db.update(municipalities).set({ logoUrl: null }).where(eq(municipalities.slug, 'porsgrunn'));
    }
  });

  it('gives every page a description, and the address field the autocomplete of one line', async () => {
    for (const page of ['/porsgrunn', '/porsgrunn/meld', '/porsgrunn/kart', `/porsgrunn/meldinger/${ref}`]) {
      const html = await (await get(page)).text();
      const description = /<meta name="description" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(description.length, page).toBeGreaterThan(40);
    }
    const form = await (await get('/porsgrunn/meld')).text();
    expect(form).toMatch(/<input id="address"[^>]*autocomplete="address-line1"/);
    expect(form).not.toContain('street-address');
  });

  it("shows a page that is not found under a municipality's address with its header and footer", async () => {
    const res = await get('/porsgrunn/finnes-ikke?lang=en');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<header class="site-header">');
    expect(html).toContain('Porsgrunn municipality');
    expect(html).toContain('<footer class="site-footer">');
    expect(html).toContain('<h1>Page not found</h1>');
    // An unknown report too; and an address outside any municipality gets the plain page.
    const report = await get('/porsgrunn/meldinger/4001-2026-99999');
    expect(report.status).toBe(404);
    expect(await report.text()).toContain('<header class="site-header">');
    const outside = await get('/finnes-ikke/her');
    expect(outside.status).toBe(404);
    const plain = await outside.text();
    expect(plain).not.toContain('site-header');
    expect(plain).toContain('<link rel="icon"');
  });
});

// The back office's files at /admin/ on a real port, from a small stand-in build (so these tests
// need no Vite build), and the 503 when there is no build. The real build is served in
// test/browser/staff-app-shell.browser.test.ts.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { NOT_BUILT_MESSAGE, staffAppRoutes } from './routes.ts';

const INDEX = '<!doctype html><html lang="nb"><head><title>Meldepunkt</title></head><body></body></html>';

async function serve(distDir: string, mapTileUrl = ''): Promise<{ app: FastifyInstance; base: string }> {
  const app = Fastify({ logger: false });
  // As in app.ts: helmet's policy everywhere, which the back office replaces with its own.
  await app.register(helmet);
  await app.register(staffAppRoutes, { ctx: { config: { ...loadConfig({}), mapTileUrl } }, distDir });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base };
}

describe('the back office at /admin', () => {
  let dir: string;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-admin-dist-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), INDEX);
    await writeFile(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log("app");\n');
    ({ app, base } = await serve(dir, 'https://tiles.example.no/{z}/{x}/{y}.png'));
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at /admin and /admin/, revalidated on every load, under its own policy', async () => {
    for (const address of ['/admin', '/admin/']) {
      const res = await fetch(`${base}${address}`);
      expect(res.status, address).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      await expect(res.text()).resolves.toBe(INDEX);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.no;");
      // The service worker fetches the tiles it keeps offline under this policy.
      expect(csp).toContain("connect-src 'self' https://tiles.example.no;");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('answers any address inside the app with index.html (the app routes it)', async () => {
    for (const address of ['/admin/login', '/admin/m/4001/reports/abc?tab=history', '/admin/no/such/page']) {
      const res = await fetch(`${base}${address}`);
      expect(res.status, address).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      await expect(res.text()).resolves.toBe(INDEX);
    }
    const head = await fetch(`${base}/admin/m/4001/inbox`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('caches hashed assets for a year, and answers a missing one with 404 rather than HTML', async () => {
    const res = await fetch(`${base}/admin/assets/index-AbC123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    await expect(res.text()).resolves.toContain('console.log');

    const missing = await fetch(`${base}/admin/assets/index-Gone99.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('serves index.html itself by name without long caching', async () => {
    const res = await fetch(`${base}/admin/index.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('refuses other methods and paths that climb out of the build', async () => {
    expect((await fetch(`${base}/admin/m/4001/inbox`, { method: 'POST' })).status).toBe(404);
    const climb = await fetch(`${base}/admin/assets/%2e%2e/%2e%2e/package.json`);
    expect([403, 404]).toContain(climb.status);
    expect(await climb.text()).not.toContain('"name"');
  });
});

describe('the back office before it is built', () => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    ({ app, base } = await serve(path.join(tmpdir(), 'meldepunkt-admin-never-built')));
  });
  afterAll(() => app?.close());

  it('answers 503 saying how to build it, for pages and assets alike', async () => {
    for (const address of ['/admin', '/admin/', '/admin/m/4001/inbox', '/admin/assets/index-AbC123.js']) {
      const res = await fetch(`${base}${address}`);
      expect(res.status, address).toBe(503);
      expect(res.headers.get('cache-control')).toBe('no-store');
      await expect(res.text()).resolves.toBe(`${NOT_BUILT_MESSAGE}\n`);
    }
    expect(NOT_BUILT_MESSAGE).toBe('The back office has not been built: run npm run build:admin');
  });
});

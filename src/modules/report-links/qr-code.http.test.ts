import { eq } from 'drizzle-orm';
import { toString as renderQrCode } from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildReportLink } from './report-link-factory.ts';
import { reportLinks } from './schema.ts';

/** What the sticker must hold: rendered here independently of the code under test. */
function expectedSvg(url: string): Promise<string> {
  return renderQrCode(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

describe.each(databaseKinds())('the QR code of a sticker (/q/{code}.svg) on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  async function scanCountOf(code: string): Promise<number | undefined> {
    const [row] = await t.ctx.db.db
      .select({ count: reportLinks.scanCount })
      .from(reportLinks)
      .where(eq(reportLinks.code, code));
    return row?.count;
  }

  it('is an SVG holding the absolute address of the link, cacheable for a day', async () => {
    const res = await t.request('GET', '/q/pg-bh0417.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(res.text).toMatch(/^(<\?xml|<svg)/);
    expect(res.text).toContain('<path');
    expect(res.text).toBe(await expectedSvg('http://meld.test/q/pg-bh0417'));
  });

  it('does not count as a scan', async () => {
    const { code } = await buildReportLink(t.ctx.db.db);
    expect((await t.request('GET', `/q/${code}.svg`)).status).toBe(200);
    expect((await t.request('HEAD', `/q/${code}.svg`)).status).toBe(200);
    expect(await scanCountOf(code)).toBe(0);
  });

  it('is 404 for an unknown or switched-off link', async () => {
    const unknown = await t.request('GET', '/q/pg-finnesikke.svg');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('report_link_not_found');
    expect(unknown.body.error.message).toContain('Denne QR-koden er ikke i bruk lenger');

    const { code } = await buildReportLink(t.ctx.db.db, { active: false });
    expect((await t.request('GET', `/q/${code}.svg`)).status).toBe(404);
  });

  it('follows PUBLIC_URL: another address gives another code', async () => {
    const other = await startTestApp(kind, { publicUrl: 'https://meld.porsgrunn.kommune.no' });
    try {
      await buildPorsgrunn(other.ctx.db.db);
      const res = await other.request('GET', '/q/pg-bh0417.svg');
      expect(res.status).toBe(200);
      expect(res.text).toBe(await expectedSvg('https://meld.porsgrunn.kommune.no/q/pg-bh0417'));
      expect(res.text).not.toBe((await t.request('GET', '/q/pg-bh0417.svg')).text);
    } finally {
      await other.close();
    }
  });

  it('is described in the OpenAPI document with the redirect', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).body;
    expect(doc.tags).toContainEqual(expect.objectContaining({ name: 'report-links' }));
    expect(doc.paths['/q/{code}'].get.tags).toEqual(['report-links']);
    expect(doc.paths['/q/{code}'].get.responses).toHaveProperty('302');
    expect(doc.paths['/q/{code}.svg'].get.tags).toEqual(['report-links']);
    expect(doc.paths['/q/{code}.svg'].get.responses['200'].content).toHaveProperty('image/svg+xml');
  });
});

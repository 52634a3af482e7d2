import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildReportLink } from './report-link-factory.ts';
import { reportLinkScanDays, reportLinks } from './schema.ts';

describe.each(databaseKinds())('following a QR sticker (/q/{code}) on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  /** Without following the redirect: the test is about where it points. */
  function scan(code: string, init: RequestInit = {}) {
    return fetch(`${t.baseUrl}/q/${code}`, { redirect: 'manual', ...init });
  }

  async function scansOf(code: string) {
    const [row] = await t.ctx.db.db
      .select({ count: reportLinks.scanCount, at: reportLinks.lastScannedAt })
      .from(reportLinks)
      .where(eq(reportLinks.code, code));
    if (!row) throw new Error(`no link ${code}`);
    return row;
  }

  it("redirects to the municipality's report form with the link, counting each GET once", async () => {
    const { code } = await buildReportLink(t.ctx.db.db);
    expect(await scansOf(code)).toEqual({ count: 0, at: null });

    const first = await scan(code);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(`/porsgrunn/meld?link=${code}`);
    // A cached redirect would send the next scan past the counter.
    expect(first.headers.get('cache-control')).toBe('no-store');
    const afterFirst = await scansOf(code);
    expect(afterFirst.count).toBe(1);
    expect(afterFirst.at).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - (afterFirst.at?.getTime() ?? 0))).toBeLessThan(60_000);

    expect((await scan(code)).status).toBe(302);
    expect((await scansOf(code)).count).toBe(2);
  });

  it('leads the demo hydrant sticker to the Porsgrunn form', async () => {
    const before = (await scansOf('pg-bh0417')).count;
    const res = await scan('pg-bh0417');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/porsgrunn/meld?link=pg-bh0417');
    expect((await scansOf('pg-bh0417')).count).toBe(before + 1);
  });

  it('counts every one of 20 simultaneous scans', async () => {
    const { code } = await buildReportLink(t.ctx.db.db);
    const answers = await Promise.all(Array.from({ length: 20 }, () => scan(code)));
    expect(answers.map((res) => res.status)).toEqual(Array(20).fill(302));
    expect((await scansOf(code)).count).toBe(20);
  });

  it('answers HEAD with the same redirect without counting a scan', async () => {
    const { code } = await buildReportLink(t.ctx.db.db);
    const head = await scan(code, { method: 'HEAD' });
    expect(head.status).toBe(302);
    expect(head.headers.get('location')).toBe(`/porsgrunn/meld?link=${code}`);
    expect(await scansOf(code)).toEqual({ count: 0, at: null });

    expect((await scan(code)).status).toBe(302);
    expect((await scansOf(code)).count).toBe(1);
  });

  it('answers an unknown code with a 404 page (a phone follows the link), in Norwegian by default', async () => {
    const res = await t.request('GET', '/q/pg-finnesikke');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('Denne QR-koden er ikke i bruk lenger');
    expect(res.text).toContain('<html lang="nb">');
  });

  it("answers in the caller's language", async () => {
    const nn = await t.request('GET', '/q/pg-finnesikke', { headers: { 'accept-language': 'nn-NO' } });
    expect(nn.text).toContain('Denne QR-koden er ikkje i bruk lenger');
    const en = await t.request('GET', '/q/pg-finnesikke?lang=en');
    expect(en.text).toContain('This QR code is no longer in use');
  });

  it('answers a code no link could have (wrong characters, too short) with the same 404', async () => {
    for (const code of ['x', '%3Cscript%3E', 'a'.repeat(41)]) {
      const res = await t.request('GET', `/q/${code}`);
      expect(res.status, code).toBe(404);
      expect(res.text, code).toContain('Denne QR-koden er ikke i bruk lenger');
    }
  });

  it('answers a switched-off link kindly, offering the normal form, and does not count it', async () => {
    const { code } = await buildReportLink(t.ctx.db.db, { active: false });
    const res = await scan(code);
    expect(res.status).toBe(410);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('<h1>Klistremerket er ikke i bruk lenger</h1>');
    expect(page).toContain('Du kan fortsatt melde fra om problemet');
    expect(page).toContain('href="/porsgrunn/meld"');
    expect(page).not.toContain(`link=${code}`);
    expect((await scansOf(code)).count).toBe(0);
    const nn = await t.request('GET', `/q/${code}`, { headers: { 'accept-language': 'nn-NO' } });
    expect(nn.text).toContain('Klistremerket er ikkje i bruk lenger');
    expect(nn.text).toContain('<html lang="nn">');
    const en = await t.request('GET', `/q/${code}?lang=en`);
    expect(en.text).toContain('This sticker is no longer in use');
    expect(en.text).toContain('Report a problem');
  });

  it('counts scans per Oslo day beside the total, in one row per link and day', async () => {
    const { id, code } = await buildReportLink(t.ctx.db.db);
    await Promise.all(Array.from({ length: 5 }, () => scan(code)));
    await scan(code, { method: 'HEAD' });
    const days = await t.ctx.db.db.select().from(reportLinkScanDays).where(eq(reportLinkScanDays.linkId, id));
    const osloToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
    expect(days).toEqual([{ linkId: id, day: osloToday, scans: 5 }]);
    expect((await scansOf(code)).count).toBe(5);
  });

  it('answers a link of a deactivated municipality with 410, naming it', async () => {
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien', enabled: false });
    const { code } = await buildReportLink(t.ctx.db.db, { kommunenummer: '4003' });
    const res = await scan(code);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('Skien kommune tar ikke imot meldinger');
    expect((await scansOf(code)).count).toBe(0);
  });
});

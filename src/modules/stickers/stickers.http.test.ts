// Sticker sheets through the admin API, read back as a phone would: the PDF rendered by pdftoppm,
// every label's QR code decoded with jsQR and compared with the report link of its asset.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { buildAssets, seedAssetTypes } from '../../../test/support/sticker-assets.ts';
import { decodeStickerPdf, distinctPdfImages } from '../../../test/support/sticker-pdf.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { reportLinks } from '../report-links/schema.ts';
import { municipalities } from '../tenants/schema.ts';
import { STICKER_LAYOUTS } from './layouts.ts';

const BASE = '/api/v1/staff/m/4001/admin/stickers';

/** Points in Porsgrunn's centre, a few metres apart along a line going east. */
function pointsEast(n: number, startLon = 9.65) {
  return Array.from({ length: n }, (_, i) => ({ lat: 59.14, lon: startLon + i * 0.0005 }));
}

describe.each(databaseKinds())('QR sticker sheets on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  let skienAdmin: StaffClient;
  let hydrants: { id: string; externalId: string }[];
  let kummer: { id: string; externalId: string }[];
  let skienHydrants: { id: string }[];

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.ctx.db.db;
    await buildPorsgrunn(db);
    await buildMunicipality(db, { kommunenummer: '4003', name: 'Skien' });
    await seedAssetTypes(db, '4001');
    await seedAssetTypes(db, '4003');
    hydrants = await buildAssets(db, '4001', 'hydrant', pointsEast(26));
    kummer = await buildAssets(db, '4001', 'kum', pointsEast(6, 9.7));
    skienHydrants = await buildAssets(db, '4003', 'hydrant', [{ lat: 59.2096, lon: 9.6089 }]);
    admin = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4001', roles: ['admin'] }));
    skienAdmin = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4003', roles: ['admin'] }));
  }, 60_000);
  afterAll(() => t.close());

  async function print(client: StaffClient, body: unknown, path = BASE) {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { res, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
  }

  async function linkUrls(assetIds: string[]) {
    const rows = await t.ctx.db.db
      .select({ assetId: reportLinks.assetId, code: reportLinks.code })
      .from(reportLinks)
      .where(and(inArray(reportLinks.assetId, assetIds), eq(reportLinks.active, true)));
    return new Map(rows.map((r) => [r.assetId, `http://meld.test/q/${r.code}`]));
  }

  it('prints every hydrant on 3×8 sheets whose codes decode to each hydrant’s own link', async () => {
    const { res, bytes } = await print(admin, { type: 'hydrant', layout: '3x8' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="klistremerker-4001-hydrant-3x8.pdf"',
    );
    const { pages, decoded } = await decodeStickerPdf(bytes, STICKER_LAYOUTS['3x8'], hydrants.length);
    expect(pages).toBe(2);
    const urls = await linkUrls(hydrants.map((h) => h.id));
    expect(urls.size).toBe(hydrants.length);
    const sorted = [...hydrants].sort((a, b) => a.externalId.localeCompare(b.externalId));
    expect(decoded).toEqual(sorted.map((h) => urls.get(h.id)));
    // The 25th sticker would be on page 2 after the 24 of page 1: nothing more was printed.
    expect(new Set(decoded).size).toBe(hydrants.length);
  }, 60_000);

  it('keeps an asset’s link when printed again, and the link opens the form filled in for it', async () => {
    const before = await linkUrls(hydrants.map((h) => h.id));
    const { res } = await print(admin, { type: 'hydrant', layout: '2x5' });
    expect(res.status).toBe(200);
    expect(await linkUrls(hydrants.map((h) => h.id))).toEqual(before);
    const hydrant = hydrants[0];
    if (!hydrant) throw new Error('no hydrant');
    const url = new URL(before.get(hydrant.id) ?? '');
    const scan = await fetch(`${t.baseUrl}${url.pathname}`, { redirect: 'manual' });
    expect(scan.status).toBe(302);
    const form = await t.request('GET', scan.headers.get('location') ?? '');
    expect(form.status).toBe(200);
    expect(form.text).toContain(`Brannhydrant ${hydrant.externalId}`);
    const [link] = await t.ctx.db.db.select().from(reportLinks).where(eq(reportLinks.assetId, hydrant.id));
    expect(link).toMatchObject({
      assetRef: hydrant.externalId,
      lat: 59.14,
      suggestedCategories: ['vann-lekkasje'],
    });
  }, 60_000);

  it('prints the assets inside a polygon on 2×5 sheets', async () => {
    // The first three manholes lie between lon 9.7 and 9.701.
    const area = {
      type: 'Polygon',
      coordinates: [
        [
          [9.6995, 59.139],
          [9.7012, 59.139],
          [9.7012, 59.141],
          [9.6995, 59.141],
          [9.6995, 59.139],
        ],
      ],
    };
    const { res, bytes } = await print(admin, { area, layout: '2x5' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('klistremerker-4001-utvalg-2x5.pdf');
    const inside = kummer.slice(0, 3);
    const { pages, decoded } = await decodeStickerPdf(bytes, STICKER_LAYOUTS['2x5'], inside.length);
    expect(pages).toBe(1);
    const urls = await linkUrls(inside.map((k) => k.id));
    expect(decoded).toEqual(inside.map((k) => urls.get(k.id)));
    expect(res.headers.get('x-sticker-count')).toBe('3');
  }, 60_000);

  it('prints a bounding box combined with a type, and chosen assets', async () => {
    const box = await print(admin, {
      area: { bbox: [9.69, 59.13, 9.71, 59.15] },
      type: 'kum',
      layout: '3x8',
    });
    expect(box.res.headers.get('x-sticker-count')).toBe(String(kummer.length));
    const chosen = kummer.slice(4).map((k) => k.id);
    const picked = await print(admin, { assetIds: chosen, layout: '3x8' });
    const { decoded } = await decodeStickerPdf(picked.bytes, STICKER_LAYOUTS['3x8'], chosen.length);
    const urls = await linkUrls(chosen);
    expect(decoded).toEqual(chosen.map((id) => urls.get(id)));
  }, 60_000);

  it('refuses bad requests with a message', async () => {
    const layout = await print(admin, { type: 'hydrant', layout: '4x4' });
    expect(layout.res.status).toBe(400);
    expect(layout.json().error.message).toBeTruthy();
    const none = await print(admin, { layout: '3x8' });
    expect(none.res.status).toBe(400);
    expect(none.json().error.message).toBe('Velg anlegg, en type eller et område.');
    const type = await print(admin, { type: 'fontene', layout: '3x8' });
    expect(type.json().error.code).toBe('unknown_asset_type');
    const open = await print(admin, {
      layout: '3x8',
      area: {
        type: 'Polygon',
        coordinates: [
          [
            [9.6, 59.1],
            [9.7, 59.1],
            [9.7, 59.2],
            [9.6, 59.2],
          ],
        ],
      },
    });
    expect(open.res.status).toBe(400);
    expect(open.json().error.message).toContain('a ring must end where it starts');
    const box = await print(admin, { layout: '3x8', area: { bbox: [9.7, 59.1, 9.6, 59.2] } });
    expect(box.res.status).toBe(400);
    const empty = await print(admin, { layout: '3x8', type: 'pumpestasjon' });
    expect(empty.json().error.code).toBe('nothing_selected');
    await buildAssets(t.ctx.db.db, '4001', 'pumpestasjon', pointsEast(2001, 9.6));
    const many = await print(admin, { layout: '3x8', type: 'pumpestasjon' });
    expect(many.res.status).toBe(400);
    expect(many.json().error.code).toBe('too_many_stickers');
    expect(many.json().error.message).toContain('2001');
  }, 60_000);

  it('keeps each administrator to their own municipality', async () => {
    const other = await print(skienAdmin, { type: 'hydrant', layout: '3x8' });
    expect(other.res.status).toBe(403);
    const foreign = await print(admin, { assetIds: skienHydrants.map((h) => h.id), layout: '3x8' });
    expect(foreign.res.status).toBe(400);
    expect(foreign.json().error.code).toBe('unknown_assets');
    expect((await linkUrls(skienHydrants.map((h) => h.id))).size).toBe(0);
    const caseWorker = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['saksbehandler'] }),
    );
    expect((await print(caseWorker, { type: 'hydrant', layout: '3x8' })).res.status).toBe(403);
  }, 60_000);

  it('puts the municipality’s logo on every sticker, embedded once, and prints without it when it cannot be had', async () => {
    const db = t.ctx.db.db;
    const setLogo = (logoUrl: string | null) =>
      db.update(municipalities).set({ logoUrl }).where(eq(municipalities.kommunenummer, '4001'));
    try {
      // A path on this server (the settings form allows those and https addresses).
      await setLogo('/assets/favicon.svg');
      const withLogo = await print(admin, { type: 'kum', layout: '2x5' });
      expect(withLogo.res.status).toBe(200);
      expect(withLogo.res.headers.get('x-sticker-logo')).toBe('included');
      expect(await distinctPdfImages(withLogo.bytes)).toEqual({ placements: kummer.length, objects: 1 });
      const { decoded } = await decodeStickerPdf(withLogo.bytes, STICKER_LAYOUTS['2x5'], kummer.length);
      expect(decoded.every((url) => url?.startsWith('http://meld.test/q/'))).toBe(true);

      // An https address that is not public is never fetched (SSRF); the stickers still print.
      await setLogo('https://127.0.0.1/logo.png');
      const refused = await print(admin, { type: 'kum', layout: '2x5' });
      expect(refused.res.status).toBe(200);
      expect(refused.res.headers.get('x-sticker-logo')).toBe('missing');
      expect(await distinctPdfImages(refused.bytes)).toEqual({ placements: 0, objects: 0 });

      // A path that is not an image.
      await setLogo('/assets/site.css');
      const notImage = await print(admin, { type: 'kum', layout: '2x5' });
      expect(notImage.res.status).toBe(200);
      expect(notImage.res.headers.get('x-sticker-logo')).toBe('missing');
    } finally {
      await setLogo(null);
    }
  }, 60_000);
});

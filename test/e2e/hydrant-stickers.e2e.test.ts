// Issue 13's "done when", the administrator's half, over real HTTP on both databases: an admin
// uploads the utility's hydrants as a GeoJSON file in EUREF89 UTM 32 (with its crs member), waits
// for the import, prints the hydrants' stickers as a PDF, and every printed code, read back from
// the rendered PDF as a phone would (pdftoppm + jsQR), opens the report form filled in for its
// own hydrant.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assets } from '../../src/modules/assets/schema.ts';
import { reportLinks } from '../../src/modules/report-links/schema.ts';
import { STICKER_LAYOUTS } from '../../src/modules/stickers/layouts.ts';
import { geoJsonText, PORSGRUNN_UTM32 } from '../support/asset-files.ts';
import { databaseKinds } from '../support/databases.ts';
import { buildPorsgrunn } from '../support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../support/staff.ts';
import { decodeStickerPdf } from '../support/sticker-pdf.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const ADMIN = '/api/v1/staff/m/4001/admin';
const HYDRANTS = ['BH-7001', 'BH-7002', 'BH-7003'];

describe.each(databaseKinds())('hydrants from a UTM file to stickers that open their form, on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
  }, 60_000);
  afterAll(() => t?.close());

  it('imports the hydrants, prints their stickers, and each code opens the form for its hydrant', async () => {
    // 1. The upload, as the back office's import page sends it.
    const file = geoJsonText(
      HYDRANTS.map((id, i) => ({
        id,
        type: 'hydrant',
        name: `Hydrant ${id}`,
        at: PORSGRUNN_UTM32[i] ?? [0, 0],
      })),
    );
    const form = new FormData();
    form.append('file', new Blob([file]), 'hydranter-utm32.geojson');
    const uploaded = await fetch(`${t.baseUrl}${ADMIN}/assets/imports`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body: form,
    });
    expect(uploaded.status).toBe(202);
    const { id } = (await uploaded.json()) as { id: string };
    let run: { state: string; created: number; rejected: number };
    for (;;) {
      const status = await admin.request('GET', `${ADMIN}/assets/imports/${id}`);
      expect(status.status).toBe(200);
      run = status.body;
      if (run.state !== 'running') break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(run).toMatchObject({ state: 'done', created: HYDRANTS.length, rejected: 0 });

    // 2. The sticker sheet for the type.
    const printed = await fetch(`${t.baseUrl}${ADMIN}/stickers`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'hydrant', layout: '3x8' }),
    });
    expect(printed.status).toBe(200);
    const pdf = Buffer.from(await printed.arrayBuffer());
    const { decoded } = await decodeStickerPdf(pdf, STICKER_LAYOUTS['3x8'], HYDRANTS.length);
    expect(decoded.every((url) => url?.startsWith('http://meld.test/q/'))).toBe(true);

    // 3. Each code, scanned: the redirect to the form, and the form names its own hydrant.
    const named: string[] = [];
    for (const url of decoded) {
      const code = (url ?? '').slice('http://meld.test/q/'.length);
      const [link] = await t.ctx.db.db
        .select({ externalId: assets.externalId, lat: assets.lat })
        .from(reportLinks)
        .innerJoin(assets, eq(assets.id, reportLinks.assetId))
        .where(eq(reportLinks.code, code));
      if (!link) throw new Error(`the code ${code} is not an asset's report link`);
      const scanned = await fetch(`${t.baseUrl}/q/${code}`, { redirect: 'manual' });
      expect(scanned.status).toBe(302);
      const formPage = await fetch(`${t.baseUrl}${scanned.headers.get('location') ?? ''}`);
      expect(formPage.status).toBe(200);
      const html = await formPage.text();
      expect(html).toContain(`Gjelder anlegg: <strong>Brannhydrant ${link.externalId}</strong>`);
      // The hydrant's place is filled in (the form's hidden point).
      expect(html).toContain(`value="${link.lat.toFixed(6).replace(/0+$/, '')}`);
      named.push(link.externalId);
    }
    expect(named.sort()).toEqual(HYDRANTS);
  }, 120_000);
});

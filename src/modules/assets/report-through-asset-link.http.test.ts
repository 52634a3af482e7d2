// A report that arrives through an asset's QR sticker: the form names the asset ("Brannhydrant
// BH-…", the type in the page's language), and the stored report carries the asset's id, taken
// from the link on the server; a sticker without an asset gives a report without one, even when
// the form posts a registered asset's id as its free-text asset.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs } from '../../../test/support/staff.ts';
import { buildAssets } from '../../../test/support/sticker-assets.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildReportLink } from '../report-links/report-link-factory.ts';
import { reports } from '../reports/schema.ts';

function formToken(html: string): string {
  const match = /name="_token" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no form token on the page');
  return match[1];
}

const LINK_ID = /name="reportLinkId" value="([^"]+)"/;

describe.each(databaseKinds())('a report through an asset’s sticker on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { mapTileUrl: '' });
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  /** Opens the form from the sticker, fills it in and sends it; returns the form page and the report. */
  async function reportThrough(code: string, extra: Record<string, string> = {}, language = '') {
    const scan = await fetch(`${t.baseUrl}/q/${code}`, { redirect: 'manual' });
    expect(scan.status).toBe(302);
    const formUrl = `${scan.headers.get('location')}${language}`;
    const page = await (await fetch(`${t.baseUrl}${formUrl}`)).text();
    const form = new FormData();
    const fields: Record<string, string> = {
      _token: formToken(page),
      reportLinkId: LINK_ID.exec(page)?.[1] ?? '',
      category: 'vann-lekkasje',
      'answers.mengde': 'renner',
      lat: '59.14',
      lon: '9.65',
      description: 'Det lekker fra hydranten.',
      ...extra,
    };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const answer = await fetch(`${t.baseUrl}/porsgrunn/meld`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    const review = answer.headers.get('location') ?? '';
    const reviewPage = await (await fetch(`${t.baseUrl}${review}`)).text();
    const sent = await fetch(`${t.baseUrl}${review}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      // The review page may also offer to follow a similar report nearby: the send form's token.
      body: new URLSearchParams({ _token: formToken(reviewPage.slice(reviewPage.indexOf('/send'))) }),
      redirect: 'manual',
    });
    expect(sent.status).toBe(303);
    const ref = (sent.headers.get('location') ?? '').split('/')[3] ?? '';
    const [report] = await t.ctx.db.db.select().from(reports).where(eq(reports.ref, ref));
    if (!report) throw new Error(`no report ${ref}`);
    return { page, report };
  }

  it('names the asset on the form and stores its id with the report', async () => {
    const db = t.ctx.db.db;
    const [hydrant] = await buildAssets(db, '4001', 'hydrant', [{ lat: 59.14, lon: 9.65 }]);
    if (!hydrant) throw new Error('no hydrant');
    const link = await buildReportLink(db, { assetId: hydrant.id, assetRef: hydrant.externalId });
    const { page, report } = await reportThrough(link.code);
    expect(page).toContain(`Gjelder anlegg: <strong>Brannhydrant ${hydrant.externalId}</strong>`);
    expect(report).toMatchObject({ assetId: hydrant.id, reportLinkId: link.id, channel: 'qr' });

    // In English the type is named in English.
    const english = await (await fetch(`${t.baseUrl}/porsgrunn/meld?link=${link.code}&lang=en`)).text();
    expect(english).toContain(`Fire hydrant ${hydrant.externalId}`);

    // Staff see the asset on the case, with its id for the link to its page.
    const staff = await logInAs(
      t,
      await buildStaffUser(db, { kommunenummer: '4001', roles: ['saksbehandler'] }),
    );
    const shown = await staff.request('GET', `/api/v1/staff/m/4001/reports/${report.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.asset).toEqual({
      id: hydrant.id,
      externalId: hydrant.externalId,
      name: expect.any(String),
      typeName: 'Brannhydrant',
    });
  });

  it('stores no asset for a sticker without one, even when the form names a registered asset', async () => {
    const db = t.ctx.db.db;
    const [other] = await buildAssets(db, '4001', 'hydrant', [{ lat: 59.141, lon: 9.651 }]);
    if (!other) throw new Error('no hydrant');
    const link = await buildReportLink(db, { assetRef: 'KUM-77' });
    const { page, report } = await reportThrough(link.code, { assetRef: other.externalId });
    expect(page).not.toContain('Brannhydrant');
    // The free-text asset the form posts is the resident's word; the register id is never read from it.
    expect(report).toMatchObject({ assetId: null, reportLinkId: link.id, assetRef: other.externalId });
  });
});

// A municipality the platform operator deactivated: residents are told, naming it, that it is not
// available (its pages, category tree and QR stickers answer 410; a new report 422 next to the
// place), no channel takes a new report, and its staff still log in and read. Activated again,
// everything works as before.

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody, PLACES } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { setMunicipalityEnabled } from './set-municipality-enabled.ts';

describe.each(databaseKinds())('a deactivated municipality on %s', (kind) => {
  let t: TestApp;
  let reportId: string;
  let reportRef: string;
  let leakId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    const created = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    expect(created.status).toBe(201);
    reportId = created.body.id;
    reportRef = created.body.ref;
    const [leak] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from categories where kommunenummer = '4001' and code = 'vann-lekkasje'`,
    );
    leakId = leak?.id ?? '';
    await setMunicipalityEnabled(t.ctx.db.db, '4001', false);
  });
  afterAll(() => t.close());

  it('answers its pages with 410 naming it, in the resident’s language, with a way to the front page', async () => {
    for (const path of ['/porsgrunn', '/porsgrunn/meld', '/4001/kart']) {
      const page = await t.request('GET', path, { headers: { 'accept-language': 'nn' } });
      expect(page.status, path).toBe(410);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain('Ikkje tilgjengeleg');
      expect(page.text).toContain('Porsgrunn kommune tek ikkje imot meldingar');
      expect(page.text).toContain('href="/"');
    }
    const sticker = await t.request('GET', '/q/pg-bh0417');
    expect(sticker.status).toBe(410);
    expect(sticker.text).toContain('Porsgrunn kommune tar ikke imot meldinger');
    // An address no municipality has is still simply not found.
    expect((await t.request('GET', '/skien')).status).toBe(404);
  });

  it('answers the API with municipality_unavailable naming it, and takes no report by any channel', async () => {
    const tree = await t.request('GET', '/api/v1/municipalities/4001/categories', {
      headers: { 'accept-language': 'en' },
    });
    expect(tree.status).toBe(410);
    expect(tree.body.error).toMatchObject({
      code: 'municipality_unavailable',
      message:
        'Porsgrunn municipality is not taking reports through this service at the moment. Please contact Porsgrunn municipality directly.',
    });
    const report = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    expect(report.status).toBe(422);
    expect(report.body.error.code).toBe('municipality_unavailable');
    expect(report.body.error.details).toEqual([
      { field: 'location', code: 'unavailable', message: expect.stringContaining('Porsgrunn kommune') },
    ]);

    const deskUser = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['servicekontor'] });
    const desk = await logInAs(t, deskUser);
    const phoned = await desk.request('POST', '/api/v1/staff/m/4001/front-desk/reports', {
      channel: 'telefon',
      categoryId: leakId,
      description: 'Innringer melder om vann som renner over veien.',
      lat: PLACES.porsgrunn.lat,
      lon: PLACES.porsgrunn.lon,
      answers: { mengde: 'renner' },
      contact: { name: 'Ola Innringer', phone: '+47 412 34 567', notify: 'sms' },
      language: 'nb',
    });
    expect(phoned.status).toBe(422);
    expect(phoned.body.error.code).toBe('municipality_unavailable');
  });

  it('lets its staff log in and read', async () => {
    const reader = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] }),
    );
    const inbox = await reader.request('GET', '/api/v1/staff/m/4001/reports');
    expect(inbox.status).toBe(200);
    expect(JSON.stringify(inbox.body)).toContain(reportRef);
    expect((await reader.request('GET', `/api/v1/staff/m/4001/reports/${reportId}`)).status).toBe(200);
  });

  it('takes reports again once activated', async () => {
    await setMunicipalityEnabled(t.ctx.db.db, '4001', true);
    expect((await t.request('GET', '/api/v1/municipalities/4001/categories')).status).toBe(200);
    expect((await t.request('GET', '/porsgrunn')).status).toBe(200);
    expect((await t.request('POST', '/api/v1/reports', { body: buildReportBody() })).status).toBe(201);
  });
});

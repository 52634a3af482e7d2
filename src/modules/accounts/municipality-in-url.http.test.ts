// A staff member's rights are checked for the municipality in the URL; nothing else in a request
// may name another one. Found in review: the field report and the three front-desk routes spread
// the body (or query) over `{ kommunenummer: <URL's>, … }`, so a `kommunenummer` in it replaced
// the URL's: a field worker of Porsgrunn could file a report in Skien, and a front-desk worker
// could look up Skien's callers and their addresses. Every staff route with :kommunenummer now
// refuses a body or query naming another municipality (staff-auth.ts), and those handlers put the
// URL's last, which also covers the multipart field report whose JSON the guard cannot see.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody, PLACES } from '../../../test/support/factories.ts';
import { jpeg, reportForm } from '../../../test/support/images.ts';
import { buildSecondMunicipality, SKIEN } from '../../../test/support/second-municipality.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';

const PORSGRUNN = '/api/v1/staff/m/4001';

describe.each(databaseKinds())('the municipality is the URL’s on %s', (kind) => {
  let t: TestApp;
  let crew: StaffClient;
  let desk: StaffClient;
  let leakCategoryId: string;

  async function reportsIn(kommunenummer: string, description: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from reports where kommunenummer = ${kommunenummer} and description = ${description}`,
    );
    return row?.n ?? -1;
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildSecondMunicipality(t.ctx.db.db);
    crew = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['feltarbeider'] }),
    );
    desk = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['servicekontor'] }),
    );
    const [leak] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from categories where kommunenummer = '4001' and code = 'vann-lekkasje'`,
    );
    if (!leak) throw new Error('no category');
    leakCategoryId = leak.id;
    // A report in Skien from a resident who also called Porsgrunn's front desk.
    const skien = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({
        location: { ...PLACES.skien },
        contact: { name: 'Kari i Skien', phone: '+47 912 34 567', notify: 'sms' },
      }),
    });
    expect(skien.status).toBe(201);
  });
  afterAll(() => t.close());

  const fieldReport = (description: string, overrides: Record<string, unknown> = {}) => ({
    category: 'vann-lekkasje',
    description,
    lat: PLACES.porsgrunn.lat,
    lon: PLACES.porsgrunn.lon,
    answers: { mengde: 'renner' },
    ...overrides,
  });

  it('refuses a field report whose body names another municipality, and files nothing there', async () => {
    const description = 'Lekkasje, men i feil kommune?';
    for (const location of [PLACES.porsgrunn, PLACES.skien]) {
      const res = await crew.request(
        'POST',
        `${PORSGRUNN}/field/reports`,
        fieldReport(description, { kommunenummer: SKIEN.kommunenummer, ...location }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('municipality_mismatch');
    }
    expect(await reportsIn(SKIEN.kommunenummer, description)).toBe(0);
    // The same municipality as the URL's is no trouble.
    const same = await crew.request(
      'POST',
      `${PORSGRUNN}/field/reports`,
      fieldReport(description, { kommunenummer: '4001' }),
    );
    expect(same.status).toBe(201);
    expect(await reportsIn('4001', description)).toBe(1);
  });

  it('files a multipart field report in the URL’s municipality whatever its JSON says', async () => {
    const description = 'Lekkasje meldt med skjema.';
    const res = await t.requestForm(
      'POST',
      `${PORSGRUNN}/field/reports`,
      reportForm(fieldReport(description, { kommunenummer: SKIEN.kommunenummer }), [await jpeg(64, 48)]),
      { cookie: crew.cookie, 'x-csrf-token': crew.csrfToken },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await reportsIn(SKIEN.kommunenummer, description)).toBe(0);
    expect(await reportsIn('4001', description)).toBe(1);
  });

  it("never lets the front desk look up, list or register in another municipality's name", async () => {
    const lookup = await desk.request('POST', `${PORSGRUNN}/front-desk/caller`, {
      phone: '91234567',
      kommunenummer: SKIEN.kommunenummer,
    });
    expect(lookup.status).toBe(400);
    expect(lookup.body.error.code).toBe('municipality_mismatch');
    expect(JSON.stringify(lookup.body)).not.toContain('Kari');
    // Without it, the lookup is Porsgrunn's: the Skien caller is not found.
    const own = await desk.request('POST', `${PORSGRUNN}/front-desk/caller`, { phone: '91234567' });
    expect(own.status).toBe(200);
    expect(own.body.reports).toEqual([]);

    const nearby = await desk.request(
      'GET',
      `${PORSGRUNN}/front-desk/nearby?lat=${PLACES.skien.lat}&lon=${PLACES.skien.lon}&categoryId=${leakCategoryId}&kommunenummer=${SKIEN.kommunenummer}`,
    );
    expect(nearby.status).toBe(400);
    expect(nearby.body.error.code).toBe('municipality_mismatch');

    const description = 'Innringer melder lekkasje.';
    const registered = await desk.request('POST', `${PORSGRUNN}/front-desk/reports`, {
      kommunenummer: SKIEN.kommunenummer,
      channel: 'telefon',
      categoryId: leakCategoryId,
      description,
      lat: PLACES.porsgrunn.lat,
      lon: PLACES.porsgrunn.lon,
      answers: { mengde: 'renner' },
      contact: { name: 'Ola Innringer', phone: '+47 412 34 567', notify: 'sms' },
      language: 'nb',
    });
    expect(registered.status).toBe(400);
    expect(registered.body.error.code).toBe('municipality_mismatch');
    expect(await reportsIn(SKIEN.kommunenummer, description)).toBe(0);
  });
});

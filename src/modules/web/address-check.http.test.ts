// "Does this affect my address?" on the notice list through the real app on both databases: an
// address inside an active notice's area gets that notice (and not one elsewhere, an ended one
// or a draft); one outside gets none; an unknown address is told so; an over-long or control-
// character address is refused with 400 in the page's language; the address is never logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { redactUrl } from '../../http/logging.ts';
import { importAddresses } from '../geo/import-addresses.ts';
import { PORSGRUNN_SAMPLE_FILE, searchLocalAddresses } from '../geo/local-addresses.ts';

const base = '/api/v1/staff/m/4001/notices';
const list = '/porsgrunn/driftsmeldinger';

describe.each(databaseKinds())('the address check on the notice list on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  const ids = { inside: '', elsewhere: '', ended: '', donut: '' };
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await importAddresses(t.ctx.db.db, PORSGRUNN_SAMPLE_FILE);
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
    const [home] = await searchLocalAddresses(t.ctx.db.db, '4001', 'Storgata 12', 1);
    if (!home) throw new Error('the sample addresses have no Storgata 12');
    const notice = async (
      type: string,
      title: string,
      center: { lat: number; lon: number },
      area?: unknown,
    ) => {
      const res = await admin.request('POST', base, {
        type,
        title: { nb: title },
        body: { nb: 'Tekst.' },
        area: area ?? { type: 'Circle', center, radiusMetres: 150 },
        startsAt: '2026-01-05T07:00:00.000Z',
        expectedEndAt: '2099-12-31T11:00:00.000Z',
      });
      const id = res.body.id as string;
      await admin.request('POST', `${base}/${id}/publish`);
      return id;
    };
    ids.inside = await notice('flushing', 'Spyling rundt Storgata', { lat: home.lat, lon: home.lon });
    // About 2 km north: its bounding box and area miss Storgata 12.
    ids.elsewhere = await notice('planned_shutoff', 'Vannstans langt unna', {
      lat: home.lat + 0.018,
      lon: home.lon,
    });
    ids.ended = await notice('roadworks', 'Graving ferdig', { lat: home.lat, lon: home.lon });
    await admin.request('POST', `${base}/${ids.ended}/end`, {});
    // A ring around Storgata 12 (about 330 m out, a hole of about 110 m north–south) with the
    // address in its hole, Kirkegata 1 (425 m north) outside: the bounding box holds the address,
    // the area does not, so only the exact test leaves it out.
    const square = (d: number, clockwise: boolean) => {
      const r = (v: number) => Math.round(v * 1e6) / 1e6;
      const corners = [
        [r(home.lon - d), r(home.lat - d)],
        [r(home.lon + d), r(home.lat - d)],
        [r(home.lon + d), r(home.lat + d)],
        [r(home.lon - d), r(home.lat + d)],
      ];
      const ring = clockwise ? corners.reverse() : corners;
      return [...ring, ring[0]];
    };
    ids.donut = await notice('flushing', 'Spyling rundt, ikke i, sentrum', home, {
      type: 'Polygon',
      coordinates: [square(0.003, false), square(0.001, true)],
    });
    expect(ids.donut).toMatch(/^[0-9a-f-]{36}$/);
  });
  afterAll(() => t?.close());

  /** Posts the address check as the form does (never in the URL). */
  const check = (lang: string, adresse: string) =>
    t.request('POST', `${list}?lang=${lang}`, {
      body: new URLSearchParams({ adresse }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  const answerOf = (page: string) => {
    const start = page.indexOf('id="address-answer"');
    expect(start, 'the page answers').toBeGreaterThan(-1);
    return page.slice(start, page.indexOf('<h2', start));
  };

  it('offers the form without an answer when nothing is asked', async () => {
    const page = (await t.request('GET', `${list}?lang=nb`)).text;
    expect(page).toContain('Gjelder det min adresse?');
    expect(page).toContain('name="adresse"');
    expect(page).toContain('method="post"');
    expect(page).not.toContain('id="address-answer"');
  });

  it('names the active notice whose area holds the address, and no other', async () => {
    const res = await check('nb', 'storgata 12');
    expect(res.status).toBe(200);
    const answer = answerOf(res.text);
    expect(answer).toContain('Disse driftsmeldingene gjelder Storgata 12, 3915 PORSGRUNN');
    expect(answer).toContain(`href="/porsgrunn/driftsmeldinger/${ids.inside}"`);
    expect(answer).not.toContain(ids.elsewhere);
    expect(answer).not.toContain(ids.ended);
    expect(answer).not.toContain(ids.donut);
    // The page with someone's address on it is kept by no cache.
    expect(res.headers.get('cache-control')).toContain('no-store');
    const en = answerOf((await check('en', 'Storgata 12')).text);
    expect(en).toContain('These notices affect Storgata 12');
  });

  it('says so when no notice affects the address', async () => {
    // Kirkegata 1 lies about 425 m north of Storgata 12: outside both 150 m areas.
    const res = await check('nn', 'Kirkegata 1');
    expect(res.status).toBe(200);
    const answer = answerOf(res.text);
    expect(answer).not.toContain(ids.inside);
    expect(answer).toContain(
      'Ingen pågåande eller komande driftsmeldingar gjeld Kirkegata 1, 3916 PORSGRUNN.',
    );
  });

  it('tells a resident when the address is not found', async () => {
    const res = await check('nb', 'Finnesikkeveien <b>9</b>');
    expect(res.status).toBe(200);
    const answer = answerOf(res.text);
    expect(answer).toContain('Fant ingen adresse som begynner med «Finnesikkeveien &lt;b>9&lt;/b>»');
  });

  it('refuses an over-long or control-character address with 400 in the page language', async () => {
    const long = await check('nn', 'a'.repeat(101));
    expect(long.status).toBe(400);
    expect(answerOf(long.text)).toContain('Adressa kan ha høgst 100 teikn.');
    const control = await check('en', 'Storgata\u000012');
    // Refused with 400 in the page's language, whether the app's input guard or the form's field
    // table catches it first.
    expect(control.status).toBe(400);
    expect(control.headers.get('content-type')).toContain('text/html');
    expect(control.text).toContain('lang="en"');
    expect(answerOf(control.text)).toContain('The address contains characters that cannot be used.');
  });

  it('never takes the address from the URL', async () => {
    const res = await t.request('GET', `${list}?lang=nb&adresse=${encodeURIComponent('storgata 12')}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('id="address-answer"');
  });

  it('keeps the address out of the request log', () => {
    expect(redactUrl(`${list}?lang=nb&adresse=Storgata+12`)).toBe(`${list}?lang=nb&adresse=REDACTED`);
  });
});

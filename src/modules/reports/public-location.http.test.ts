// Reports about someone's home (categories with public_location coarse or hidden) never show the
// address or the true point to the public: not in the report's API or page, the list, the map's
// data, a bounding-box search, the "already reported?" suggestions, nor a follower's email. The
// reporter, with the tracking token, still sees everything.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  addEvent,
  follow,
  type NotificationTestApp,
  postReport,
  startNotificationApp,
  waitUntil,
} from '../../../test/support/notifications.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { metersBetween } from './find-nearby-reports.ts';

// The grid, stated again from its definition (public-location.ts): rows 500 m tall, each row's
// cells 500 m wide at the row's edge nearest the pole.
const ROW = 500 / 111_320;
function cellAround(lat: number, lon: number) {
  const row = Math.floor(lat / ROW);
  const poleward = Math.max(Math.abs(row * ROW), Math.abs((row + 1) * ROW));
  const width = 500 / (111_320 * Math.cos((poleward * Math.PI) / 180));
  const col = Math.floor(lon / width);
  return { south: row * ROW, north: (row + 1) * ROW, west: col * width, east: (col + 1) * width };
}

const CELL = cellAround(59.1405, 9.6605);
/** The true place of the private reports: near a corner of its cell, far from the cell's middle. */
const TRUE = { lat: CELL.south + 0.00003, lon: CELL.west + 0.00005 };
/** Another home in the same cell. */
const NEIGHBOUR = { lat: CELL.north - 0.00003, lon: CELL.east - 0.00005 };
const MIDDLE = { lat: (CELL.south + CELL.north) / 2, lon: (CELL.west + CELL.east) / 2 };
const ADDRESS = 'Bakkegata 7, kjelleren';

/** Every {lat, lon} anywhere in a JSON value. */
function positionsIn(value: unknown): { lat: number; lon: number }[] {
  if (Array.isArray(value)) return value.flatMap(positionsIn);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own =
    typeof record.lat === 'number' && typeof record.lon === 'number'
      ? [{ lat: record.lat, lon: record.lon }]
      : [];
  return [...own, ...Object.values(record).flatMap(positionsIn)];
}

/** The text carries no address and no position within 250 m of the true place. */
function expectNoTruePlace(text: string, positions: { lat: number; lon: number }[]): void {
  expect(text).not.toContain('Bakkegata');
  expect(text).not.toContain(TRUE.lat.toFixed(5));
  expect(text).not.toContain(TRUE.lon.toFixed(5));
  for (const p of positions) expect(metersBetween(p, TRUE)).toBeGreaterThan(250);
}

function formToken(html: string): string {
  const match = /name="_token" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no form token on the page');
  return match[1];
}

describe.each(databaseKinds())('private places on %s', (kind) => {
  let t: NotificationTestApp;
  let smtp: TestSmtpServer;
  let coarse: { id: string; ref: string; trackingToken: string };
  let neighbour: { id: string; ref: string; trackingToken: string };
  let hidden: { id: string; ref: string; trackingToken: string };
  let exact: { id: string; ref: string; trackingToken: string };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startNotificationApp(kind, { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' });
    const contact = { name: 'Kari', email: 'kari@example.no', notify: 'email' };
    // The taste of the water (coarse in the demo) and a flooded basement (hidden in the demo).
    coarse = await postReport(t, {
      category: 'vann-lukt-smak',
      answers: {},
      location: TRUE,
      address: ADDRESS,
      contact,
    });
    neighbour = await postReport(t, {
      category: 'vann-lukt-smak',
      answers: {},
      location: NEIGHBOUR,
      contact,
    });
    hidden = await postReport(t, {
      category: 'avlop-tilbakeslag',
      answers: { 'kloakk-i-kjeller': true },
      location: TRUE,
      address: ADDRESS,
      contact,
    });
    exact = await postReport(t, { location: TRUE, address: 'Storgata 1' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('shows only the middle of the grid cell, the same for every home in it, and no address', async () => {
    const res = await t.request('GET', `/api/v1/reports/${coarse.ref}`);
    expect(res.status).toBe(200);
    expect(res.body.address).toBeNull();
    expect(res.body.location.approximate).toBe(true);
    expect(metersBetween(res.body.location, MIDDLE)).toBeLessThan(0.01);
    expectNoTruePlace(res.text, positionsIn(res.body));
    // Asking again, or about the neighbour, tells nothing more: the same point every time.
    const again = await t.request('GET', `/api/v1/reports/${coarse.ref}`);
    expect(again.body.location).toEqual(res.body.location);
    const next = await t.request('GET', `/api/v1/reports/${neighbour.ref}`);
    expect(next.body.location).toEqual(res.body.location);

    const none = await t.request('GET', `/api/v1/reports/${hidden.ref}`);
    expect(none.body).toMatchObject({ location: null, address: null });
    expect(none.text).not.toContain('Bakkegata');

    // Categories that show the place still show it exactly.
    const open = await t.request('GET', `/api/v1/reports/${exact.ref}`);
    expect(open.body).toMatchObject({ address: 'Storgata 1', location: { ...TRUE, approximate: false } });
  });

  it('keeps the list and the map data to the public place, and no bounding box finds the true one', async () => {
    const list = await t.request('GET', '/api/v1/reports?municipality=4001&limit=500');
    expect(list.status).toBe(200);
    const mine = (list.body.reports as { ref: string }[]).filter((r) =>
      [coarse.ref, neighbour.ref, hidden.ref].includes(r.ref),
    );
    expect(mine).toHaveLength(3);
    expectNoTruePlace(JSON.stringify(mine), positionsIn(mine));
    expect(mine.find((r) => r.ref === hidden.ref)).toMatchObject({ location: null, address: null });

    // The page the map draws from, and the list on it.
    const page = await t.request('GET', '/porsgrunn/kart?status=all');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('Bakkegata');
    // The map draws the list's items at the places they carry (reports-map.js reads them).
    const items = [...page.text.matchAll(/<li([^>]*)>\s*<a href="[^"]*\/meldinger\/([^"?]+)/g)].map((m) => ({
      ref: m[2] ?? '',
      lat: Number(/data-lat="([^"]+)"/.exec(m[1] ?? '')?.[1] ?? Number.NaN),
      lon: Number(/data-lon="([^"]+)"/.exec(m[1] ?? '')?.[1] ?? Number.NaN),
      approximate: (m[1] ?? '').includes('data-approximate="1"'),
    }));
    const drawnCoarse = items.find((i) => i.ref === coarse.ref);
    expect(drawnCoarse).toMatchObject({ approximate: true });
    expect(Number.isFinite(drawnCoarse?.lat)).toBe(true);
    // The hidden place is in the list, but not on the map.
    expect(items.find((i) => i.ref === hidden.ref)).toMatchObject({ lat: Number.NaN, lon: Number.NaN });
    const drawn = items.filter((i) => Number.isFinite(i.lat) && [coarse.ref, hidden.ref].includes(i.ref));
    expectNoTruePlace(page.text, positionsIn(drawn));

    // A box of 20 × 20 m around the true place finds the exact report only.
    const d = 0.0001;
    const tiny = `${TRUE.lon - d},${TRUE.lat - d},${TRUE.lon + d},${TRUE.lat + d}`;
    const probe = await t.request('GET', `/api/v1/reports?bbox=${tiny}&limit=500`);
    expect(probe.status).toBe(200);
    expect((probe.body.reports as { ref: string }[]).map((r) => r.ref)).toEqual([exact.ref]);
    // A box around the cell's middle finds the coarse ones where they are shown; never the hidden.
    const shown = `${MIDDLE.lon - d},${MIDDLE.lat - d},${MIDDLE.lon + d},${MIDDLE.lat + d}`;
    const found = await t.request('GET', `/api/v1/reports?bbox=${shown}&limit=500`);
    expect((found.body.reports as { ref: string }[]).map((r) => r.ref).sort()).toEqual(
      [coarse.ref, neighbour.ref].sort(),
    );
    const everywhere = await t.request('GET', '/api/v1/reports?bbox=4,57,32,72&limit=500');
    expect((everywhere.body.reports as { ref: string }[]).map((r) => r.ref)).not.toContain(hidden.ref);
  });

  it('suggests nearby reports by their public place only, without addresses', async () => {
    async function reviewAt(category: string, at: { lat: number; lon: number }, answers = {}) {
      const form = await t.request('GET', '/porsgrunn/meld');
      const body = new FormData();
      const fields: Record<string, string> = {
        _token: formToken(form.text),
        category,
        lat: String(at.lat),
        lon: String(at.lon),
        description: 'Det samme hos meg',
        'contact.email': 'nabo@example.no',
        'contact.notify': 'email',
        ...answers,
      };
      for (const [name, value] of Object.entries(fields)) body.append(name, value);
      const posted = await fetch(`${t.baseUrl}/porsgrunn/meld`, { method: 'POST', body, redirect: 'manual' });
      const review = posted.headers.get('location') ?? '';
      expect(review).toMatch(/^\/porsgrunn\/meld\/[0-9a-f-]{36}$/);
      return (await t.request('GET', review)).text;
    }
    const distanceTo = (page: string, ref: string) => {
      const item = page.split('<li>').find((li) => li.includes(`>${ref}</a>`));
      return item === undefined ? undefined : Number(/(\d+) m unna/.exec(item)?.[1]);
    };

    // Standing ten metres from the true place reveals nothing: any suggestion is 250 m or more away.
    const nextDoor = await reviewAt('vann-lukt-smak', { lat: TRUE.lat + 0.00009, lon: TRUE.lon });
    expect(nextDoor).not.toContain('Bakkegata');
    for (const ref of [coarse.ref, neighbour.ref]) {
      const meters = distanceTo(nextDoor, ref);
      if (meters !== undefined) expect(meters).toBeGreaterThanOrEqual(250);
    }
    // Standing at the cell's middle: suggested, at the distance to the middle, without an address.
    const middle = await reviewAt('vann-lukt-smak', MIDDLE);
    expect(distanceTo(middle, coarse.ref)).toBe(0);
    expect(middle).not.toContain('Bakkegata');
    // A hidden place is never suggested.
    const basement = await reviewAt('avlop-tilbakeslag', TRUE, { 'answers.kloakk-i-kjeller': 'true' });
    expect(basement).not.toContain(hidden.ref);
    expect(basement).not.toContain('Bakkegata');
  });

  it("shows a follower's email no address and no place", async () => {
    await follow(t, coarse.ref, { email: 'nabo@example.no' });
    await addEvent(t, coarse.id, { kind: 'status_changed', public: true, status: 'under_behandling' });
    const [mail] = await waitUntil('the update to the follower', async () => {
      const mails = smtp.mails
        .filter((m) => m.envelopeTo.includes('nabo@example.no') && m.parsed.subject?.startsWith('Ny status'))
        .map((m) => m.parsed);
      return mails.length > 0 ? mails : undefined;
    });
    const text = `${mail?.subject}\n${mail?.text}\n${mail?.html}`;
    expect(text).toContain(coarse.ref);
    expect(text).not.toContain('Bakkegata');
    expect(text).not.toContain(TRUE.lat.toFixed(4));
    // The link in it leads to the public page, which shows only the area.
    const link = /http:\/\/meld\.test(\/porsgrunn\/meldinger\/[^\s"]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    const publicPage = await t.request('GET', link);
    expect(publicPage.status).toBe(200);
    const lat = Number(/data-lat="([^"]+)"/.exec(publicPage.text)?.[1]);
    const lon = Number(/data-lon="([^"]+)"/.exec(publicPage.text)?.[1]);
    expectNoTruePlace(publicPage.text, [{ lat, lon }]);
  });

  it('shows the reporter, with the tracking token, the address and the true point', async () => {
    const mine = await t.request('GET', `/api/v1/reports/${coarse.ref}?token=${coarse.trackingToken}`);
    expect(mine.body).toMatchObject({ address: ADDRESS, location: { ...TRUE, approximate: false } });
    const page = await t.request('GET', `/porsgrunn/meldinger/${coarse.ref}?token=${coarse.trackingToken}`);
    expect(page.text).toContain(ADDRESS);
    expect(page.text).toContain(`data-lat="${TRUE.lat}"`);
    expect(page.text).toContain(`data-lon="${TRUE.lon}"`);
    const basement = await t.request(
      'GET',
      `/porsgrunn/meldinger/${hidden.ref}?token=${hidden.trackingToken}`,
    );
    expect(basement.text).toContain(ADDRESS);
    // Without the token, the same page shows neither.
    const anyone = await t.request('GET', `/porsgrunn/meldinger/${hidden.ref}`);
    expect(anyone.text).not.toContain('Bakkegata');
    expect(anyone.text).not.toContain('data-lat');
    expect(anyone.text).toContain('Stedet vises ikke offentlig for denne typen melding.');
  });

  it('sets categories that keep descriptions private to show only the area, when migrated', async () => {
    const rows = await t.ctx.db.db.execute(
      sql`select code, public_location from categories where kommunenummer = '4001' and not public_description order by code`,
    );
    const list = (rows as unknown as { rows: { code: string; public_location: string }[] }).rows;
    expect(list).toEqual([
      { code: 'avlop-tilbakeslag', public_location: 'hidden' },
      { code: 'vann-lukt-smak', public_location: 'coarse' },
    ]);
  });
});

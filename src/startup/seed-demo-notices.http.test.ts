// The demo's notices and subscribers, seeded as a demo start seeds them, through the real app on
// both databases: an active flushing and an upcoming shut-off on the start page, the list, the
// feeds and the list's map (the GeoJSON feed), inside Porsgrunn; made-up subscribers inside their
// areas; nothing sent; and a second start adds nothing.
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.ts';
import { buildPorsgrunn } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { queryRows } from '../db/client.ts';
import { pointInMultiPolygon } from '../modules/notices/point-in-area.ts';
import type { MultiPolygon } from '../modules/notices/schema.ts';
import { porsgrunn } from '../modules/tenants/demo/porsgrunn.ts';
import { StartupPhases } from './phases.ts';
import { seedDemo } from './seed-demo.ts';

const FLUSHING = 'Spyling av vannledninger på Vestsida';
const SHUTOFF = 'Planlagt vannavstengning i Olavs gate og Sverres gate';
const HOUR = 3600_000;
const BOUNDARIES = new URL('../../resources/geo/porsgrunn-and-neighbours-2024.geojson', import.meta.url);

describe.each(databaseKinds())('the demo notices on %s', (kind) => {
  let t: TestApp;
  let seededAt: number;
  let firstStart: StartupPhases;

  async function start(): Promise<StartupPhases> {
    const phases = new StartupPhases();
    // Server mode: the demo's staff accounts (embedded mode only) are another test's business.
    await seedDemo(t.ctx.db.db, { ...t.ctx.config, databaseMode: 'server' }, phases, () => t.app.log);
    return phases;
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    seededAt = Date.now();
    firstStart = await start();
  });
  afterAll(() => t?.close());

  it('seeds one active flushing and one upcoming shut-off, times relative to the start', async () => {
    const rows = await queryRows<{ type: string; starts_at: Date; expected_end_at: Date; status: string }>(
      t.ctx.db.db,
      sql`select type, starts_at, expected_end_at, status from notices where kommunenummer = '4001' order by starts_at`,
    );
    expect(rows.map((r) => [r.type, r.status])).toEqual([
      ['flushing', 'published'],
      ['planned_shutoff', 'published'],
    ]);
    const hoursFrom = (at: Date) => Math.round((new Date(at).getTime() - seededAt) / HOUR);
    expect(rows.map((r) => [hoursFrom(r.starts_at), hoursFrom(r.expected_end_at)])).toEqual([
      [-2, 48],
      [72, 78],
    ]);
    expect(firstStart.report.work.seedRowsAdded).toBeGreaterThanOrEqual(2 + 5);
  });

  it('shows them on the start page, the list and the feeds, in every language', async () => {
    const start = (await t.request('GET', '/porsgrunn?lang=nb')).text;
    expect(start).toContain(FLUSHING);
    expect(start).toContain(SHUTOFF);
    const list = (await t.request('GET', '/porsgrunn/driftsmeldinger?lang=nb')).text;
    expect(list).toContain(FLUSHING);
    expect(list).toContain(SHUTOFF);
    expect(list).toContain('id="notices-map"');
    const en = (await t.request('GET', '/porsgrunn/driftsmeldinger?lang=en')).text;
    expect(en).toContain('Flushing of water mains on Vestsida');
    for (const feed of ['rss', 'atom', 'ics']) {
      const res = await t.request('GET', `/porsgrunn/driftsmeldinger.${feed}?lang=nb`);
      expect(res.status).toBe(200);
      // iCalendar folds long lines (RFC 5545 §3.1): unfolded, the titles read whole.
      const text = res.text.replace(/\r\n[ \t]/g, '');
      expect(text).toContain(FLUSHING);
      expect(text).toContain(SHUTOFF);
    }
    const geojson = await t.request('GET', '/porsgrunn/driftsmeldinger.geojson?lang=nb');
    expect(geojson.status).toBe(200);
    const body = JSON.parse(geojson.text) as { features: { geometry: { type: string } }[] };
    expect(body.features.map((f) => f.geometry.type)).toEqual(['MultiPolygon', 'MultiPolygon']);
  });

  it('puts the areas inside Porsgrunn and four of the five made-up subscribers inside them', async () => {
    const areas = await queryRows<{ areas: MultiPolygon }>(
      t.ctx.db.db,
      sql`select v.areas from notices n join notice_versions v on v.notice_id = n.id and v.version = n.version
        where n.kommunenummer = '4001'`,
    );
    // Every corner of every area inside the municipality's boundary.
    const boundaries = JSON.parse(await readFile(BOUNDARIES, 'utf8')) as {
      features: { properties: { kommunenummer: string }; geometry: MultiPolygon }[];
    };
    const boundary = boundaries.features.find((f) => f.properties.kommunenummer === '4001')?.geometry;
    if (!boundary) throw new Error('no boundary for 4001');
    const corners = areas
      .flatMap((a) => a.areas.coordinates.flat(2))
      .map(([lon = 0, lat = 0]) => ({ lat, lon }));
    expect(corners.length).toBeGreaterThan(60);
    expect(corners.filter((c) => !pointInMultiPolygon(c, boundary))).toEqual([]);
    const subscribers = await queryRows<{
      lat: number;
      lon: number;
      email: string;
      email_confirmed_at: Date | null;
      vulnerable: boolean;
      vulnerable_note: string | null;
    }>(t.ctx.db.db, sql`select * from subscribers where kommunenummer = '4001' order by address`);
    expect(subscribers).toHaveLength(5);
    expect(subscribers.every((s) => /@example\.(no|org)$/.test(s.email) && s.email_confirmed_at)).toBe(true);
    expect(subscribers.filter((s) => s.vulnerable).map((s) => s.vulnerable_note)).toEqual(['Hjemmedialyse']);
    const inside = subscribers.filter((s) => areas.some((a) => pointInMultiPolygon(s, a.areas)));
    expect(inside).toHaveLength(4);
  });

  it('sends nothing: no fan-out and no messages', async () => {
    const [row] = await queryRows<{ fanouts: number; messages: number }>(
      t.ctx.db.db,
      sql`select (select count(*) from notice_fanouts)::int as fanouts,
        (select count(*) from messages where subscriber_id is not null or notice_id is not null)::int as messages`,
    );
    expect(row).toEqual({ fanouts: 0, messages: 0 });
  });

  it('adds nothing on a second start', async () => {
    const again = await start();
    expect(again.report.work.seedRowsAdded).toBe(0);
    const [row] = await queryRows<{ notices: number; subscribers: number }>(
      t.ctx.db.db,
      sql`select (select count(*) from notices)::int as notices, (select count(*) from subscribers)::int as subscribers`,
    );
    expect(row).toEqual({ notices: 2, subscribers: 5 });
    expect(porsgrunn.notices).toHaveLength(2);
  });
});

// A notice's area as a buffer along a line, through the staff API on both databases: stored as
// capsules that hold a place near the line, and refused with a readable message when the line or
// the distance is out of bounds (400 for the schema's bounds, 422 outside Norway).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { MAX_LINE_POINTS } from './line-buffer.ts';
import { pointInMultiPolygon } from './point-in-area.ts';

const base = '/api/v1/staff/m/4001/notices';
// Vestsidevegen, south to north.
const line = [
  [9.6406, 59.1368],
  [9.6405, 59.1386],
  [9.6412, 59.1412],
];

describe.each(databaseKinds())('notices along a line on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
  });
  afterAll(() => t?.close());

  const notice = (area: unknown) => ({
    type: 'flushing',
    title: { nb: 'Spyling Vestsidevegen' },
    body: { nb: 'Tekst.' },
    area,
    startsAt: '2026-12-05T07:00:00.000Z',
  });

  it('stores a buffer along a line as one capsule per segment, holding places near the line', async () => {
    const res = await admin.request(
      'POST',
      base,
      notice({ type: 'LineString', coordinates: line, bufferMetres: 60 }),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body.areas.type).toBe('MultiPolygon');
    expect(res.body.areas.coordinates).toHaveLength(2);
    const areas = res.body.areas;
    // Vestsidevegen 25 lies 5 m from the line; Storgata 40, 650 m east, does not.
    expect(pointInMultiPolygon({ lat: 59.138628, lon: 9.640461 }, areas)).toBe(true);
    expect(pointInMultiPolygon({ lat: 59.137838, lon: 9.652056 }, areas)).toBe(false);
  });

  it('refuses a line out of bounds with 422 and a message a person understands', async () => {
    // Bounds the schema states answer 400 with the field, as for polygons; the rest 422.
    const cases: [unknown, number][] = [
      [{ type: 'LineString', coordinates: line.slice(0, 1), bufferMetres: 60 }, 400],
      [
        {
          type: 'LineString',
          coordinates: Array.from({ length: MAX_LINE_POINTS + 1 }, (_, i) => [9.64, 59.13 + i * 0.001]),
          bufferMetres: 60,
        },
        400,
      ],
      [{ type: 'LineString', coordinates: line, bufferMetres: 2001 }, 400],
      [{ type: 'LineString', coordinates: line, bufferMetres: 5 }, 400],
      [
        {
          type: 'LineString',
          coordinates: [
            [12.57, 55.68],
            [12.58, 55.68],
          ],
          bufferMetres: 60,
        },
        422,
      ],
    ];
    for (const [area, status] of cases) {
      const res = await admin.request('POST', base, notice(area), { 'accept-language': 'en' });
      expect(res.status, JSON.stringify(area).slice(0, 80)).toBe(status);
      expect(res.body.error.message).toBeTruthy();
      expect(JSON.stringify(res.body.error.details)).toMatch(/coordinates|bufferMetres|area/);
    }
  });
});

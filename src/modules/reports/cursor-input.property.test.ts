// Cursors and dates from the query string are the caller's text; whatever it is, the answer is a
// page (200) or a clear 400, never a 500 from a cast PostgreSQL refuses (a cursor with month 13
// used to give one). The date checks are also held against PostgreSQL itself: what they accept,
// PostgreSQL casts.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { isCalendarDate, isTimestamp } from '../../shared/dates.ts';
import { INBOX_SORTS } from '../cases/inbox-filters.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ID = '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b';

/** Timestamps that have the right shape, with fields from plausible to absurd. */
const timestampShaped = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom('', '.1', '.123456'),
    fc.constantFrom('Z', '+00', '-05:30', '+14', '+15', '+99', '+0200', '+01:99'),
    fc.constantFrom(' ', 'T'),
  )
  .map(
    ([y, mo, d, h, mi, s, fraction, zone, sep]) =>
      `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}${sep}${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${fraction}${zone}`,
  );

const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.base64String({ maxLength: 120 }),
);

/** Cursors as the server makes them, with any timestamp and id in them, and text that is no cursor. */
const publicCursors = fc.oneof(
  anyText,
  timestampShaped.map((at) => b64([at, ID])),
  fc.tuple(anyText, anyText).map(([a, b]) => b64([a, b])),
  fc.constantFrom(b64(['2026-13-01 10:00:00+00', ID]), b64(['2026-02-30 10:00:00+00', ID]), b64([1, 2])),
);

describe('the date checks against PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(() => t.close());

  async function castable(text: string, type: 'timestamptz' | 'date'): Promise<boolean> {
    try {
      await queryRows(t.ctx.db.db, sql`select ${text}::${sql.raw(type)} as v`);
      return true;
    } catch {
      return false;
    }
  }

  it('accept only timestamps PostgreSQL casts', async () => {
    await fc.assert(
      fc.asyncProperty(timestampShaped, async (text) => {
        if (isTimestamp(text)) expect(await castable(text, 'timestamptz'), text).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(isTimestamp('2026-11-27 10:39:40.334512+00')).toBe(true);
    expect(isTimestamp('2026-11-27T10:39:40Z')).toBe(true);
    expect(isTimestamp('2026-13-27 10:39:40+00')).toBe(false);
  });

  it('accept only dates PostgreSQL casts', async () => {
    await fc.assert(
      fc.asyncProperty(timestampShaped, async (text) => {
        const date = text.slice(0, 10);
        if (isCalendarDate(date)) expect(await castable(date, 'date'), date).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(false);
  });
});

describe.each(databaseKinds())('cursors and dates from the query on %s', (kind) => {
  let t: TestApp;
  let staff: StaffClient;
  let admin: StaffClient;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    staff = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] }));
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
  });
  afterAll(() => t?.close());

  const okOr400 = (status: number, what: string) => expect([200, 400], what).toContain(status);

  it('the public list: a cursor with month 13 is a 400', async () => {
    const res = await t.request('GET', `/api/v1/reports?cursor=${b64(['2026-13-01 10:00:00+00', ID])}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_cursor');
  });

  it('the public list: any cursor is a page or a 400', async () => {
    await fc.assert(
      fc.asyncProperty(publicCursors, async (cursor) => {
        const res = await t.request('GET', `/api/v1/reports?cursor=${encodeURIComponent(cursor)}`);
        okOr400(res.status, `${cursor} → ${res.text}`);
      }),
      { numRuns: 150 },
    );
  });

  it('the inbox: any cursor, for every sort, is a page or a 400', async () => {
    const inboxCursors = fc.oneof(
      anyText,
      fc
        .tuple(
          fc.constantFrom(...INBOX_SORTS),
          fc.array(fc.oneof(timestampShaped, anyText), { maxLength: 3 }),
        )
        .map(([sort, keys]) => ({ sort, cursor: b64([sort, keys, ID]) })),
      fc
        .tuple(fc.constantFrom(...INBOX_SORTS), timestampShaped, fc.integer().map(String))
        .map(([sort, at, rank]) => ({
          sort,
          cursor: b64([sort, sort === '-priority' ? [rank, at] : [at], ID]),
        })),
    );
    await fc.assert(
      fc.asyncProperty(inboxCursors, fc.constantFrom(...INBOX_SORTS), async (given, otherSort) => {
        const { sort, cursor } = typeof given === 'string' ? { sort: otherSort, cursor: given } : given;
        const res = await staff.request(
          'GET',
          `/api/v1/staff/m/4001/reports?sort=${encodeURIComponent(sort)}&cursor=${encodeURIComponent(cursor)}`,
        );
        okOr400(res.status, `${sort} ${cursor} → ${res.text}`);
      }),
      { numRuns: 150 },
    );
  });

  it('the inbox and the dashboard: any date is a page or a 400', async () => {
    const dates = fc.oneof(
      anyText,
      timestampShaped.map((text) => text.slice(0, 10)),
    );
    await fc.assert(
      fc.asyncProperty(dates, async (date) => {
        const d = encodeURIComponent(date);
        const inbox = await staff.request('GET', `/api/v1/staff/m/4001/reports?from=${d}&to=${d}`);
        okOr400(inbox.status, `inbox ${date} → ${inbox.text}`);
        const dashboard = await admin.request('GET', `/api/v1/staff/m/4001/dashboard?from=${d}`);
        okOr400(dashboard.status, `dashboard ${date} → ${dashboard.text}`);
      }),
      { numRuns: 100 },
    );
    const yearZero = await admin.request(
      'GET',
      '/api/v1/staff/m/4001/dashboard?from=0000-01-01&to=0000-01-02',
    );
    expect(yearZero.status).toBe(400);
  });

  it('the audit log: any cursor is a page or a 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.stringMatching(/^\d{1,19}$/)), async (cursor) => {
        const res = await admin.request(
          'GET',
          `/api/v1/staff/m/4001/admin/audit?cursor=${encodeURIComponent(cursor)}`,
        );
        okOr400(res.status, `${cursor} → ${res.text}`);
      }),
      { numRuns: 100 },
    );
  });
});

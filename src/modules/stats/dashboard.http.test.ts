import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ReportStatus } from '../reports/statuses.ts';
import { osloToday } from './resolve-dashboard-range.ts';

const DASHBOARD = '/api/v1/staff/m/4001/dashboard';

interface Shape {
  status?: ReportStatus;
  createdAt: string;
  firstPublicReplyAt?: string | null;
  doneAt?: string | null;
  dueAt?: string | null;
}

describe.each(databaseKinds())('dashboard on %s', (kind) => {
  let t: TestApp;
  let reader: StaffClient;
  const ids: Record<string, string> = {};
  const categoryIds: Record<string, string> = {};

  /** A report through the public API, then its timestamps set to exactly what the test needs. */
  async function report(name: string, category: string, shape: Shape) {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ category, answers: {} }),
    });
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
    await t.ctx.db.db.execute(sql`update reports set
        status = ${shape.status ?? 'mottatt'},
        created_at = ${shape.createdAt}::timestamptz,
        first_public_reply_at = ${shape.firstPublicReplyAt ?? null}::timestamptz,
        done_at = ${shape.doneAt ?? null}::timestamptz,
        due_at = ${shape.dueAt ?? null}::timestamptz
      where id = ${res.body.id}::uuid`);
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '3806', name: 'Nabokommune' });
    reader = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] }));
    const rows = await t.ctx.db.db.execute(
      sql`select id, code from categories where kommunenummer = '4001' and code in ('vann-lekkasje', 'vann-lavt-trykk')`,
    );
    for (const row of (rows as unknown as { rows: { id: string; code: string }[] }).rows) {
      categoryIds[row.code] = row.id;
    }

    // The period 2025-03-03 (Monday, ISO week 10) to 2025-03-23 (Sunday, week 12); Oslo is UTC+1.
    await report('a', 'vann-lekkasje', {
      status: 'utfort',
      createdAt: '2025-03-03T07:00:00Z',
      firstPublicReplyAt: '2025-03-03T09:00:00Z', // 2 h
      doneAt: '2025-03-03T17:00:00Z', // 10 h, before the deadline
      dueAt: '2025-03-04T07:00:00Z',
    });
    await report('b', 'vann-lekkasje', {
      status: 'utfort',
      createdAt: '2025-03-05T12:00:00Z',
      firstPublicReplyAt: '2025-03-05T16:00:00Z', // 4 h
      doneAt: '2025-03-06T18:00:00Z', // 30 h, after the deadline
      dueAt: '2025-03-06T12:00:00Z',
    });
    await report('c', 'vann-lekkasje', {
      status: 'under_behandling',
      createdAt: '2025-03-10T12:00:00Z',
      firstPublicReplyAt: '2025-03-10T18:00:00Z', // 6 h
      dueAt: '2025-03-11T12:00:00Z', // open and past due: overdue
    });
    // Sunday 23:30 in UTC, but already Monday 00:30 in Oslo: week 12, not 11.
    await report('d', 'vann-lekkasje', { status: 'avvist', createdAt: '2025-03-16T23:30:00Z' });
    // The last evening of the period in Oslo; due far ahead, so neither done nor overdue.
    await report('e', 'vann-lavt-trykk', {
      status: 'planlagt',
      createdAt: '2025-03-23T22:30:00Z',
      dueAt: '2099-01-01T00:00:00Z',
    });
    // Just after the period in Oslo (Monday 00:30): not counted as received, but overdue now.
    await report('f', 'vann-lekkasje', { createdAt: '2025-03-23T23:30:00Z', dueAt: '2025-03-25T00:00:00Z' });
    // Received before the period, done within it: counts in the week it was done only.
    await report('g', 'vann-lavt-trykk', {
      status: 'utfort',
      createdAt: '2025-02-20T10:00:00Z',
      doneAt: '2025-03-12T10:00:00Z',
      dueAt: '2025-02-22T10:00:00Z',
    });
    // "Is it really fixed?" questions: three asked in the period (one answered each way, one not),
    // one asked before it. Counted by when they were asked, not when the report came in.
    const fixCheck = (report: string, askedAt: string, outcome: string | null) =>
      t.ctx.db.db.execute(sql`insert into fix_checks (report_id, token_hash, asked_at, answered_at, outcome)
        values (${ids[report]}::uuid, gen_random_uuid()::text::bytea, ${askedAt}::timestamptz,
          ${outcome ? askedAt : null}::timestamptz, ${outcome})`);
    await fixCheck('a', '2025-03-03T17:00:00Z', 'confirmed');
    await fixCheck('b', '2025-03-06T18:00:00Z', 'reopened');
    await fixCheck('g', '2025-03-12T10:00:00Z', null);
    await fixCheck('g', '2025-02-25T10:00:00Z', 'confirmed');
  });
  afterAll(() => t.close());

  it('computes counts, medians, the deadline share, the overdue list and the weeks for a period', async () => {
    const res = await reader.request('GET', `${DASHBOARD}?from=2025-03-03&to=2025-03-23`, undefined, {
      'accept-language': 'en',
    });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.from).toBe('2025-03-03');
    expect(body.to).toBe('2025-03-23');
    expect(body.byStatus).toEqual({
      mottatt: 0,
      under_behandling: 1,
      planlagt: 1,
      utfort: 2,
      duplikat: 0,
      privat_ansvar: 0,
      videresendt: 0,
      avvist: 1,
      lukket: 0,
    });
    expect(body.byCategory).toEqual([
      { id: categoryIds['vann-lekkasje'], name: 'Water leak', count: 4 },
      { id: categoryIds['vann-lavt-trykk'], name: 'Low water pressure', count: 1 },
    ]);
    // Replies after 2, 4 and 6 hours; done after 10 and 30 hours.
    expect(body.medianHoursToFirstReply).toBe(4);
    expect(body.medianHoursToDone).toBe(20);
    // With a due time and done or overdue: a (in time), b (late), c (overdue). e is neither.
    expect(body.shareDoneWithinDeadline).toBe(0.3333);
    expect(body.overdue.map((item: { id: string }) => item.id)).toEqual([ids.c, ids.f]);
    expect(body.overdue[0]).toMatchObject({
      ref: expect.stringMatching(/^4001-/),
      status: 'under_behandling',
      overdue: true,
      dueAt: '2025-03-11T12:00:00.000Z',
      category: { id: categoryIds['vann-lekkasje'], name: 'Water leak' },
      group: { name: 'Water' },
    });
    expect(body.perWeek).toEqual([
      { week: '2025-W10', received: 2, done: 2 },
      { week: '2025-W11', received: 1, done: 1 },
      { week: '2025-W12', received: 2, done: 0 },
    ]);
    expect(body.fixFeedback).toEqual({ asked: 3, confirmed: 1, reopened: 1, unanswered: 1 });
    // Per month and group (the public statistics page's figures): all of March is "Vann", so the
    // group's month matches the period's totals above, and the entry for all groups comes first.
    const march = {
      month: '2025-03',
      received: 5,
      medianHoursToFirstReply: 4,
      medianHoursToDone: 20,
      shareDoneWithinDeadline: 0.3333,
    };
    expect(body.perGroupMonth).toEqual([
      { groupId: null, code: null, name: null, months: [march] },
      { groupId: expect.any(String), code: 'vann', name: 'Water', months: [march] },
    ]);
  });

  it('answers an empty period with zeros, nulls and every week', async () => {
    const res = await reader.request('GET', `${DASHBOARD}?from=2024-01-01&to=2024-01-14`);
    expect(res.status).toBe(200);
    expect(Object.values(res.body.byStatus)).toEqual(Array(9).fill(0));
    expect(res.body.byCategory).toEqual([]);
    expect(res.body.medianHoursToFirstReply).toBeNull();
    expect(res.body.medianHoursToDone).toBeNull();
    expect(res.body.shareDoneWithinDeadline).toBeNull();
    expect(res.body.perGroupMonth).toEqual([
      {
        groupId: null,
        code: null,
        name: null,
        months: [
          {
            month: '2024-01',
            received: 0,
            medianHoursToFirstReply: null,
            medianHoursToDone: null,
            shareDoneWithinDeadline: null,
          },
        ],
      },
    ]);
    expect(res.body.perWeek).toEqual([
      { week: '2024-W01', received: 0, done: 0 },
      { week: '2024-W02', received: 0, done: 0 },
    ]);
    expect(res.body.fixFeedback).toEqual({ asked: 0, confirmed: 0, reopened: 0, unanswered: 0 });
    // The overdue list is about now, whatever the period.
    expect(res.body.overdue).toHaveLength(2);
  });

  it('names categories in the staff member’s own language without Accept-Language', async () => {
    const res = await reader.request('GET', `${DASHBOARD}?from=2025-03-03&to=2025-03-23`);
    expect(res.body.byCategory[0].name).toBe('Vannlekkasje');
  });

  it('defaults to the last 90 days up to today in Oslo', async () => {
    const res = await reader.request('GET', DASHBOARD);
    expect(res.status).toBe(200);
    const today = osloToday(new Date());
    expect(res.body.to).toBe(today);
    const days = (Date.parse(res.body.to) - Date.parse(res.body.from)) / 86_400_000;
    expect(days).toBe(89);
    expect(res.body.perWeek.length).toBeGreaterThanOrEqual(13);
    expect(res.body.perWeek.length).toBeLessThanOrEqual(14);
    // The fixtures are all long ago.
    expect(res.body.byCategory).toEqual([]);
  });

  it('refuses a period that ends before it starts, is longer than two years, or is not dates', async () => {
    const backwards = await reader.request('GET', `${DASHBOARD}?from=2025-03-10&to=2025-03-09`, undefined, {
      'accept-language': 'nb',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toEqual([
      { field: 'from', code: 'after_to', message: 'Fra-datoen må være før eller lik til-datoen.' },
    ]);
    const tooLong = await reader.request('GET', `${DASHBOARD}?from=2023-03-22&to=2025-03-23`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].code).toBe('range_too_long');
    const twoYears = await reader.request('GET', `${DASHBOARD}?from=2023-03-23&to=2025-03-23`);
    expect(twoYears.status).toBe(200);
    expect(twoYears.body.perWeek.length).toBe(105);
    const notADate = await reader.request('GET', `${DASHBOARD}?from=last-week`);
    expect(notADate.status).toBe(400);
  });

  it('is open to every role in the municipality and to no one else', async () => {
    for (const role of ['admin', 'saksbehandler', 'servicekontor', 'feltarbeider'] as const) {
      const client = await logInAs(
        t,
        await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: [role] }),
      );
      expect((await client.request('GET', DASHBOARD)).status).toBe(200);
    }
    const neighbour = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '3806', roles: ['admin'] }),
    );
    const refused = await neighbour.request('GET', DASHBOARD);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await reader.request('GET', '/api/v1/staff/m/3806/dashboard')).status).toBe(403);
    expect((await t.request('GET', DASHBOARD)).status).toBe(401);
  });
});

// The inbox's counts per status: exact below INBOX_EXACT_COUNT_LIMIT under every filter (checked
// against the list, which applies the same filters), and marked as such above it: `moreThan` the
// limit where an index leads to each status, `about` (PostgreSQL's estimate) where none does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildCategory, buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import {
  categoryOf,
  INBOX,
  type PostedReport,
  postReport,
  type ReportState,
  setReportState,
  teamIdOf,
} from '../../../test/support/inbox.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { REPORT_STATUSES, type ReportStatus } from '../reports/statuses.ts';

type Count = { count: number; accuracy: 'exact' | 'moreThan' | 'about' };
type Counts = { counts: Record<ReportStatus, Count>; total: Count };

const PAST = '2025-01-01T00:00:00Z';
const FUTURE = '2099-01-01T00:00:00Z';
const ALL_STATUSES = REPORT_STATUSES.join(',');

async function counts(client: StaffClient, query: string): Promise<Counts> {
  const response = await client.request('GET', `${INBOX}/reports/counts?${query}`);
  expect(response.status, `${query}: ${response.text}`).toBe(200);
  return response.body as Counts;
}

/** A report made through the public API, then put in `state` (status, team, times…). */
async function report(t: TestApp, body: Record<string, unknown>, state: ReportState): Promise<PostedReport> {
  const posted = await postReport(t, body);
  await setReportState(t, posted.id, { acute: false, dueAt: null, channel: 'api', ...state });
  return posted;
}

describe.each(databaseKinds())('inbox counts below the limit on %s', (kind) => {
  let t: TestApp;
  let handler: StaffClient;
  let handlerId: string;
  let c: PostedReport;
  /** The filters, by name, with how many reports each leaves (duplicates not counted). */
  let filters: [query: string, total: number][];

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.ctx.db.db;
    await buildPorsgrunn(db);
    await buildMunicipality(db, { kommunenummer: '4003', name: 'Skien', slug: 'skien-counts' });
    const skienCategory = await buildCategory(db, { kommunenummer: '4003', code: 'skien-sluk' });
    const va = await teamIdOf(t, 'va-drift');
    const road = await teamIdOf(t, 'vei-og-park');
    const handlerUser = await buildStaffUser(db, { kommunenummer: '4001', roles: ['saksbehandler'] });
    handlerId = handlerUser.id;
    handler = await logInAs(t, handlerUser);
    const colleague = await buildStaffUser(db, { kommunenummer: '4001', roles: ['saksbehandler'] });
    const roadBody = { category: 'vei-hull', answers: {} };
    const sewerBody = { category: 'avlop-lukt', answers: {} };

    await report(
      t,
      { description: 'Lekkasje ved Storgata' },
      {
        status: 'mottatt',
        teamId: va,
        assigneeId: handlerId,
        dueAt: PAST,
        channel: 'web',
        createdAt: '2025-01-10T10:00:00Z',
      },
    );
    await report(
      t,
      { ...roadBody, description: 'Hull i asfalten' },
      {
        status: 'under_behandling',
        teamId: road,
        dueAt: FUTURE,
        acute: true,
        createdAt: '2025-02-10T10:00:00Z',
      },
    );
    c = await report(
      t,
      { ...sewerBody, description: 'Kloakklukt fra kum' },
      {
        status: 'utfort',
        teamId: null,
        dueAt: PAST,
        channel: 'telefon',
        createdAt: '2025-03-10T10:00:00Z',
      },
    );
    await report(
      t,
      { description: 'Vann i kjelleren' },
      { status: 'duplikat', teamId: va, assigneeId: handlerId, createdAt: '2025-03-15T10:00:00Z' },
    );
    // 2 April in Oslo, 1 April in UTC.
    await report(
      t,
      { ...roadBody, description: 'Hull ved skolen' },
      { status: 'mottatt', teamId: road, createdAt: '2025-04-01T22:30:00Z' },
    );
    await report(
      t,
      { description: 'Lekkasje i kummen' },
      {
        status: 'planlagt',
        teamId: va,
        assigneeId: colleague.id,
        dueAt: PAST,
        channel: 'telefon',
        acute: true,
        createdAt: '2025-05-05T10:00:00Z',
      },
    );
    await report(
      t,
      { ...roadBody, description: 'Hull i veien ved Storgata' },
      {
        status: 'lukket',
        teamId: road,
        assigneeId: handlerId,
        channel: 'web',
        createdAt: '2025-06-01T10:00:00Z',
      },
    );
    // Someone else's report, which no count may include.
    await postReport(t, {
      category: skienCategory.code,
      answers: {},
      location: undefined,
      municipality: '4003',
      address: 'Storgata 1, Skien',
      description: 'Lekkasje ved Storgata i Skien',
    });

    const waterLeak = await categoryOf(t, 'vann-lekkasje');
    const pothole = await categoryOf(t, 'vei-hull');
    filters = [
      ['', 6],
      [`team=${va}`, 2],
      ['team=none', 1],
      [`assignee=${handlerId}`, 2],
      ['assignee=me', 2],
      ['assignee=none', 3],
      [`category=${waterLeak.id}`, 2],
      [`group=${pothole.groupId}`, 3],
      ['channel=telefon', 2],
      ['channel=web,telefon', 4],
      ['acute=true', 2],
      ['overdue=true', 2],
      ['from=2025-02-01', 5],
      ['to=2025-03-31', 3],
      ['from=2025-04-02&to=2025-04-02', 1],
      ['q=lekkasje', 2],
      [`q=${c.ref}`, 1],
      [`team=${va}&assignee=${handlerId}`, 1],
      [`team=${road}&from=2025-03-01`, 2],
      [`category=${pothole.id}&acute=true`, 1],
      [`q=hull&team=${road}`, 3],
      [`group=${waterLeak.groupId}&channel=telefon&overdue=true`, 1],
    ];
  });
  afterAll(() => t?.close());

  it('counts exactly under every filter, the same reports the list shows', async () => {
    for (const [query, total] of filters) {
      const found = await counts(handler, query);
      const listed = await handler.request(
        'GET',
        `${INBOX}/reports?${query}&status=${ALL_STATUSES}&limit=100`,
      );
      expect(listed.status, query).toBe(200);
      const perStatus = new Map<string, number>();
      for (const item of listed.body.items as { status: string }[]) {
        perStatus.set(item.status, (perStatus.get(item.status) ?? 0) + 1);
      }
      for (const status of REPORT_STATUSES) {
        expect(found.counts[status], `${query}: ${status}`).toEqual({
          count: perStatus.get(status) ?? 0,
          accuracy: 'exact',
        });
      }
      expect(found.total, query).toEqual({ count: total, accuracy: 'exact' });
    }
  });

  it('counts duplicates apart from the total, and the statuses a filter rules out as 0', async () => {
    const all = await counts(handler, '');
    expect(all.counts.duplikat).toEqual({ count: 1, accuracy: 'exact' });
    const overdue = await counts(handler, 'overdue=true');
    expect(overdue.counts).toMatchObject({
      mottatt: { count: 1, accuracy: 'exact' },
      planlagt: { count: 1, accuracy: 'exact' },
      utfort: { count: 0, accuracy: 'exact' },
    });
  });

  it('refuses a bad filter with 400, as the list does', async () => {
    for (const query of [
      'status=nope',
      'team=nope',
      'channel=brev',
      'from=2025-02-30',
      `q=${'x'.repeat(201)}`,
    ]) {
      const response = await handler.request('GET', `${INBOX}/reports/counts?${query}`);
      expect(response.status, query).toBe(400);
    }
  });
});

describe.each(databaseKinds())('inbox counts above the limit on %s', (kind) => {
  const LIMIT = 2;
  let t: TestApp;
  let handler: StaffClient;

  beforeAll(async () => {
    t = await startTestApp(kind, { inboxExactCountLimit: LIMIT });
    const db = t.ctx.db.db;
    await buildPorsgrunn(db);
    const va = await teamIdOf(t, 'va-drift');
    const road = await teamIdOf(t, 'vei-og-park');
    handler = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4001', roles: ['saksbehandler'] }));
    for (let i = 0; i < 3; i++) {
      await report(
        t,
        { description: `Tett sluk nummer ${i}` },
        { status: 'mottatt', teamId: va, dueAt: PAST },
      );
    }
    await report(t, { description: 'Lekkasje i kjelleren' }, { status: 'utfort', teamId: va });
    await report(t, { description: 'Tett sluk ved skolen' }, { status: 'planlagt', teamId: road });
  });
  afterAll(() => t?.close());

  it('says "more than the limit" where an index leads to each status, exact elsewhere', async () => {
    const all = await counts(handler, '');
    expect(all.counts).toEqual({
      mottatt: { count: LIMIT, accuracy: 'moreThan' },
      under_behandling: { count: 0, accuracy: 'exact' },
      planlagt: { count: 1, accuracy: 'exact' },
      utfort: { count: 1, accuracy: 'exact' },
      duplikat: { count: 0, accuracy: 'exact' },
      privat_ansvar: { count: 0, accuracy: 'exact' },
      videresendt: { count: 0, accuracy: 'exact' },
      avvist: { count: 0, accuracy: 'exact' },
      lukket: { count: 0, accuracy: 'exact' },
    });
    expect(all.total).toEqual({ count: LIMIT + 2, accuracy: 'moreThan' });

    const va = await teamIdOf(t, 'va-drift');
    const team = await counts(handler, `team=${va}`);
    expect(team.counts.mottatt).toEqual({ count: LIMIT, accuracy: 'moreThan' });
    expect(team.counts.utfort).toEqual({ count: 1, accuracy: 'exact' });
    expect(team.counts.planlagt).toEqual({ count: 0, accuracy: 'exact' });
    expect(team.total).toEqual({ count: LIMIT + 1, accuracy: 'moreThan' });

    const road = await teamIdOf(t, 'vei-og-park');
    const small = await counts(handler, `team=${road}`);
    expect(small.counts.planlagt).toEqual({ count: 1, accuracy: 'exact' });
    expect(small.total).toEqual({ count: 1, accuracy: 'exact' });
  });

  it('gives estimates marked "about" when free text matches more than the limit', async () => {
    const text = await counts(handler, 'q=sluk');
    for (const status of REPORT_STATUSES) {
      expect(text.counts[status].accuracy, status).toBe('about');
      expect(Number.isInteger(text.counts[status].count), status).toBe(true);
      expect(text.counts[status].count, status).toBeGreaterThanOrEqual(0);
    }
    // Each estimate is at least what was seen while looking for limit + 1 matches (and PostgreSQL
    // never expects fewer than 1 row), so together they are more than the limit.
    const sum = REPORT_STATUSES.reduce((total, status) => total + text.counts[status].count, 0);
    expect(sum).toBeGreaterThanOrEqual(LIMIT + 1);
    expect(text.total.accuracy).toBe('about');

    // Free text that matches no more than the limit is counted exactly.
    const one = await counts(handler, 'q=lekkasje');
    expect(one.counts.utfort).toEqual({ count: 1, accuracy: 'exact' });
    expect(one.total).toEqual({ count: 1, accuracy: 'exact' });
  });

  it('keeps the statuses that cannot be overdue at an exact 0 among estimates', async () => {
    const overdue = await counts(handler, 'overdue=true');
    for (const status of ['mottatt', 'under_behandling', 'planlagt'] as const) {
      expect(overdue.counts[status].accuracy, status).toBe('about');
    }
    for (const status of [
      'utfort',
      'duplikat',
      'privat_ansvar',
      'videresendt',
      'avvist',
      'lukket',
    ] as const) {
      expect(overdue.counts[status], status).toEqual({ count: 0, accuracy: 'exact' });
    }
    expect(overdue.counts.mottatt.count).toBeGreaterThanOrEqual(0);
    expect(overdue.total.accuracy).toBe('about');
  });
});

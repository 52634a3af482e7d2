import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildCategory, buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import {
  categoryOf,
  INBOX,
  type PostedReport,
  postReport,
  setReportState,
  teamIdOf,
} from '../../../test/support/inbox.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe.each(databaseKinds())('the inbox list and counts on %s', (kind) => {
  let t: TestApp;
  let handler: StaffClient;
  let reader: StaffClient;
  let outsider: StaffClient;
  let handlerId: string;
  let r1: PostedReport; // mottatt, VA, assigned, overdue, high priority
  let r2: PostedReport; // under behandling, road, acute
  let r3: PostedReport; // work done, no team, by phone, past due (closed: not overdue)
  let r4: PostedReport; // duplicate
  let r5: PostedReport; // mottatt, road, just after midnight Oslo time on 2 April
  let skien: PostedReport;
  let vaTeam: string;
  let roadTeam: string;

  const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((i) => i.id);

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.ctx.db.db;
    await buildPorsgrunn(db);
    await buildMunicipality(db, { kommunenummer: '4003', name: 'Skien', slug: 'skien-inbox' });
    const skienCategory = await buildCategory(db, { kommunenummer: '4003', code: 'skien-lekkasje' });
    vaTeam = await teamIdOf(t, 'va-drift');
    roadTeam = await teamIdOf(t, 'vei-og-park');
    const handlerUser = await buildStaffUser(db, {
      kommunenummer: '4001',
      roles: ['saksbehandler'],
      name: 'Siri Saks',
    });
    handlerId = handlerUser.id;
    handler = await logInAs(t, handlerUser);
    reader = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4001', roles: ['leser'] }));
    outsider = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4003', roles: ['admin'] }));

    r1 = await postReport(t, { description: 'Lekkasje ved Storgata, vann spruter', address: 'Storgata 12' });
    r2 = await postReport(t, { category: 'vei-hull', answers: {}, description: 'Hull i asfalten' });
    r3 = await postReport(t, { category: 'avlop-lukt', answers: {}, description: 'Kloakklukt fra kum' });
    r4 = await postReport(t, { description: 'Vann i kjelleren' });
    r5 = await postReport(t, { category: 'vei-hull', answers: {}, description: 'Hull ved skolen' });
    skien = await postReport(t, {
      category: skienCategory.code,
      answers: {},
      location: undefined,
      municipality: '4003',
      address: 'Storgata 12, Skien',
      description: 'Lekkasje ved Storgata i Skien',
    });
    await setReportState(t, r1.id, {
      status: 'mottatt',
      teamId: vaTeam,
      assigneeId: handlerId,
      dueAt: '2025-01-11T10:00:00Z',
      priority: 'hoy',
      createdAt: '2025-01-10T10:00:00Z',
      updatedAt: '2025-06-01T10:00:00Z',
      acute: false,
    });
    await setReportState(t, r2.id, {
      status: 'under_behandling',
      teamId: roadTeam,
      dueAt: '2099-01-01T00:00:00Z',
      createdAt: '2025-02-10T10:00:00Z',
      updatedAt: '2025-02-10T10:00:00Z',
      acute: true,
    });
    await setReportState(t, r3.id, {
      status: 'utfort',
      teamId: null,
      dueAt: '2025-03-11T10:00:00Z',
      priority: 'lav',
      channel: 'telefon',
      createdAt: '2025-03-10T10:00:00Z',
      updatedAt: '2025-07-01T10:00:00Z',
      acute: false,
    });
    await setReportState(t, r4.id, { status: 'duplikat', createdAt: '2025-03-15T10:00:00Z', acute: false });
    await setReportState(t, r5.id, {
      status: 'mottatt',
      teamId: roadTeam,
      dueAt: null,
      createdAt: '2025-04-01T22:30:00Z',
      updatedAt: '2025-04-01T22:30:00Z',
      acute: false,
    });
  });
  afterAll(() => t?.close());

  it('lists the municipality’s reports newest first, without duplicates or other municipalities', async () => {
    const response = await reader.request('GET', `${INBOX}/reports`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(ids(response)).toEqual([r5.id, r3.id, r2.id, r1.id]);
    expect(ids(response)).not.toContain(skien.id);
    expect(response.body.nextCursor).toBeNull();
    const first = response.body.items.find((i: { id: string }) => i.id === r1.id);
    expect(first).toEqual({
      id: r1.id,
      ref: r1.ref,
      status: 'mottatt',
      priority: 'hoy',
      acute: false,
      channel: 'api',
      category: { id: expect.any(String), name: 'Vannlekkasje' },
      group: { id: expect.any(String), name: 'Vann' },
      description: 'Lekkasje ved Storgata, vann spruter',
      address: 'Storgata 12',
      lat: 59.14,
      lon: 9.66,
      team: { id: vaTeam, name: 'VA drift' },
      assignee: { id: handlerId, name: 'Siri Saks' },
      dueAt: '2025-01-11T10:00:00.000Z',
      overdue: true,
      createdAt: '2025-01-10T10:00:00.000Z',
      updatedAt: '2025-06-01T10:00:00.000Z',
    });
    expect(Object.keys(response.body.items[0])).not.toContain('contact');
  });

  it('names categories in the language asked for', async () => {
    const en = await reader.request(
      'GET',
      `${INBOX}/reports?lang=en&category=${(await categoryOf(t, 'vei-hull')).id}`,
    );
    expect(en.body.items[0].group.name).toBe('Roads and streets');
    const nn = await reader.request('GET', `${INBOX}/reports?status=under_behandling`, undefined, {
      'accept-language': 'nn',
    });
    expect(nn.body.items[0].group.name).toBe('Veg og gate');
  });

  it.each([
    ['status=duplikat', () => [r4.id]],
    ['status=open', () => [r5.id, r2.id, r1.id]],
    ['status=closed', () => [r4.id, r3.id]],
    ['status=mottatt,utfort', () => [r5.id, r3.id, r1.id]],
    ['overdue=true', () => [r1.id]],
    ['acute=true', () => [r2.id]],
    ['channel=telefon', () => [r3.id]],
    ['channel=telefon,api', () => [r5.id, r3.id, r2.id, r1.id]],
    ['team=none', () => [r3.id]],
    ['assignee=me', () => [r1.id]],
    ['assignee=none', () => [r5.id, r3.id, r2.id]],
    ['from=2025-04-02', () => [r5.id]],
    ['to=2025-04-01', () => [r3.id, r2.id, r1.id]],
    ['from=2025-02-01&to=2025-03-31', () => [r3.id, r2.id]],
    ['q=storgata', () => [r1.id]],
    ['q=STOR', () => [r1.id]],
    ['q=hull%20asf', () => [r2.id]],
    ['q=kloakk%27%20%26%20!', () => [r3.id]],
    ['q=ingenting-slikt', () => []],
  ])('filters by %s', async (query, expected) => {
    const response = await handler.request('GET', `${INBOX}/reports?${query}`);
    expect(response.status, response.text).toBe(200);
    expect(ids(response)).toEqual(expected());
  });

  it('filters by team, assignee id, category and group', async () => {
    const road = await handler.request('GET', `${INBOX}/reports?team=${roadTeam}`);
    expect(ids(road)).toEqual([r5.id, r2.id]);
    const mine = await handler.request('GET', `${INBOX}/reports?assignee=${handlerId}`);
    expect(ids(mine)).toEqual([r1.id]);
    const smell = await categoryOf(t, 'avlop-lukt');
    expect(ids(await handler.request('GET', `${INBOX}/reports?category=${smell.id}`))).toEqual([r3.id]);
    const roads = await categoryOf(t, 'vei-hull');
    expect(ids(await handler.request('GET', `${INBOX}/reports?group=${roads.groupId}`))).toEqual([
      r5.id,
      r2.id,
    ]);
  });

  it('finds a report by its reference, its year and number, or just its number', async () => {
    const [, year, number] = r3.ref.split('-');
    for (const q of [r3.ref, `${year}-${number}`, number, String(Number(number))]) {
      const response = await handler.request('GET', `${INBOX}/reports?q=${encodeURIComponent(q ?? '')}`);
      expect(ids(response), q).toEqual([r3.id]);
    }
    const other = await handler.request('GET', `${INBOX}/reports?q=${skien.ref}`);
    expect(ids(other)).toEqual([]);
  });

  it.each([
    ['created', () => [r1.id, r2.id, r3.id, r5.id]],
    ['due', () => [r1.id, r3.id, r2.id, r5.id]],
    ['-priority', () => [r1.id, r5.id, r2.id, r3.id]],
    ['-updated', () => [r3.id, r1.id, r5.id, r2.id]],
  ])('sorts by %s', async (sort, expected) => {
    const response = await handler.request('GET', `${INBOX}/reports?sort=${sort}`);
    expect(ids(response)).toEqual(expected());
  });

  it('pages with a cursor in every sort order without duplicates or gaps, also on equal times', async () => {
    const extra = [];
    for (let i = 0; i < 5; i++) extra.push(await postReport(t, { description: `Lik tid ${i}` }));
    for (const report of extra) {
      await setReportState(t, report.id, {
        createdAt: '2025-05-01T00:00:00Z',
        updatedAt: '2025-05-01T00:00:00Z',
        dueAt: '2025-05-02T00:00:00Z',
      });
    }
    for (const sort of ['-created', 'created', 'due', '-priority', '-updated']) {
      const all = ids(await handler.request('GET', `${INBOX}/reports?sort=${sort}`));
      expect(all).toHaveLength(9);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await handler.request('GET', `${INBOX}/reports?${query}`);
        expect(page.status, page.text).toBe(200);
        paged.push(...ids(page));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged, sort).toEqual(all);
    }
    await Promise.all(
      extra.map((r) => setReportState(t, r.id, { status: 'avvist', createdAt: '2020-01-01T00:00:00Z' })),
    );
  });

  it('refuses a cursor that was tampered with or belongs to another sort', async () => {
    const page = await handler.request('GET', `${INBOX}/reports?limit=1`);
    const cursor = page.body.nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const otherSort = await handler.request('GET', `${INBOX}/reports?limit=1&sort=created&cursor=${cursor}`);
    expect(otherSort.status).toBe(400);
    expect(otherSort.body.error.code).toBe('invalid_cursor');
    const forged = Buffer.from(
      JSON.stringify(['-created', ["now()'); drop table reports;--"], r1.id]),
    ).toString('base64url');
    const bad = await handler.request('GET', `${INBOX}/reports?cursor=${forged}`);
    expect(bad.status).toBe(400);
    expect((await handler.request('GET', `${INBOX}/reports?cursor=!!!`)).status).toBe(400);
  });

  it('refuses bad filters with 400 and names the field', async () => {
    for (const query of [
      'limit=0',
      'limit=101',
      'team=abc',
      'status=nope',
      'channel=brev',
      'from=2025-02-30',
      'sort=x',
      'from=2025-05-01&to=2025-04-01',
    ]) {
      const response = await handler.request('GET', `${INBOX}/reports?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.details.length, query).toBeGreaterThan(0);
    }
  });

  it('counts per status under the other filters, ignoring status', async () => {
    const exact = (count: number) => ({ count, accuracy: 'exact' });
    const response = await reader.request('GET', `${INBOX}/reports/counts?status=mottatt`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      counts: {
        mottatt: exact(2),
        under_behandling: exact(1),
        planlagt: exact(0),
        utfort: exact(1),
        duplikat: exact(1),
        privat_ansvar: exact(0),
        videresendt: exact(0),
        avvist: exact(5),
        lukket: exact(0),
      },
      total: exact(9),
    });
    const road = await reader.request('GET', `${INBOX}/reports/counts?team=${roadTeam}&from=2025-01-01`);
    expect(road.body.counts).toMatchObject({
      mottatt: exact(1),
      under_behandling: exact(1),
      utfort: exact(0),
    });
    expect(road.body.total).toEqual(exact(2));
  });

  it('needs a login (401) and a role in the municipality (403)', async () => {
    for (const path of [`${INBOX}/reports`, `${INBOX}/reports/counts`]) {
      expect((await t.request('GET', path)).status).toBe(401);
      const refused = await outsider.request('GET', path);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    const own = await outsider.request('GET', '/api/v1/staff/m/4003/reports');
    expect(ids(own)).toEqual([skien.id]);
  });
});

// The field app's task list over real HTTP: which reports are mine or my team's, in what order,
// only open ones, only this municipality's, and the crew's position never in a log line.
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody, PLACES } from '../../../test/support/factories.ts';
import { buildSecondMunicipality } from '../../../test/support/second-municipality.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';

const TASKS = '/api/v1/staff/m/4001/field/tasks';
// Where the crew stands: a position no fixture uses, so finding it in a log line means a leak.
const HERE = { lat: 59.137731, lon: 9.654417 };

interface Task {
  id: string;
  reference: string;
  priority: string;
  distanceMetres: number | null;
  assignedToMe: boolean;
  title: string;
  team: { id: string } | null;
  asset: unknown;
  version: string;
}

describe.each(databaseKinds())('field tasks on %s', (kind) => {
  let t: TestApp;
  let crew: StaffClient;
  let crewId: string;
  let teamId: string;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    t = await startTestApp(kind, { logLevel: 'trace' }, { logStream: stream });
    await buildPorsgrunn(t.ctx.db.db);
    await buildSecondMunicipality(t.ctx.db.db);
    const [team] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from teams where kommunenummer = '4001' order by code limit 1`,
    );
    teamId = team?.id ?? '';
    const user = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['feltarbeider'],
      teamIds: [teamId],
    });
    crewId = user.id;
    crew = await logInAs(t, user);
  });
  afterAll(() => t.close());

  async function report(
    place: { lat: number; lon: number },
    setup: { priority?: string; mine?: boolean; team?: boolean; status?: string; description?: string },
  ): Promise<string> {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({
        location: place,
        ...(setup.description ? { description: setup.description } : {}),
      }),
    });
    expect(res.status).toBe(201);
    const id = (res.body as { id: string }).id;
    await t.ctx.db.db.execute(sql`update reports set
        priority = ${setup.priority ?? 'normal'},
        status = ${setup.status ?? 'mottatt'},
        assignee_id = ${setup.mine ? crewId : null},
        team_id = ${setup.team ? teamId : null}
      where id = ${id}::uuid`);
    return id;
  }

  it('lists my open tasks by priority, then distance from me, then age; only mine, only open ones', async () => {
    const near = { lat: HERE.lat + 0.001, lon: HERE.lon };
    const far = { lat: HERE.lat - 0.03, lon: HERE.lon };
    const farHigh = await report(far, { priority: 'hoy', mine: true });
    const nearNormal = await report(near, {
      mine: true,
      description: 'Lekkasje ved kum\nRing Kari på 912 34 567',
    });
    const farNormal = await report(far, { mine: true });
    const nearLow = await report(near, { priority: 'lav', mine: true });
    const closed = await report(near, { priority: 'hoy', mine: true, status: 'utfort' });
    const someoneElses = await report(near, { priority: 'hoy' });

    const res = await crew.request('GET', `${TASKS}?scope=mine`, undefined, {
      'device-position': `${HERE.lat},${HERE.lon}`,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const tasks = (res.body as { tasks: Task[] }).tasks;
    expect(tasks.map((x) => x.id)).toEqual([farHigh, nearNormal, farNormal, nearLow]);
    expect(tasks.map((x) => x.id)).not.toContain(closed);
    expect(tasks.map((x) => x.id)).not.toContain(someoneElses);
    const first = tasks[1];
    expect(first?.assignedToMe).toBe(true);
    // ~111 m north of me; the title is the first line only.
    expect(first?.distanceMetres).toBeGreaterThan(100);
    expect(first?.distanceMetres).toBeLessThan(125);
    expect(first?.title).toBe('Lekkasje ved kum');
    expect(JSON.stringify(tasks)).not.toContain('Kari');
    expect(JSON.stringify(tasks)).not.toContain('kari@example.no');

    // Without a position: no distance, priority then age.
    const plain = await crew.request('GET', TASKS);
    expect(plain.status).toBe(200);
    const plainTasks = (plain.body as { tasks: Task[] }).tasks;
    expect(plainTasks.map((x) => x.id)).toEqual([farHigh, nearNormal, farNormal, nearLow]);
    expect(plainTasks.every((x) => x.distanceMetres === null)).toBe(true);
  });

  it("lists my team's tasks with scope=team, refuses a bad position, and ignores one in the URL", async () => {
    const teams = await report(HERE, { team: true });
    const res = await crew.request('GET', `${TASKS}?scope=team`);
    expect(res.status).toBe(200);
    const tasks = (res.body as { tasks: Task[] }).tasks;
    const task = tasks.find((x) => x.id === teams);
    expect(task?.team?.id).toBe(teamId);
    expect(task?.assignedToMe).toBe(false);
    const mine = await crew.request('GET', `${TASKS}?scope=mine`);
    expect((mine.body as { tasks: Task[] }).tasks.map((x) => x.id)).not.toContain(teams);

    for (const [position, code] of [
      [`${HERE.lat}`, 'invalid_request'],
      [`${HERE.lat},`, 'invalid_request'],
      [`${HERE.lat},${HERE.lon};drop`, 'invalid_request'],
      ['1'.repeat(41), 'invalid_request'],
      [`91,${HERE.lon}`, 'position_out_of_range'],
      [`${HERE.lat},-181`, 'position_out_of_range'],
    ]) {
      const refused = await crew.request('GET', TASKS, undefined, { 'device-position': position ?? '' });
      expect(refused.status, position).toBe(400);
      expect((refused.body as { error: { code: string } }).error.code, position).toBe(code);
    }
    // A position in the URL (where access logs would keep it) is not read at all.
    const inUrl = await crew.request('GET', `${TASKS}?scope=team&lat=${HERE.lat}&lon=${HERE.lon}`);
    expect(inUrl.status).toBe(200);
    expect((inUrl.body as { tasks: Task[] }).tasks.every((x) => x.distanceMetres === null)).toBe(true);
    const bad = await crew.request('GET', `${TASKS}?scope=everyone`);
    expect(bad.status).toBe(400);
  });

  it("keeps municipalities apart: another municipality's list is refused, and its reports never show", async () => {
    const other = await crew.request('GET', '/api/v1/staff/m/4003/field/tasks');
    expect(other.status).toBe(403);
    // A report of 4003 assigned to the crew (as if by a bug elsewhere) still stays out of 4001's list.
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ location: { ...PLACES.skien } }),
    });
    expect(res.status).toBe(201);
    {
      const id = (res.body as { id: string }).id;
      await t.ctx.db.db.execute(sql`update reports set assignee_id = ${crewId}::uuid where id = ${id}::uuid`);
      const list = await crew.request('GET', TASKS);
      expect((list.body as { tasks: Task[] }).tasks.map((x) => x.id)).not.toContain(id);
    }
    const reader = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] }),
    );
    expect((await reader.request('GET', TASKS)).status).toBe(403);
    expect((await t.request('GET', TASKS)).status).toBe(401);
  });

  it('never writes the position into a log line', () => {
    const all = lines.join('');
    expect(all).toContain('/field/tasks');
    expect(all).not.toContain(String(HERE.lat));
    expect(all).not.toContain(String(HERE.lon));
  });
});

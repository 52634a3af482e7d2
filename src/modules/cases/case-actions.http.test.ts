import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  buildCategory,
  buildMunicipality,
  buildPorsgrunn,
  buildReportBody,
  PLACES,
} from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import type { StaffRole } from '../accounts/roles.ts';

const base = '/api/v1/staff/m/4001/reports';

describe.each(databaseKinds())('case actions on %s', (kind) => {
  let t: TestApp;
  let handler: StaffClient;
  let handlerId: string;
  let teamId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
    const user = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['saksbehandler'],
      name: 'Siri',
    });
    handlerId = user.id;
    handler = await logInAs(t, user);
    const [team] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from teams where kommunenummer = '4001' and code = 'vei-og-park'`,
    );
    teamId = team?.id ?? '';
  });
  afterAll(() => t.close());

  async function submit(overrides: Record<string, unknown> = {}) {
    const res = await t.request('POST', '/api/v1/reports', { body: buildReportBody(overrides) });
    expect(res.status).toBe(201);
    return res.body as { id: string; ref: string; trackingToken: string };
  }

  async function staff(roles: StaffRole[], kommunenummer = '4001'): Promise<StaffClient> {
    return logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer, roles }));
  }

  async function version(id: string): Promise<string> {
    const res = await handler.request('GET', `${base}/${id}`);
    expect(res.status).toBe(200);
    return res.body.version;
  }

  async function act(path: string, id: string, body: Record<string, unknown>, client = handler) {
    return client.request('POST', `${base}/${id}/${path}`, { ...body, version: await version(id) });
  }

  function tracking(created: { ref: string; trackingToken: string }) {
    return t.request('GET', `/api/v1/reports/${created.ref}?token=${created.trackingToken}`);
  }

  it('does every action, writes each to the history with before and after, and the public page shows only public parts', async () => {
    const created = await submit();
    const [category] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from categories where kommunenummer = '4001' and code = 'avlop-tett'`,
    );
    const steps: [string, Record<string, unknown>][] = [
      ['status', { status: 'under_behandling' }],
      ['priority', { priority: 'hoy', dueAt: '2030-01-02T03:04:05.000Z' }],
      ['assignment', { teamId, assigneeId: handlerId }],
      ['replies', { message: 'Vi ser på saken i morgen.' }],
      ['notes', { message: 'INTERN: naboen har ringt tre ganger' }],
      ['correction', { categoryId: category?.id, lat: 59.141, lon: 9.661, address: 'Storgata 1' }],
      ['case-handling', { needed: true }],
      ['status', { status: 'utfort', reply: 'Lekkasjen er tettet.' }],
      [
        'forward',
        { to: 'Statens vegvesen', email: 'firmapost@vegvesen.test', message: 'De tar det videre.' },
      ],
    ];
    for (const [path, body] of steps) {
      const res = await act(path, created.id, body);
      expect(res.status, `${path}: ${res.text}`).toBe(200);
    }
    const res = await handler.request('GET', `${base}/${created.id}`);
    expect(res.body).toMatchObject({
      status: 'videresendt',
      priority: 'hoy',
      dueAt: '2030-01-02T03:04:05.000Z',
      team: { id: teamId, name: 'Vei og park' },
      assignee: { id: handlerId, name: 'Siri' },
      category: { id: category?.id },
      lat: 59.141,
      lon: 9.661,
      address: 'Storgata 1',
      needsCaseHandling: true,
      forwardedTo: 'Statens vegvesen',
      forwardedToEmail: 'firmapost@vegvesen.test',
    });
    const history = res.body.history as { kind: string; public: boolean; actor: unknown; details: unknown }[];
    expect(history.map((e) => [e.kind, e.public])).toEqual([
      ['received', true],
      ['status_changed', true],
      ['priority_changed', false],
      ['assigned', false],
      ['public_reply', true],
      ['internal_note', false],
      ['category_changed', false],
      ['location_changed', false],
      ['case_handling_flagged', false],
      ['status_changed', true],
      ['forwarded', true],
    ]);
    for (const e of history.slice(1)) expect(e.actor).toEqual({ id: handlerId, name: 'Siri' });
    expect(history[1]?.details).toEqual({
      before: { status: 'mottatt' },
      after: { status: 'under_behandling' },
    });
    expect(history[3]?.details).toMatchObject({
      before: { assigneeId: null },
      after: { teamId, assigneeId: handlerId },
    });
    expect(history[7]?.details).toMatchObject({
      before: { lat: PLACES.porsgrunn.lat, address: null },
      after: { lat: 59.141 },
    });
    const [times] = await queryRows<{ done: boolean; replied: boolean }>(
      t.ctx.db.db,
      sql`select done_at is not null as done, first_public_reply_at is not null as replied
        from reports where id = ${created.id}::uuid`,
    );
    expect(times).toEqual({ done: true, replied: true });

    const page = await tracking(created);
    expect(page.status).toBe(200);
    expect(page.body.history.map((e: { kind: string }) => e.kind)).toEqual([
      'received',
      'status_changed',
      'public_reply',
      'status_changed',
      'forwarded',
    ]);
    expect(page.body.history[2].message).toBe('Vi ser på saken i morgen.');
    expect(page.body.history[3].message).toBe('Lekkasjen er tettet.');
    expect(page.body.history[4].message).toBe('Videresendt til Statens vegvesen.\n\nDe tar det videre.');
    for (const secret of ['INTERN', 'firmapost@vegvesen.test', 'Siri', handlerId, teamId]) {
      expect(page.text).not.toContain(secret);
      expect((await t.request('GET', `/api/v1/reports/${created.ref}`)).text).not.toContain(secret);
    }
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const created = await submit();
    const stale = await version(created.id);
    expect((await act('status', created.id, { status: 'planlagt' })).status).toBe(200);
    for (const [path, body] of [
      ['status', { status: 'lukket' }],
      ['replies', { message: 'Dette skal ikke lagres' }],
      ['priority', { priority: 'lav', dueAt: null }],
      ['case-handling', { needed: true }],
    ] as const) {
      const res = await handler.request(
        'POST',
        `${base}/${created.id}/${path}`,
        { ...body, version: stale },
        {
          'accept-language': 'en',
        },
      );
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('conflict');
      expect(res.body.error.message).toMatch(/your text has been kept/);
    }
    const now = await handler.request('GET', `${base}/${created.id}`);
    expect(now.body).toMatchObject({ status: 'planlagt', priority: 'normal', needsCaseHandling: false });
    expect(now.body.history).toHaveLength(2);
  });

  it('lets only one of two simultaneous changes on the same version through', async () => {
    const created = await submit();
    const seen = await version(created.id);
    const results = await Promise.all(
      (['planlagt', 'avvist'] as const).map((status) =>
        handler.request('POST', `${base}/${created.id}/status`, { status, version: seen }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = (await handler.request('GET', `${base}/${created.id}`)).body.history;
    expect(history).toHaveLength(2);
  });

  it('checks roles: leser cannot change status, feltarbeider cannot merge, servicekontor can reply', async () => {
    const created = await submit();
    const other = await submit();
    const leser = await staff(['leser']);
    expect((await act('status', created.id, { status: 'lukket' }, leser)).status).toBe(403);
    const field = await staff(['feltarbeider']);
    expect((await act('merge', created.id, { duplicateIds: [other.id] }, field)).status).toBe(403);
    expect((await act('status', created.id, { status: 'planlagt' }, field)).status).toBe(200);
    const desk = await staff(['servicekontor']);
    expect((await act('replies', created.id, { message: 'Takk for meldingen' }, desk)).status).toBe(200);
    expect((await act('assignment', created.id, { teamId, assigneeId: null }, desk)).status).toBe(403);
    const skien = await staff(['saksbehandler'], '4003');
    expect((await act('status', created.id, { status: 'lukket' }, skien)).status).toBe(403);
    const v = await version(created.id);
    const cross = await skien.request('POST', `/api/v1/staff/m/4003/reports/${created.id}/status`, {
      status: 'lukket',
      version: v,
    });
    expect(cross.status).toBe(404);
    expect((await handler.request('GET', `${base}/${created.id}`)).body.status).toBe('planlagt');
  });

  it('refuses a team or person outside the municipality, a category of another, and a point outside it', async () => {
    const created = await submit();
    const skienStaff = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4003', roles: ['saksbehandler'] });
    const outsider = await act('assignment', created.id, { teamId: null, assigneeId: skienStaff.id });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.code).toBe('invalid_assignee');
    const [skienTeam] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`insert into teams (kommunenummer, code, name) values ('4003', 'va', 'VA Skien') returning id`,
    );
    const team = await act('assignment', created.id, { teamId: skienTeam?.id, assigneeId: null });
    expect(team.body.error.code).toBe('invalid_team');
    const skienCategory = await buildCategory(t.ctx.db.db, { kommunenummer: '4003' });
    const inactive = await buildCategory(t.ctx.db.db, { kommunenummer: '4001', active: false });
    for (const categoryId of [skienCategory.id, inactive.id]) {
      const res = await act('correction', created.id, { categoryId });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_category');
    }
    const outside = await act('correction', created.id, { ...PLACES.skien });
    expect(outside.body.error.code).toBe('location_outside_municipality');
    expect((await act('correction', created.id, {})).body.error.code).toBe('nothing_to_correct');
    expect((await handler.request('GET', `${base}/${created.id}`)).body.history).toHaveLength(1);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { addFollower } from '../../../test/support/followers.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import type { StaffRole } from '../accounts/roles.ts';
import { replyTemplates } from './schema.ts';

const base = '/api/v1/staff/m/4001/reports';

describe.each(databaseKinds())('the case view on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
  });
  afterAll(() => t.close());

  async function submit(overrides: Record<string, unknown> = {}) {
    const res = await t.request('POST', '/api/v1/reports', { body: buildReportBody(overrides) });
    expect(res.status).toBe(201);
    return res.body as { id: string; ref: string; trackingToken: string };
  }

  async function staff(
    roles: StaffRole[],
    kommunenummer = '4001',
    name = 'Siri Saksbehandler',
  ): Promise<StaffClient> {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer, roles, name });
    return logInAs(t, user);
  }

  it('shows everything about a report: labels, followers, history, version and allowed actions', async () => {
    const created = await submit();
    await addFollower(t.ctx.db.db, created.id, { email: 'nabo@example.no' });
    // Asked for but never confirmed: not a follower yet.
    await addFollower(t.ctx.db.db, created.id, { email: 'kanskje@example.no', confirmed: false });
    const leser = await staff(['leser']);
    const res = await leser.request('GET', `${base}/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: created.id,
      ref: created.ref,
      status: 'mottatt',
      priority: 'normal',
      channel: 'api',
      category: { name: 'Vannlekkasje' },
      group: { name: 'Vann' },
      description: 'Vann renner opp av asfalten ved fortauskanten.',
      team: { name: 'VA drift' },
      assignee: null,
      answers: [{ question: expect.any(String), answer: 'Det renner' }],
      photos: [],
      mergedInto: null,
      duplicates: [],
      needsCaseHandling: false,
      hasContact: true,
      history: [
        { kind: 'received', public: true, status: 'mottatt', actor: { kind: 'reporter' }, details: null },
      ],
    });
    expect(res.body.followersCount).toBe(1);
    expect(res.text).not.toContain('nabo@example.no');
    expect(new Date(res.body.version).toISOString().slice(0, 23)).toBe(res.body.updatedAt.slice(0, 23));
    expect(res.body.allowed).toMatchObject({
      'case.read': true,
      'case.change_status': false,
      'case.merge': false,
    });
    // The case view never carries the reporter's contact details.
    expect(res.text).not.toContain('kari@example.no');
    expect(res.text).not.toContain('Kari Nordmann');

    const handler = await staff(['saksbehandler']);
    const mine = await handler.request('GET', `${base}/${created.id}`, undefined, {
      'accept-language': 'en',
    });
    expect(mine.body.category.name).toBe('Water leak');
    expect(mine.body.allowed).toMatchObject({
      'case.change_status': true,
      'case.merge': true,
      'case.bulk': true,
    });
  });

  it('answers 404 for an unknown or malformed id, and for a report of another municipality', async () => {
    const handler = await staff(['saksbehandler']);
    expect((await handler.request('GET', `${base}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await handler.request('GET', `${base}/not-an-id`)).status).toBe(404);
    const created = await submit();
    const skien = await staff(['saksbehandler'], '4003');
    expect((await skien.request('GET', `/api/v1/staff/m/4003/reports/${created.id}`)).status).toBe(404);
    expect((await skien.request('GET', `${base}/${created.id}`)).status).toBe(403);
  });

  it('shows the contact to allowed roles and writes every look to the audit log', async () => {
    const created = await submit();
    const desk = await staff(['servicekontor']);
    for (let i = 0; i < 2; i++) {
      const res = await desk.request('GET', `${base}/${created.id}/contact`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        name: 'Kari Nordmann',
        email: 'kari@example.no',
        phone: expect.any(String),
        notify: 'email',
        language: 'nb',
      });
    }
    const audit = await queryRows<{ action: string; actor_id: string; kommunenummer: string }>(
      t.ctx.db.db,
      sql`select action, actor_id, kommunenummer from audit_log where entity_id = ${created.id} order by id`,
    );
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.action === 'report.contact_viewed' && a.kommunenummer === '4001')).toBe(true);

    const leser = await staff(['leser']);
    expect((await leser.request('GET', `${base}/${created.id}/contact`)).status).toBe(403);
    const skien = await staff(['admin'], '4003');
    expect((await skien.request('GET', `/api/v1/staff/m/4003/reports/${created.id}/contact`)).status).toBe(
      404,
    );
    const after = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${created.id}`,
    );
    expect(after[0]?.n).toBe(2);
  });

  it('offers reply templates for the status and category, filled in, in the reporter language', async () => {
    const created = await submit({ contact: { email: 'ola@example.no', notify: 'email', language: 'nn' } });
    const [category] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select category_id as id from reports where id = ${created.id}::uuid`,
    );
    await t.ctx.db.db.insert(replyTemplates).values([
      {
        kommunenummer: '4001',
        name: 'Mottatt',
        status: 'mottatt',
        body: {
          nb: 'Takk, {ref} om {category} er {status}. {ukjent}',
          nn: 'Takk, {ref} om {category} er {status}. {ukjent}',
        },
        sortOrder: 1,
      },
      { kommunenummer: '4001', name: 'Generell', body: { nb: 'Hei fra {municipality}' }, sortOrder: 2 },
      { kommunenummer: '4001', name: 'Ferdig', status: 'utfort', body: { nb: 'Ferdig' } },
      { kommunenummer: '4001', name: 'Inaktiv', body: { nb: 'x' }, active: false },
      {
        kommunenummer: '4001',
        name: 'Kategori',
        categoryId: category?.id ?? null,
        body: { nb: 'Om {address}' },
        sortOrder: 3,
      },
      { kommunenummer: '4003', name: 'Skien', body: { nb: 'Skien' } },
    ]);
    const desk = await staff(['servicekontor']);
    const res = await desk.request('GET', `${base}/${created.id}/reply-templates`);
    expect(res.status).toBe(200);
    expect(res.body.templates.map((tpl: { name: string }) => tpl.name)).toEqual([
      'Mottatt',
      'Generell',
      'Kategori',
    ]);
    expect(res.body.templates[0].text).toBe(`Takk, ${created.ref} om Vasslekkasje er Motteken. {ukjent}`);
    expect(res.body.templates[1].text).toBe('Hei fra Porsgrunn');
    // A reply that goes out with a change to "arbeid utført" starts from that status's templates.
    const done = await desk.request('GET', `${base}/${created.id}/reply-templates?status=utfort`);
    expect(done.body.templates.map((tpl: { name: string }) => tpl.name)).toEqual([
      'Ferdig',
      'Generell',
      'Kategori',
    ]);
    const field = await staff(['feltarbeider']);
    expect((await field.request('GET', `${base}/${created.id}/reply-templates`)).status).toBe(403);
  });
});

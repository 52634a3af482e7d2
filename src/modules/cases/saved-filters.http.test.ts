import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { INBOX } from '../../../test/support/inbox.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe.each(databaseKinds())('saved inbox filters on %s', (kind) => {
  let t: TestApp;
  let anne: StaffClient;
  let bo: StaffClient;
  let outsider: StaffClient;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.ctx.db.db;
    await buildPorsgrunn(db);
    await buildMunicipality(db, { kommunenummer: '4003', name: 'Skien', slug: 'skien-filters' });
    anne = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4001', roles: ['saksbehandler'] }));
    bo = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4001', roles: ['leser'] }));
    outsider = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4003', roles: ['admin'] }));
  });
  afterAll(() => t?.close());

  it('saves, lists and deletes only the owner’s filters', async () => {
    const created = await anne.request('POST', `${INBOX}/saved-filters`, {
      name: ' Mine åpne ',
      query: { status: 'open', assignee: 'me' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Mine åpne',
      query: { status: 'open', assignee: 'me' },
    });
    await bo.request('POST', `${INBOX}/saved-filters`, { name: 'Mine åpne', query: { status: 'mottatt' } });

    const anneList = await anne.request('GET', `${INBOX}/saved-filters`);
    expect(anneList.body).toEqual({ filters: [created.body] });
    const boList = await bo.request('GET', `${INBOX}/saved-filters`);
    expect(boList.body.filters).toHaveLength(1);
    expect(boList.body.filters[0].id).not.toBe(created.body.id);

    const stolen = await bo.request('DELETE', `${INBOX}/saved-filters/${created.body.id}`);
    expect(stolen.status).toBe(404);
    const deleted = await anne.request('DELETE', `${INBOX}/saved-filters/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await anne.request('GET', `${INBOX}/saved-filters`)).body.filters).toEqual([]);
    expect((await anne.request('DELETE', `${INBOX}/saved-filters/${created.body.id}`)).status).toBe(404);
  });

  it('refuses a second filter by the same name with 409 and a clear message', async () => {
    await anne.request('POST', `${INBOX}/saved-filters`, { name: 'Forfalte', query: { overdue: 'true' } });
    const again = await anne.request(
      'POST',
      `${INBOX}/saved-filters`,
      { name: 'Forfalte', query: {} },
      { 'accept-language': 'en' },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('saved_filter_name_taken');
    expect(again.body.error.message).toBe(
      'You already have a saved filter called "Forfalte". Choose another name.',
    );
  });

  it('validates the body and checks CSRF, login and municipality', async () => {
    expect((await anne.request('POST', `${INBOX}/saved-filters`, { name: '   ', query: {} })).status).toBe(
      400,
    );
    expect(
      (await anne.request('POST', `${INBOX}/saved-filters`, { name: 'x'.repeat(81), query: {} })).status,
    ).toBe(400);
    const noCsrf = await t.request('POST', `${INBOX}/saved-filters`, {
      body: { name: 'Uten', query: {} },
      headers: { cookie: anne.cookie },
    });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf_token_invalid');
    expect((await t.request('GET', `${INBOX}/saved-filters`)).status).toBe(401);
    expect((await outsider.request('GET', `${INBOX}/saved-filters`)).status).toBe(403);
    expect((await outsider.request('POST', `${INBOX}/saved-filters`, { name: 'X', query: {} })).status).toBe(
      403,
    );
    expect((await anne.request('DELETE', `${INBOX}/saved-filters/not-a-uuid`)).status).toBe(400);
  });
});

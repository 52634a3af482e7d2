// Categories through the administration API, as the public form sees them at once afterwards.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';

const BASE = '/api/v1/staff/m/4001/admin';

describe.each(databaseKinds())('category administration on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  let adminId: string;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
    const user = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['admin'],
      name: 'Ada Admin',
    });
    adminId = user.id;
    admin = await logInAs(t, user);
    const group = await admin.request('POST', `${BASE}/groups`, {
      code: 'grunnvann',
      name: { nb: 'Grunnvann', nn: 'Grunnvatn', en: '' },
      sortOrder: 90,
    });
    expect(group.status).toBe(201);
    expect(group.body.name).toEqual({ nb: 'Grunnvann', nn: 'Grunnvatn' });
    groupId = group.body.id;
  });
  afterAll(() => t.close());

  async function createCategory(overrides: Record<string, unknown> = {}) {
    return admin.request('POST', `${BASE}/categories`, {
      groupId,
      code: `kilde-${Math.random().toString(36).slice(2, 8)}`,
      name: { nb: 'Kilde i kjelleren', en: 'Spring in the basement' },
      ...overrides,
    });
  }

  it('creates a category that the public form lists at once and takes a report in', async () => {
    const teams = await admin.request('GET', `${BASE}/teams`);
    const team = teams.body.teams.find((x: { code: string }) => x.code === 'va-drift');
    const created = await createCategory({
      code: 'vann-i-kjeller',
      help: { nb: 'Vann som siver inn gjennom veggen.' },
      acute: true,
      deadlineHours: 8,
      defaultTeamId: team.id,
      questions: [
        {
          code: 'dybde',
          type: 'number',
          required: true,
          label: { nb: 'Hvor dypt (cm)?', en: 'How deep (cm)?' },
          min: 0,
          max: 300,
        },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'vann-i-kjeller',
      groupId,
      acute: true,
      deadlineHours: 8,
      defaultTeamId: team.id,
      contactRequired: false,
      publicDescription: true,
      nearbyRadiusMeters: 300,
      active: true,
    });

    // The public tree (the form's source) lists it, in English where given.
    const tree = await t.request('GET', '/api/v1/municipalities/4001/categories?lang=en');
    expect(tree.status).toBe(200);
    const group = tree.body.groups.find((g: { code: string }) => g.code === 'grunnvann');
    expect(group.name).toBe('Grunnvann');
    expect(group.categories).toEqual([
      expect.objectContaining({ code: 'vann-i-kjeller', name: 'Spring in the basement', acute: true }),
    ]);

    // …and a report can be posted in it, its question checked.
    const missing = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ category: 'vann-i-kjeller', answers: {} }),
    });
    expect(missing.status).toBe(422);
    const report = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ category: 'vann-i-kjeller', answers: { dybde: 12 } }),
    });
    expect(report.status).toBe(201);

    // The audit log has the creation, with the actor.
    const audit = await admin.request('GET', `${BASE}/audit?limit=5`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'category.created',
      entityId: created.body.id,
      actor: { id: adminId, name: 'Ada Admin' },
      before: null,
      after: expect.objectContaining({ code: 'vann-i-kjeller' }),
    });
  });

  it('deactivates a category: the public form drops it and refuses reports in it, at once', async () => {
    const created = await createCategory({ code: 'midlertidig' });
    // Warm the intake catalog's cache with the active category.
    expect(
      (
        await t.request('POST', '/api/v1/reports', {
          body: buildReportBody({ category: 'midlertidig', answers: {} }),
        })
      ).status,
    ).toBe(201);
    const off = await admin.request('PUT', `${BASE}/categories/${created.body.id}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const tree = await t.request('GET', '/api/v1/municipalities/4001/categories');
    const codes = tree.body.groups.flatMap((g: { categories: { code: string }[] }) =>
      g.categories.map((c) => c.code),
    );
    expect(codes).not.toContain('midlertidig');
    const refused = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ category: 'midlertidig', answers: {} }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ code: 'inactive_category' })]);
    // Still listed for administrators, and never deleted.
    const all = await admin.request('GET', `${BASE}/categories`);
    expect(all.body.categories.find((c: { id: string }) => c.id === created.body.id).active).toBe(false);
    const audit = await admin.request('GET', `${BASE}/audit?limit=1`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'category.updated',
      before: { active: true },
      after: { active: false },
    });
  });

  it('refuses a taken code with 409 and a clear message, and a malformed code with 400', async () => {
    const taken = await createCategory({ code: 'vann-lekkasje' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('code_taken');
    expect(taken.body.error.message).toContain('vann-lekkasje');
    const malformed = await createCategory({ code: 'Vann Lekkasje' });
    expect(malformed.status).toBe(400);
    const group = await admin.request('POST', `${BASE}/groups`, { code: 'vann', name: { nb: 'Vann igjen' } });
    expect(group.status).toBe(409);
  });

  it('refuses questions that do not hold together, and a team or group of another municipality', async () => {
    const bad = await createCategory({
      questions: [
        { code: 'a', type: 'single', required: true, label: { nb: 'Velg' }, options: [] },
        { code: 'a', type: 'text', required: false, label: { nb: 'Tekst' }, min: 1 },
        { code: 'b', type: 'number', required: false, label: { nb: 'Tall' }, min: 5, max: 1 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(
      bad.body.error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`),
    ).toEqual([
      'questions.0.options:options_required',
      'questions.1.code:duplicate_code',
      'questions.1.min:invalid_range',
      'questions.2.min:invalid_range',
    ]);
    const unknownType = await createCategory({
      questions: [{ code: 'x', type: 'colour', required: false, label: { nb: 'Farge' } }],
    });
    expect(unknownType.status).toBe(400);
    const noNb = await createCategory({ name: { en: 'Only English' } });
    expect(noNb.status).toBe(400);

    const [skienTeam] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`insert into teams (kommunenummer, code, name) values ('4003', 'skien-va', 'Skien VA') returning id`,
    );
    const [skienGroup] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`insert into category_groups (kommunenummer, code, name) values ('4003', 'skien', '{"nb":"Skien"}') returning id`,
    );
    const foreignTeam = await createCategory({ defaultTeamId: skienTeam?.id });
    expect(foreignTeam.status).toBe(400);
    expect(foreignTeam.body.error.details[0]).toMatchObject({
      field: 'defaultTeamId',
      code: 'not_in_municipality',
    });
    const foreignGroup = await createCategory({ groupId: skienGroup?.id });
    expect(foreignGroup.status).toBe(400);
    expect(foreignGroup.body.error.details[0].field).toBe('groupId');
  });

  it('changes every other field, keeps nulls as nulls, and answers 404 for another municipality’s category', async () => {
    const created = await createCategory({ deadlineHours: 24 });
    const changed = await admin.request('PUT', `${BASE}/categories/${created.body.id}`, {
      deadlineHours: null,
      help: null,
      contactRequired: true,
      publicDescription: false,
      nearbyRadiusMeters: 0,
      name: { nb: 'Nytt navn', nn: 'Nytt namn' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      deadlineHours: null,
      help: null,
      contactRequired: true,
      publicDescription: false,
      nearbyRadiusMeters: 0,
      name: { nb: 'Nytt navn', nn: 'Nytt namn' },
      code: created.body.code,
    });
    const [skien] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`insert into categories (kommunenummer, group_id, code, name)
        select '4003', id, 'skien-kat', '{"nb":"Skien"}' from category_groups where kommunenummer = '4003' limit 1
        returning id`,
    );
    const foreign = await admin.request('PUT', `${BASE}/categories/${skien?.id}`, { active: false });
    expect(foreign.status).toBe(404);
  });

  it('sets how much of the place the public sees, and starts a private category at the area only', async () => {
    const open = await createCategory();
    expect(open.status).toBe(201);
    expect(open.body.publicLocation).toBe('exact');
    // Descriptions kept private mean reports about someone's home: only the area by default.
    const home = await createCategory({ publicDescription: false });
    expect(home.body.publicLocation).toBe('coarse');
    const hidden = await admin.request('PUT', `${BASE}/categories/${home.body.id}`, {
      publicLocation: 'hidden',
    });
    expect(hidden.status).toBe(200);
    expect(hidden.body.publicLocation).toBe('hidden');
    const listed = await admin.request('GET', `${BASE}/categories`);
    const found = (listed.body.categories as { id: string; publicLocation: string }[]).find(
      (c) => c.id === home.body.id,
    );
    expect(found?.publicLocation).toBe('hidden');
    const wrong = await admin.request('PUT', `${BASE}/categories/${home.body.id}`, {
      publicLocation: 'fuzzy',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0]).toMatchObject({ field: 'publicLocation' });
  });

  it('sets the notice types that explain a category and its incident rule', async () => {
    const created = await createCategory();
    expect(created.body).toMatchObject({
      noticeTypes: [],
      incidentMinReports: null,
      incidentRadiusMeters: 500,
      incidentWindowMinutes: 120,
    });
    const changed = await admin.request('PUT', `${BASE}/categories/${created.body.id}`, {
      noticeTypes: ['planned_shutoff', 'unplanned_shutoff'],
      incidentMinReports: 3,
      incidentRadiusMeters: 300,
      incidentWindowMinutes: 60,
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({
      noticeTypes: ['planned_shutoff', 'unplanned_shutoff'],
      incidentMinReports: 3,
      incidentRadiusMeters: 300,
      incidentWindowMinutes: 60,
    });
    const off = await admin.request('PUT', `${BASE}/categories/${created.body.id}`, {
      incidentMinReports: null,
    });
    expect(off.body.incidentMinReports).toBeNull();
    for (const wrong of [
      { noticeTypes: ['storm'] },
      { incidentMinReports: 1 },
      { incidentRadiusMeters: 0 },
    ]) {
      const refused = await admin.request('PUT', `${BASE}/categories/${created.body.id}`, wrong);
      expect(refused.status, JSON.stringify(wrong)).toBe(400);
    }
  });

  it('reorders exactly the categories of one group, and refuses a partial or mixed list', async () => {
    const group = await admin.request('POST', `${BASE}/groups`, {
      code: 'sortering',
      name: { nb: 'Sortering' },
    });
    const ids: string[] = [];
    for (const code of ['s-en', 's-to', 's-tre']) {
      ids.push((await createCategory({ code, groupId: group.body.id })).body.id);
    }
    const reversed = [...ids].reverse();
    const ordered = await admin.request('POST', `${BASE}/categories/order`, { ids: reversed });
    expect(ordered.status).toBe(200);
    expect(ordered.body.categories.map((c: { id: string }) => c.id)).toEqual(reversed);
    const tree = await t.request('GET', '/api/v1/municipalities/4001/categories');
    const publicGroup = tree.body.groups.find((g: { code: string }) => g.code === 'sortering');
    expect(publicGroup.categories.map((c: { code: string }) => c.code)).toEqual(['s-tre', 's-to', 's-en']);

    const partial = await admin.request('POST', `${BASE}/categories/order`, { ids: reversed.slice(1) });
    expect(partial.status).toBe(400);
    const vannLekkasje = (await admin.request('GET', `${BASE}/categories`)).body.categories.find(
      (c: { code: string }) => c.code === 'vann-lekkasje',
    );
    const mixed = await admin.request('POST', `${BASE}/categories/order`, {
      ids: [...reversed, vannLekkasje.id],
    });
    expect(mixed.status).toBe(400);
    const twice = await admin.request('POST', `${BASE}/categories/order`, { ids: [ids[0], ids[0], ids[1]] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details[0].code).toBe('not_the_group');
  });

  it('renames and deactivates a group; an inactive group hides its categories from the public', async () => {
    const group = await admin.request('POST', `${BASE}/groups`, { code: 'skjult', name: { nb: 'Skjult' } });
    await createCategory({ code: 'i-skjult', groupId: group.body.id });
    const updated = await admin.request('PUT', `${BASE}/groups/${group.body.id}`, {
      name: { nb: 'Gjemt' },
      active: false,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ code: 'skjult', name: { nb: 'Gjemt' }, active: false });
    const tree = await t.request('GET', '/api/v1/municipalities/4001/categories');
    expect(tree.body.groups.map((g: { code: string }) => g.code)).not.toContain('skjult');
    const groups = await admin.request('GET', `${BASE}/groups`);
    expect(groups.body.groups.find((g: { id: string }) => g.id === group.body.id).active).toBe(false);
  });
});

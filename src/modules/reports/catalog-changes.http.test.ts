// Report intake keeps categories in memory per process. These tests change the rows underneath
// it (as an administrator or another process would) and check that no report is ever checked
// against an outdated category.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildCategory, buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { categories, categoryGroups } from '../categories/schema.ts';
import { municipalities } from '../tenants/schema.ts';

describe.each(databaseKinds())('report intake when categories change on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  const post = (category: string, answers: Record<string, unknown> = {}) =>
    t.request('POST', '/api/v1/reports', { body: buildReportBody({ category, answers }) });

  it('refuses a category deactivated after it was cached, and takes it again once reactivated', async () => {
    const category = await buildCategory(t.ctx.db.db, { kommunenummer: '4001' });
    expect((await post(category.code)).status).toBe(201);

    await t.ctx.db.db.update(categories).set({ active: false }).where(eq(categories.id, category.id));
    const refused = await post(category.code);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].code).toBe('inactive_category');

    await t.ctx.db.db.update(categories).set({ active: true }).where(eq(categories.id, category.id));
    expect((await post(category.code)).status).toBe(201);
  });

  it('applies a question made required after the category was cached', async () => {
    const category = await buildCategory(t.ctx.db.db, { kommunenummer: '4001' });
    expect((await post(category.code)).status).toBe(201);
    await t.ctx.db.db
      .update(categories)
      .set({ questions: [{ code: 'dybde', type: 'number', required: true, label: { nb: 'Dybde' } }] })
      .where(eq(categories.id, category.id));
    const refused = await post(category.code);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]).toMatchObject({ field: 'answers.dybde', code: 'required' });
    expect((await post(category.code, { dybde: 3 })).status).toBe(201);
  });

  it('refuses a category whose group was switched off', async () => {
    const category = await buildCategory(t.ctx.db.db, { kommunenummer: '4001' });
    expect((await post(category.code)).status).toBe(201);
    await t.ctx.db.db
      .update(categoryGroups)
      .set({ active: false })
      .where(eq(categoryGroups.id, category.groupId));
    expect((await post(category.code)).status).toBe(422);
  });

  it('stops taking reports when the municipality is deactivated, saying so, and resumes when on again', async () => {
    expect((await post('vann-lekkasje', { mengde: 'renner' })).status).toBe(201);
    await t.ctx.db.db
      .update(municipalities)
      .set({ enabled: false })
      .where(eq(municipalities.kommunenummer, '4001'));
    const refused = await post('vann-lekkasje', { mengde: 'renner' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('municipality_unavailable');
    expect(refused.body.error.details[0].message).toContain('Porsgrunn kommune tar ikke imot meldinger');
    await t.ctx.db.db
      .update(municipalities)
      .set({ enabled: true })
      .where(eq(municipalities.kommunenummer, '4001'));
    expect((await post('vann-lekkasje', { mengde: 'renner' })).status).toBe(201);
  });

  it('takes a category created after the process started', async () => {
    const category = await buildCategory(t.ctx.db.db, { kommunenummer: '4001' });
    expect((await post(category.code)).status).toBe(201);
  });
});

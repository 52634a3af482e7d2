// The platform operator's "add a municipality": name and address from the shipped boundaries,
// the template's setup copied with new ids and references carried over by code, in one
// transaction, and a clear refusal (with nothing changed) for what is already there.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { addMunicipalityLikeOperator } from '../../../test/support/municipalities.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { DEFAULT_ASSET_TYPES, seedAssetTypes } from '../assets/seed-asset-types.ts';
import { replyTemplates } from '../cases/schema.ts';
import { categories } from '../categories/schema.ts';
import { messageTemplates } from '../notifications/schema.ts';
import { municipalities } from './schema.ts';

/** Everything about a municipality's setup except ids, with references shown by code. */
async function setupOf(db: Database, kommunenummer: string) {
  const teams = await queryRows(
    db,
    sql`select code, name from teams where kommunenummer = ${kommunenummer} order by code`,
  );
  const groups = await queryRows(
    db,
    sql`select code, name, sort_order, active from category_groups
         where kommunenummer = ${kommunenummer} order by code`,
  );
  const tree = await queryRows<Record<string, unknown>>(
    db,
    sql`select c.code, g.code as group_code, c.name, c.help, c.acute, c.contact_required,
          c.public_description, c.questions, t.code as team_code, c.deadline_hours,
          c.nearby_radius_meters, c.sort_order, c.active,
          -- a reference that crossed over to another municipality would show here
          (g.kommunenummer = c.kommunenummer and coalesce(t.kommunenummer, c.kommunenummer) = c.kommunenummer)
            as references_own_rows
        from categories c join category_groups g on g.id = c.group_id
        left join teams t on t.id = c.default_team_id
       where c.kommunenummer = ${kommunenummer} order by c.code`,
  );
  const replies = await queryRows<Record<string, unknown>>(
    db,
    sql`select r.name, r.status, c.code as category_code, r.body, r.sort_order, r.active,
          coalesce(c.kommunenummer, r.kommunenummer) = r.kommunenummer as references_own_rows
        from reply_templates r left join categories c on c.id = r.category_id
       where r.kommunenummer = ${kommunenummer} order by r.name`,
  );
  const texts = await queryRows(
    db,
    sql`select kind, channel, language, subject, body from message_templates
         where kommunenummer = ${kommunenummer} order by kind, channel, language`,
  );
  return { teams, groups, tree, replies, texts };
}

async function ids(db: Database, kommunenummer: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from teams where kommunenummer = ${kommunenummer}
        union all select id from category_groups where kommunenummer = ${kommunenummer}
        union all select id from categories where kommunenummer = ${kommunenummer}
        union all select id from reply_templates where kommunenummer = ${kommunenummer}
        union all select id from message_templates where kommunenummer = ${kommunenummer}`,
  );
  return new Set(rows.map((r) => r.id));
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function count(db: Database, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}

describe.each(databaseKinds())('adding a municipality like the platform operator on %s', (kind) => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.handle.db;
    await buildPorsgrunn(db);
    // Porsgrunn's own reply templates (one for a category) and message wording, to be copied too.
    const [leak] = await db.select().from(categories).where(eq(categories.code, 'vann-lekkasje'));
    await db.insert(replyTemplates).values([
      {
        kommunenummer: '4001',
        name: 'Takk',
        body: { nb: 'Takk for meldingen om {category}.' },
        sortOrder: 1,
      },
      {
        kommunenummer: '4001',
        name: 'Lekkasje funnet',
        status: 'planlagt',
        categoryId: leak?.id ?? null,
        body: { nb: 'Vi har funnet lekkasjen.', en: 'We found the leak.' },
        sortOrder: 2,
      },
    ]);
    await db.insert(messageTemplates).values({
      kommunenummer: '4001',
      kind: 'receipt',
      channel: 'email',
      language: 'nb',
      subject: 'Vi har fått meldingen din',
      body: 'Takk! Saken har nummer {ref}.',
    });
  });
  afterAll(() => database.close());

  it('copies the template’s setup with new ids, teams mapped by code, and no report links', async () => {
    const added = await addMunicipalityLikeOperator(db, '4003', { adminEmail: ' Admin@Skien.Kommune.TEST ' });
    expect(added).toMatchObject({
      kommunenummer: '4003',
      name: 'Skien',
      slug: 'skien',
      defaultLanguage: 'nb',
      templateFrom: '4001',
      copied: { teams: 2, groups: 4, categories: 19, replyTemplates: 2, messageTemplates: 1 },
      adminInvitation: {
        kommunenummer: '4003',
        email: 'admin@skien.kommune.test',
        name: 'admin',
        language: 'nb',
        roles: ['admin'],
        teamIds: [],
        invitedBy: null,
      },
    });
    const [skien] = await db.select().from(municipalities).where(eq(municipalities.kommunenummer, '4003'));
    expect(skien).toMatchObject({ name: 'Skien', slug: 'skien', enabled: true, defaultLanguage: 'nb' });

    const template = await setupOf(db, '4001');
    const copy = await setupOf(db, '4003');
    expect(copy).toEqual(template);
    expect(copy.tree.every((c) => c.references_own_rows)).toBe(true);
    expect(copy.replies.map((r) => r.category_code)).toEqual(['vann-lekkasje', null]);
    expect(copy.replies.every((r) => r.references_own_rows)).toBe(true);

    const templateIds = await ids(db, '4001');
    const copyIds = await ids(db, '4003');
    expect(copyIds.size).toBe(templateIds.size);
    expect([...copyIds].filter((id) => templateIds.has(id))).toEqual([]);

    const [links] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from report_links where kommunenummer = '4003'`,
    );
    expect(links?.n).toBe(0);
    const audit = await queryRows(
      db,
      sql`select actor_id, action, entity_id, after->>'templateFrom' as "from" from audit_log
           where kommunenummer = '4003' and entity_type = 'municipality'`,
    );
    expect(audit).toEqual([
      { actor_id: null, action: 'municipality.created', entity_id: '4003', from: '4001' },
    ]);
  });

  it('refuses an existing kommunenummer or slug, and an unknown kommunenummer or template, changing nothing', async () => {
    const before = await Promise.all(
      ['municipalities', 'teams', 'categories', 'audit_log'].map((t) => count(db, t)),
    );

    const again = await refusal(addMunicipalityLikeOperator(db, '4001'));
    expect(again).toMatchObject({ status: 409, code: 'municipality_exists' });
    expect(again.localized.en).toBe('Municipality 4001 (Porsgrunn) already exists. Nothing was changed.');

    // Another municipality wanting Porsgrunn's address.
    const slug = await refusal(addMunicipalityLikeOperator(db, '4005', { slug: 'porsgrunn' }));
    expect(slug).toMatchObject({ status: 409, code: 'slug_taken' });
    expect(slug.localized.en).toContain('--slug');

    const unknown = await refusal(addMunicipalityLikeOperator(db, '9999'));
    expect(unknown).toMatchObject({ status: 404, code: 'unknown_kommunenummer' });
    expect(unknown.localized.en).toContain('9999');

    const noTemplate = await refusal(addMunicipalityLikeOperator(db, '4005', { from: '3301' }));
    expect(noTemplate).toMatchObject({ status: 404, code: 'template_not_found' });

    const badSlug = await refusal(addMunicipalityLikeOperator(db, '4005', { slug: 'Bamble Kommune' }));
    expect(badSlug).toMatchObject({ status: 400, code: 'invalid_slug' });
    const badEmail = await refusal(addMunicipalityLikeOperator(db, '4005', { adminEmail: 'not-an-address' }));
    expect(badEmail).toMatchObject({ status: 400, code: 'invalid_email' });

    const after = await Promise.all(
      ['municipalities', 'teams', 'categories', 'audit_log'].map((t) => count(db, t)),
    );
    expect(after).toEqual(before);
  });

  it('gives two municipalities with the same name different addresses only when told (Herøy)', async () => {
    const first = await addMunicipalityLikeOperator(db, '1515');
    expect(first).toMatchObject({ name: 'Herøy', slug: 'heroy' });
    const clash = await refusal(addMunicipalityLikeOperator(db, '1818'));
    expect(clash).toMatchObject({ status: 409, code: 'slug_taken' });
    const second = await addMunicipalityLikeOperator(db, '1818', { slug: 'heroy-nordland' });
    expect(second).toMatchObject({ name: 'Herøy', slug: 'heroy-nordland' });
  });

  it('takes a name, a slug and nynorsk when given, and adds exactly one of two simultaneous attempts', async () => {
    const vinje = await addMunicipalityLikeOperator(db, '4036', {
      name: 'Vinje kommune',
      language: 'nn',
      adminName: 'Kari Vinje',
    });
    expect(vinje).toMatchObject({ name: 'Vinje kommune', slug: 'vinje-kommune', defaultLanguage: 'nn' });
    expect(vinje.adminInvitation).toMatchObject({ name: 'Kari Vinje', language: 'nn' });

    const attempts = await Promise.allSettled([
      addMunicipalityLikeOperator(db, '4012'),
      addMunicipalityLikeOperator(db, '4012'),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const [failed] = attempts.filter((a) => a.status === 'rejected');
    expect(failed?.reason).toMatchObject({ status: 409, code: 'municipality_exists' });
    expect((await setupOf(db, '4012')).tree).toHaveLength(19);
  });
});

describe.each(databaseKinds())('adding a municipality without a template on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('starts empty when there is no 4001 and no --from', async () => {
    const added = await addMunicipalityLikeOperator(database.handle.db, '4003');
    expect(added).toMatchObject({
      templateFrom: null,
      copied: { teams: 0, groups: 0, categories: 0, replyTemplates: 0, messageTemplates: 0 },
    });
    const [row] = await database.handle.db.select().from(municipalities);
    expect(row).toMatchObject({ kommunenummer: '4003', enabled: true, languages: ['nb', 'nn', 'en'] });
  });

  it('gives the new municipality the default asset types, once', async () => {
    const db = database.handle.db;
    const types = await queryRows<{ code: string; name: { nb: string } }>(
      db,
      sql`select code, name from asset_types where kommunenummer = '4003' order by sort_order`,
    );
    expect(types.map((t) => t.code)).toEqual(DEFAULT_ASSET_TYPES.map((t) => t.code));
    expect(types[0]?.name.nb).toBe('Brannhydrant');
    expect(await seedAssetTypes(db, '4003')).toBe(0);
  });
});

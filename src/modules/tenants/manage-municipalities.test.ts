// Renaming, deactivating and listing municipalities as the platform operator: each change in
// the audit log with no actor, a clear refusal for what does not exist or is taken.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { addMunicipalityLikeOperator } from '../../../test/support/municipalities.ts';
import { buildStaffUser } from '../../../test/support/staff.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { listMunicipalities } from './list-municipalities.ts';
import { renameMunicipality } from './rename-municipality.ts';
import { setMunicipalityEnabled } from './set-municipality-enabled.ts';

function auditOf(db: Database, kommunenummer: string) {
  return queryRows<{ actor_id: string | null; action: string; before: unknown; after: unknown }>(
    db,
    sql`select actor_id, action, before, after from audit_log
         where entity_type = 'municipality' and entity_id = ${kommunenummer} order by id`,
  );
}

describe.each(databaseKinds())('managing municipalities like the platform operator on %s', (kind) => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.handle.db;
    await buildPorsgrunn(db);
    await addMunicipalityLikeOperator(db, '4003');
  });
  afterAll(() => database.close());

  it('renames, keeping the address unless a new one is given, and refuses a taken address', async () => {
    expect(await renameMunicipality(db, { kommunenummer: '4003', name: 'Skien by' })).toEqual({
      name: 'Skien by',
      slug: 'skien',
      changed: true,
    });
    expect(
      await renameMunicipality(db, { kommunenummer: '4003', name: 'Skien', slug: 'skien-kommune' }),
    ).toEqual({
      name: 'Skien',
      slug: 'skien-kommune',
      changed: true,
    });
    expect(await renameMunicipality(db, { kommunenummer: '4003', name: 'Skien' })).toMatchObject({
      changed: false,
    });
    await expect(
      renameMunicipality(db, { kommunenummer: '4003', name: 'Skien', slug: 'porsgrunn' }),
    ).rejects.toMatchObject({ status: 409, code: 'slug_taken' });
    await expect(renameMunicipality(db, { kommunenummer: '4003', name: '  ' })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_name',
    });
    await expect(renameMunicipality(db, { kommunenummer: '4005', name: 'Notodden' })).rejects.toMatchObject({
      status: 404,
      code: 'municipality_not_found',
    });
    const renames = (await auditOf(db, '4003')).filter((a) => a.action === 'municipality.renamed');
    expect(renames).toEqual([
      {
        actor_id: null,
        action: 'municipality.renamed',
        before: { name: 'Skien', slug: 'skien' },
        after: { name: 'Skien by', slug: 'skien' },
      },
      {
        actor_id: null,
        action: 'municipality.renamed',
        before: { name: 'Skien by', slug: 'skien' },
        after: { name: 'Skien', slug: 'skien-kommune' },
      },
    ]);
  });

  it('deactivates and activates, recording only real changes', async () => {
    expect(await setMunicipalityEnabled(db, '4003', false)).toEqual({ name: 'Skien', changed: true });
    expect(await setMunicipalityEnabled(db, '4003', false)).toEqual({ name: 'Skien', changed: false });
    expect(await setMunicipalityEnabled(db, '4003', true)).toEqual({ name: 'Skien', changed: true });
    await expect(setMunicipalityEnabled(db, '4005', false)).rejects.toMatchObject({ status: 404 });
    const switches = (await auditOf(db, '4003')).filter((a) => a.action !== 'municipality.renamed').slice(1);
    expect(switches).toEqual([
      {
        actor_id: null,
        action: 'municipality.deactivated',
        before: { enabled: true },
        after: { enabled: false },
      },
      {
        actor_id: null,
        action: 'municipality.activated',
        before: { enabled: false },
        after: { enabled: true },
      },
    ]);
  });

  it('lists every municipality with its active staff and its reports', async () => {
    await buildStaffUser(db, { kommunenummer: '4003', roles: ['admin', 'saksbehandler'] });
    await buildStaffUser(db, { kommunenummer: '4003', roles: ['leser'] });
    const gone = await buildStaffUser(db, { kommunenummer: '4003', roles: ['leser'] });
    await db.execute(sql`update staff_users set active = false where id = ${gone.id}::uuid`);
    await db.execute(sql`insert into reports (kommunenummer, ref, category_id, channel, description, address, tracking_token_hash)
      select '4001', '4001-2026-09999', c.id, 'web', 'Lekkasje', 'Storgata 1', '\\x00'::bytea
        from categories c where c.kommunenummer = '4001' and c.code = 'vann-lekkasje'`);
    await setMunicipalityEnabled(db, '4003', false);
    expect(await listMunicipalities(db)).toEqual([
      {
        kommunenummer: '4001',
        name: 'Porsgrunn',
        slug: 'porsgrunn',
        enabled: true,
        staffCount: 0,
        reportCount: 1,
      },
      {
        kommunenummer: '4003',
        name: 'Skien',
        slug: 'skien-kommune',
        enabled: false,
        staffCount: 2,
        reportCount: 0,
      },
    ]);
  });
});

// The migration that brings follower confirmation and each category's public place: followers from
// before it keep their updates (they count as confirmed), and categories that kept descriptions
// private show only the area from then on. Applied on top of a database with data in it, on
// PGlite and PostgreSQL, the way an installation upgrades.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.ts';
import { databaseUrl, randomDatabaseName, withAdminClient } from '../../test/support/template.ts';
import { type DatabaseHandle, openDatabase, queryRows } from './client.ts';
import { MIGRATIONS_FOLDER, migrateDatabase } from './migrate.ts';

interface Journal {
  entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
}

/** The migrations before the one that adds follower confirmation, in a folder of their own. */
function migrationsBefore(): string {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as Journal;
  const at = journal.entries.findIndex((e) =>
    readFileSync(`${MIGRATIONS_FOLDER}/${e.tag}.sql`, 'utf8').includes('"confirmed_at"'),
  );
  if (at < 1) throw new Error('the follower confirmation migration was not found');
  const dir = mkdtempSync(path.join(tmpdir(), 'meldepunkt-migrations-'));
  const earlier = journal.entries.slice(0, at);
  cpSync(`${MIGRATIONS_FOLDER}/meta`, `${dir}/meta`, { recursive: true });
  writeFileSync(`${dir}/meta/_journal.json`, JSON.stringify({ ...journal, entries: earlier }));
  for (const file of readdirSync(MIGRATIONS_FOLDER)) {
    if (earlier.some((e) => file === `${e.tag}.sql`))
      cpSync(`${MIGRATIONS_FOLDER}/${file}`, `${dir}/${file}`);
  }
  return dir;
}

async function openEarlier(kind: 'pglite' | 'postgres', folder: string) {
  if (kind === 'pglite') {
    const handle = await openDatabase({ kind: 'embedded' });
    await migratePglite(handle.db as Parameters<typeof migratePglite>[0], { migrationsFolder: folder });
    return { handle, drop: async () => {} };
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  const name = randomDatabaseName(template.prefix);
  await withAdminClient(template.base, (client) => client.query(`create database ${name}`));
  const handle = await openDatabase({ kind: 'server', url: databaseUrl(template.base, name), poolMax: 2 });
  if (handle.kind !== 'pg') throw new Error('no pool');
  await migratePg(drizzle(handle.pool), { migrationsFolder: folder });
  return {
    handle,
    drop: () =>
      withAdminClient(template.base, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      ),
  };
}

/** A municipality, a private and an open category, a report and a follower, as before the upgrade. */
async function seedOldData(handle: DatabaseHandle): Promise<void> {
  const db = handle.db;
  await db.execute(sql`insert into municipalities (kommunenummer, name, slug, default_language, languages, enabled)
    values ('4001', 'Porsgrunn', 'porsgrunn', 'nb', '{nb}', true)`);
  await db.execute(
    sql`insert into category_groups (kommunenummer, code, name) values ('4001', 'vann', '{"nb":"Vann"}')`,
  );
  await db.execute(sql`insert into categories (kommunenummer, group_id, code, name, public_description)
    select '4001', id, 'vann-lukt-smak', '{"nb":"Lukt"}'::jsonb, false from category_groups
    union all select '4001', id, 'vann-lekkasje', '{"nb":"Lekkasje"}'::jsonb, true from category_groups`);
  await db.execute(sql`insert into reports (ref, kommunenummer, category_id, channel, description, lat, lon, tracking_token_hash)
    select '4001-2026-00001', '4001', id, 'api', 'Lekker', 59.14, 9.66, '\\x00'::bytea from categories where code = 'vann-lekkasje'`);
  await db.execute(sql`insert into report_followers (report_id, email, language, created_at)
    select id, 'nabo@example.no', 'nb', '2026-03-01T10:00:00Z' from reports`);
}

describe.each(databaseKinds())('the follower consent and public place migration on %s', (kind) => {
  const folder = migrationsBefore();
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps earlier followers as confirmed and shows private categories by area only', async () => {
    const { handle, drop } = await openEarlier(kind, folder);
    try {
      await seedOldData(handle);
      await migrateDatabase(handle);
      const followers = await queryRows<{ email: string; confirmed: boolean; same: boolean }>(
        handle.db,
        sql`select email, confirmed_at is not null as confirmed, confirmed_at = created_at as same from report_followers`,
      );
      expect(followers).toEqual([{ email: 'nabo@example.no', confirmed: true, same: true }]);
      const places = await queryRows<{ code: string; public_location: string }>(
        handle.db,
        sql`select code, public_location from categories order by code`,
      );
      expect(places).toEqual([
        { code: 'vann-lekkasje', public_location: 'exact' },
        { code: 'vann-lukt-smak', public_location: 'coarse' },
      ]);
    } finally {
      await handle.close();
      await drop();
    }
  });
});

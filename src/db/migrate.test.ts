import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { postgresTemplateOrFail, runsWithPostgres } from '../../test/support/requirements.ts';
import { databaseUrl, randomDatabaseName, withAdminClient } from '../../test/support/template.ts';
import { openDatabase, queryRows } from './client.ts';
import { isSchemaCurrent, migrateDatabase, migrateIfNeeded } from './migrate.ts';

describe('migrations', () => {
  it('apply to a fresh PGlite and report the schema as current', async () => {
    const handle = await openDatabase({ kind: 'embedded' });
    try {
      await expect(isSchemaCurrent(handle.db)).rejects.toThrow();
      expect(await migrateIfNeeded(handle)).toBe(true);
      expect(await isSchemaCurrent(handle.db)).toBe(true);
      // Applying again is a no-op, and a start that finds the schema current skips it.
      await migrateDatabase(handle);
      expect(await isSchemaCurrent(handle.db)).toBe(true);
      expect(await migrateIfNeeded(handle)).toBe(false);
    } finally {
      await handle.close();
    }
    // A new PGlite's initdb takes seconds alone, far longer while other tests share the cores.
  }, 300_000);

  it.runIf(runsWithPostgres())(
    'run once when several processes start together on one PostgreSQL server',
    async () => {
      const pg = postgresTemplateOrFail();
      const name = randomDatabaseName(pg.prefix);
      await withAdminClient(pg.base, (client) => client.query(`create database ${name}`));
      const url = databaseUrl(pg.base, name);
      const handles = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ kind: 'server', url, poolMax: 2 })),
      );
      try {
        await Promise.all(handles.map((h) => migrateDatabase(h)));
        const first = handles[0];
        if (!first) throw new Error('no handle');
        const rows = await queryRows<{ n: number }>(
          first.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        const journal = await import('./migrations/meta/_journal.json', { with: { type: 'json' } });
        expect(rows[0]?.n).toBe(journal.default.entries.length);
        expect(await isSchemaCurrent(first.db)).toBe(true);
      } finally {
        await Promise.all(handles.map((h) => h.close()));
        await withAdminClient(pg.base, (client) =>
          client.query(`drop database if exists ${name} with (force)`),
        );
      }
    },
  );
});

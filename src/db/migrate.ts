// Applies the checked-in migrations. On a PostgreSQL server, processes that start together take
// turns under an advisory lock, so only one applies each migration and the others find it done.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type Database, type DatabaseHandle, queryRows } from './client.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Arbitrary but fixed: identifies "Meldepunkt migrations" among advisory locks. */
const MIGRATION_LOCK_KEY = 40_012_026;

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

function latestMigrationTimestamp(): number {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as Journal;
  return Math.max(...journal.entries.map((e) => e.when));
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as Parameters<typeof migratePglite>[0], {
      migrationsFolder: MIGRATIONS_FOLDER,
    });
    return;
  }
  const client = await handle.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** True when the database answers and has every migration this code knows of. */
export async function isSchemaCurrent(db: Database): Promise<boolean> {
  const expected = latestMigrationTimestamp();
  const rows = await queryRows<{ latest: string | number | null }>(
    db,
    sql`select max(created_at) as latest from drizzle.__drizzle_migrations`,
  );
  const latest = rows[0]?.latest;
  return latest !== null && latest !== undefined && Number(latest) >= expected;
}

/**
 * Applies the migrations unless the schema is already current, which one query tells: a restart
 * then skips reading every migration file and, on a server, waiting for the advisory lock.
 * Returns whether migrations were run.
 */
export async function migrateIfNeeded(handle: DatabaseHandle): Promise<boolean> {
  // Any failure (no migrations table yet on a new database) means: run the migrator, which
  // reports real problems itself.
  const current = await isSchemaCurrent(handle.db).catch(() => false);
  if (current) return false;
  await migrateDatabase(handle);
  return true;
}

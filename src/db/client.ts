// One place that knows whether the database is embedded PostgreSQL (PGlite, in-process) or a
// PostgreSQL server (a pg pool). Everything else sees a Drizzle `Database` and does not care.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction on it: what queries and use cases take. */
export type Queryable = Database | Transaction;

export type DatabaseTarget =
  | { kind: 'server'; url: string; poolMax?: number }
  /** `dataDir` undefined means in memory (tests); `loadDataDir` restores a dumped template. */
  | { kind: 'embedded'; dataDir?: string; loadDataDir?: Blob | File };

export interface DatabaseHandle {
  kind: 'server' | 'embedded';
  db: Database;
  /** Present in embedded mode: the PGlite instance (pg-boss needs it for its adapter). */
  pglite?: PGlite;
  /** Present in server mode. */
  pool?: pg.Pool;
  /** Present in server mode: the connection URL (pg-boss opens its own small pool). */
  url?: string;
  close(): Promise<void>;
}

const drizzleOptions = { schema, casing: 'snake_case' } as const;

// PostgreSQL returns bigint (int8) and numeric as strings by default; counts here fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export async function openDatabase(
  target: DatabaseTarget,
  onPoolError: (error: Error) => void = () => {},
): Promise<DatabaseHandle> {
  if (target.kind === 'server') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolMax ?? 10,
      application_name: 'meldepunkt',
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', onPoolError);
    const db = drizzlePg(pool, drizzleOptions) as unknown as Database;
    return { kind: 'server', db, pool, url: target.url, close: () => pool.end() };
  }

  let lock: DirectoryLock | undefined;
  let dataPath: string | undefined;
  if (target.dataDir) {
    await mkdir(target.dataDir, { recursive: true });
    // PGlite is one process's database: a second process on the same files would corrupt them.
    lock = await acquireDirectoryLock(target.dataDir);
    dataPath = path.join(target.dataDir, 'pglite');
  }
  try {
    const pglite = new PGlite({ dataDir: dataPath, loadDataDir: target.loadDataDir });
    await pglite.waitReady;
    const db = drizzlePglite(pglite, drizzleOptions) as unknown as Database;
    return {
      kind: 'embedded',
      db,
      pglite,
      close: async () => {
        await pglite.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

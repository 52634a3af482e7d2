// One place that knows whether the database is embedded PostgreSQL (PGlite, in-process) or a
// PostgreSQL server (a pg pool). Everything else sees a Drizzle `Database` and does not care.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { type PgDatabase, PgDialect, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg, { type QueryResultRow } from 'pg';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.ts';
import { initdbOutOfProcess, PGLITE_CONF } from './pglite-memory.ts';
import { queryNamedOnPglite } from './pglite-prepared.ts';
import { embeddedDatabasePrepared, pgliteDirectory } from './prepare-embedded.ts';
import { gatePglite, type QueryGate } from './query-gate.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction on it: what queries and use cases take. */
export type Queryable = Database | Transaction;

export type ServerTarget = { kind: 'server'; url: string; poolMax?: number };
/** `dataDir` undefined means in memory (tests); `loadDataDir` restores a dumped template. */
export type EmbeddedTarget = { kind: 'embedded'; dataDir?: string; loadDataDir?: Blob | File };
export type DatabaseTarget = ServerTarget | EmbeddedTarget;

/** The database the configuration names: a PostgreSQL server when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function configuredDatabase(
  config: { databaseUrl: string | undefined; dataDir: string; databasePoolMax: number },
  poolMax = config.databasePoolMax,
): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'server', url: config.databaseUrl, poolMax }
    : { kind: 'embedded', dataDir: config.dataDir };
}

interface HandleBase {
  db: Database;
  close(): Promise<void>;
}

/** Embedded PostgreSQL in this process (pg-boss and LISTEN use the instance directly). */
export interface PgliteHandle extends HandleBase {
  kind: 'pglite';
  pglite: PGlite;
  /** The queue every PGlite statement waits in (see query-gate.ts). */
  queryGate: QueryGate;
}

/** A PostgreSQL server through a pool; `url` for what opens connections of its own (pg-boss, LISTEN). */
export interface PgHandle extends HandleBase {
  kind: 'pg';
  pool: pg.Pool;
  url: string;
}

export type DatabaseHandle = PgliteHandle | PgHandle;

const drizzleOptions = { schema, casing: 'snake_case' } as const;

// PostgreSQL returns bigint (int8) and numeric as strings by default; counts here fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export async function openDatabase(
  target: ServerTarget,
  onPoolError?: (error: Error) => void,
): Promise<PgHandle>;
export async function openDatabase(target: EmbeddedTarget): Promise<PgliteHandle>;
export async function openDatabase(
  target: DatabaseTarget,
  onPoolError?: (error: Error) => void,
): Promise<DatabaseHandle>;
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
    return { kind: 'pg', db, pool, url: target.url, close: () => pool.end() };
  }

  let lock: DirectoryLock | undefined;
  let dataPath: string | undefined;
  if (target.dataDir) {
    await mkdir(target.dataDir, { recursive: true });
    // PGlite is one process's database: a second process on the same files would corrupt them.
    lock = await acquireDirectoryLock(target.dataDir);
    dataPath = pgliteDirectory(target.dataDir);
    // A new directory's initdb may have been started early, in a worker (see prepare-embedded.ts).
    await embeddedDatabasePrepared(dataPath);
  }
  try {
    // Memory: see pglite-memory.ts.
    if (dataPath && !target.loadDataDir) await initdbOutOfProcess(dataPath);
    const pglite = new PGlite({
      dataDir: dataPath,
      loadDataDir: target.loadDataDir,
      postgresqlconf: PGLITE_CONF,
    });
    await pglite.waitReady;
    const queryGate = gatePglite(pglite);
    const db = drizzlePglite(pglite, drizzleOptions) as unknown as Database;
    return {
      kind: 'pglite',
      db,
      pglite,
      queryGate,
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

const dialect = new PgDialect({ casing: 'snake_case' });
const statementNames = new Map<string, string>();

/**
 * Runs a hot statement as a named prepared statement on a PostgreSQL server, so its plan is made
 * once per connection instead of on every call (for large statements, planning costs more than
 * running). The name is derived from the SQL text, so every shape gets its own statement. On
 * PGlite the same, once per database instance (pglite-prepared.ts), in the query gate.
 */
export async function queryPrepared<T>(handle: DatabaseHandle, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  let name = statementNames.get(text);
  if (!name) {
    name = `mp_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  if (handle.kind === 'pglite') {
    const { pglite } = handle;
    const statement = name;
    return handle.queryGate.run(() => queryNamedOnPglite<T>(pglite, statement, text, params));
  }
  const result = await handle.pool.query<T & QueryResultRow>({ name, text, values: params });
  return result.rows;
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

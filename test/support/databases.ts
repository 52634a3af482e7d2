// A fresh database for one test file: a restored copy of the PGlite template, or a clone of the
// PostgreSQL template. Tests run against both when TEST_DATABASE_URL is set.
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import { databaseUrl, randomDatabaseName, withAdminClient } from './template.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** The database kinds this run tests against. */
export function databaseKinds(): DatabaseKind[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** For PostgreSQL: the URL of this file's own database (to start a server process on it). */
  url?: string;
  close(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const tar = await readFile(inject('pgliteTemplateFile'));
    const handle = await openDatabase({ kind: 'embedded', loadDataDir: new Blob([tar]) });
    return { handle, close: () => handle.close() };
  }
  const pgTemplate = inject('postgresTemplate');
  if (!pgTemplate) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  const name = randomDatabaseName(pgTemplate.prefix);
  await withAdminClient(pgTemplate.base, (client) =>
    client.query(`create database ${name} template ${pgTemplate.template}`),
  );
  const url = databaseUrl(pgTemplate.base, name);
  const handle = await openDatabase({ kind: 'server', url, poolMax: 5 });
  return {
    handle,
    url,
    close: async () => {
      await handle.close();
      await withAdminClient(pgTemplate.base, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

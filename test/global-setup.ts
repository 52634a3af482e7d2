// Runs once before all test files: builds the back office into admin/dist when it is stale (the
// browser tests load it), then a migrated template database for PGlite (a dumped data directory)
// and, when TEST_DATABASE_URL is set, for the PostgreSQL server. CI sets it; when it is set and
// the server cannot be reached, the run fails instead of quietly skipping PostgreSQL.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildAdminIfStale } from '../scripts/build-admin.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { startJobQueue } from '../src/jobs/queue.ts';
import { databaseUrl, runPrefix, withAdminClient } from './support/template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateFile: string;
    postgresTemplate: { base: string; template: string; prefix: string } | null;
  }
}

async function buildPgliteTemplate(dir: string): Promise<string> {
  const handle = await openDatabase({ kind: 'embedded' });
  await migrateDatabase(handle);
  const jobs = await startJobQueue(handle, { supervise: false });
  await jobs.boss.stop({ graceful: false, close: false });
  const dump = await handle.pglite.dumpDataDir('none');
  await handle.close();
  if (!dump) throw new Error('PGlite did not dump its data directory');
  const file = path.join(dir, 'pglite-template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

async function buildPostgresTemplate(base: string, prefix: string): Promise<string> {
  const template = `${prefix}_template`;
  try {
    await withAdminClient(base, (client) => client.query(`create database ${template}`));
  } catch (error) {
    throw new Error(
      `TEST_DATABASE_URL is set (${base}) but PostgreSQL cannot be used: ${(error as Error).message}. ` +
        'Start PostgreSQL or unset TEST_DATABASE_URL to test on PGlite only.',
    );
  }
  const handle = await openDatabase({ kind: 'server', url: databaseUrl(base, template), poolMax: 2 });
  await migrateDatabase(handle);
  const jobs = await startJobQueue(handle, { supervise: false });
  await jobs.stop();
  await handle.close();
  return template;
}

async function dropTestDatabases(base: string, prefix: string): Promise<void> {
  await withAdminClient(base, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${prefix}_%`],
    );
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  });
}

export default async function setup(project: TestProject) {
  // The browser tests load the back office from admin/dist: build it first if it is stale.
  await buildAdminIfStale({ quiet: true });
  const dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-test-'));
  const base = process.env.TEST_DATABASE_URL?.trim() || undefined;
  // In CI every database test must run on PostgreSQL too: a missing URL fails the run at once
  // instead of quietly testing PGlite alone (.ci/run sets both).
  const ci = process.env.CI?.trim().toLowerCase();
  if (ci && ci !== 'false' && ci !== '0' && !base) {
    throw new Error('CI is set but TEST_DATABASE_URL is not: the tests must run on PostgreSQL in CI.');
  }
  const prefix = runPrefix();
  const [pgliteTemplateFile, template] = await Promise.all([
    buildPgliteTemplate(dir),
    base ? buildPostgresTemplate(base, prefix) : Promise.resolve(null),
  ]);
  project.provide('pgliteTemplateFile', pgliteTemplateFile);
  project.provide('postgresTemplate', base && template ? { base, template, prefix } : null);

  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (base) await dropTestDatabases(base, prefix);
  };
}

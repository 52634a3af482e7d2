import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { openDatabase, queryRows } from './client.ts';
import {
  embeddedDatabasePrepared,
  pgliteDirectory,
  startPreparingEmbeddedDatabase,
} from './prepare-embedded.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

it("creates a new data directory's cluster in a worker, in place only when complete, and openDatabase uses it", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-prepare-'));
  dirs.push(dir);
  startPreparingEmbeddedDatabase(dir);
  // While initdb runs, only the scratch directory exists.
  expect(existsSync(path.join(pgliteDirectory(dir), 'PG_VERSION'))).toBe(false);
  await embeddedDatabasePrepared(pgliteDirectory(dir));
  expect(await readdir(dir)).toEqual(['pglite']);
  expect(existsSync(path.join(pgliteDirectory(dir), 'PG_VERSION'))).toBe(true);

  const handle = await openDatabase({ kind: 'embedded', dataDir: dir });
  try {
    const rows = await queryRows<{ one: number }>(handle.db, sql`select 1 as one`);
    expect(rows).toEqual([{ one: 1 }]);
  } finally {
    await handle.close();
  }
}, 300_000); // initdb takes seconds alone, far longer while other tests share the cores.

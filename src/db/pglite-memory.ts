// What keeps the embedded database's memory small. PGlite's WebAssembly heap only ever grows, and
// every page Postgres touches stays resident, so its defaults (made for a server) decide the
// process's RSS: 128 MB of shared buffers, 64 MB for index builds, and on the very first start the
// initdb module, whose memory the process keeps afterwards. One municipality's data is small and
// the operating system caches the files anyway, so smaller buffers cost little, and the first
// initdb runs in a short-lived child process (pglite-initdb.ts) instead of this one.
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * postgresql.conf lines for every embedded database (tests' in-memory ones too). 8 MB of shared
 * buffers rather than 16: a fresh demo's idle RSS was 281–322 MiB over six runs, four of them
 * under 300 (16 MB: 292–312 over five). The ranges overlap; the lower level is what made us
 * keep it. Intake and a 50,000-asset import showed no difference beyond the spread between runs
 * (PGlite intake 438–464 req/s with either).
 */
export const PGLITE_CONF = ['shared_buffers = 8MB', 'wal_buffers = 1MB', 'maintenance_work_mem = 16MB'];

const INITDB_SCRIPT = fileURLToPath(new URL('./pglite-initdb.ts', import.meta.url));

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Creates the database files in `dataPath` in a child process, when they do not exist yet. */
export async function initdbOutOfProcess(dataPath: string): Promise<void> {
  if (await exists(path.join(dataPath, 'PG_VERSION'))) return;
  await promisify(execFile)(process.execPath, [INITDB_SCRIPT, dataPath], { timeout: 300_000 });
}

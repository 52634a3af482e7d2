// A new embedded database begins with PGlite's initdb, the longest step of a first start (several
// seconds of WebAssembly). Started from preload.ts in a child process (pglite-initdb.ts), it runs
// on the second core while the main thread is still loading the application's modules, and its
// memory leaves with it (a worker thread's WebAssembly heap would stay in this process's RSS);
// openDatabase waits for it. The child builds the cluster in a directory of its own, renamed into place when complete, so a
// failed or interrupted initdb leaves nothing half made, and two processes starting on one new
// data directory cannot both write into it (the loser's rename fails and its copy is removed).

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const INITDB_SCRIPT = fileURLToPath(new URL('./pglite-initdb.ts', import.meta.url));

const preparing = new Map<string, Promise<void>>();

/** Where PGlite keeps a data directory's cluster (openDatabase uses the same). */
export function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/** Starts initdb for `dataDir` in a worker when it has no cluster yet; returns at once. */
export function startPreparingEmbeddedDatabase(dataDir: string): void {
  const target = pgliteDirectory(dataDir);
  if (preparing.has(target) || existsSync(path.join(target, 'PG_VERSION'))) return;
  preparing.set(target, prepare(dataDir, target));
}

/** Resolves once a preparation of `pgliteDir` started earlier has ended (never rejects). */
export function embeddedDatabasePrepared(pgliteDir: string): Promise<void> {
  return preparing.get(pgliteDir) ?? Promise.resolve();
}

async function prepare(dataDir: string, target: string): Promise<void> {
  const scratch = path.join(dataDir, `.pglite-initdb-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(dataDir, { recursive: true });
    // Not the process's own flags: its --import of preload.ts would start another initdb there.
    await promisify(execFile)(process.execPath, [INITDB_SCRIPT, scratch], { timeout: 300_000 });
    if (!existsSync(target)) await rename(scratch, target);
  } catch {
    // Whatever went wrong, openDatabase runs initdb itself, as it would without this.
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

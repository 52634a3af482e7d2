// The embedded (PGlite) set-ups: the real intake (role `all`, one process), the bare Fastify +
// PGlite ceiling, and the idle memory of `npm start` with the demo data. Each gets a fresh data
// directory and removes it afterwards.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { loadReportsWhere } from './load.ts';
import { childEnv, drive, INTAKE_ENV, type Measurement, ROOT } from './scenarios.ts';
import { type Cleanup, freePort, npmScriptEnv, npmScriptNodeArgs, startServer } from './support.ts';

async function scratchDataDir(cleanup: Cleanup): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meldepunkt-bench-'));
  cleanup.defer(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/** Rows in `table` of the PGlite in `dataDir`; only once its server has stopped (one process per directory). */
async function countPgliteRows(dataDir: string, table: string): Promise<number> {
  const db = new PGlite({ dataDir: path.join(dataDir, 'pglite') });
  try {
    const result = await db.query<{ n: number }>(
      `select count(*)::int as n from ${table}${loadReportsWhere(table)}`,
    );
    return result.rows[0]?.n ?? -1;
  } finally {
    await db.close();
  }
}

/** The intake as `npm start` runs it (embedded, role `all`, its Node options). */
export async function intakePglite(cleanup: Cleanup): Promise<Measurement> {
  const dataDir = await scratchDataDir(cleanup);
  const port = await freePort();
  const env = childEnv({
    ...(await npmScriptEnv(ROOT)),
    ...INTAKE_ENV,
    DATA_DIR: dataDir,
    PORT: String(port),
  });
  const server = startServer(
    cleanup,
    'intake/pglite server',
    'src/main.ts',
    env,
    port,
    ROOT,
    await npmScriptNodeArgs(ROOT),
  );
  return drive(server, '/api/v1/reports', () => countPgliteRows(dataDir, 'reports'), { healthz: true });
}

export async function ceilingPglite(cleanup: Cleanup): Promise<Measurement> {
  const dataDir = await scratchDataDir(cleanup);
  const port = await freePort();
  const env = childEnv({ DATA_DIR: dataDir, PORT: String(port) });
  const server = startServer(
    cleanup,
    'ceiling/pglite server',
    'bench/ceiling-pglite-server.ts',
    env,
    port,
    ROOT,
  );
  return drive(server, '/ceiling', () => countPgliteRows(dataDir, 'ceiling_reports'), { healthz: true });
}

export interface IdleMemory {
  /** VmRSS after start and some seconds without requests. */
  idleRssMiB: number;
  /** VmHWM: the most the process held at any time, start-up included. */
  peakRssMiB: number;
  readyMs: number;
  idleSeconds: number;
}

async function procStatusMiB(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1];
  if (!kb) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Math.round(Number(kb) / 102.4) / 10;
}

/** `npm start` from a fresh clone (its Node options too): embedded database, demo data, then idle. */
export async function embeddedIdle(cleanup: Cleanup): Promise<IdleMemory> {
  const dataDir = await scratchDataDir(cleanup);
  const port = await freePort();
  const env = childEnv({
    ...(await npmScriptEnv(ROOT)),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    PORT: String(port),
  });
  const server = startServer(
    cleanup,
    'embedded server',
    'src/main.ts',
    env,
    port,
    ROOT,
    await npmScriptNodeArgs(ROOT),
  );
  const readyMs = await server.waitReady(180_000);
  const pid = server.child.pid;
  if (pid === undefined) throw new Error('the embedded server has no pid');
  const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 5);
  // Idle is the state being measured, so this wait is the measurement, not a guess at readiness.
  await sleep(idleSeconds * 1000);
  const idleRssMiB = await procStatusMiB(pid, 'VmRSS');
  const peakRssMiB = await procStatusMiB(pid, 'VmHWM');
  const exitCode = await server.stop();
  if (exitCode !== 0) throw new Error(`embedded server exited with ${exitCode} after SIGTERM`);
  return { idleRssMiB, peakRssMiB, readyMs, idleSeconds };
}

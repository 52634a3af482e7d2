// The three measured set-ups: the real intake on a PostgreSQL server, the real intake on
// embedded PGlite, and the bare Fastify + pg ceiling. Each cleans up after itself.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { generateKey } from '../src/modules/secrets/keys.ts';
import { type CoresUsed, type CpuSnapshot, coresUsed, cpuSnapshot } from './cpu.ts';
import { type LoadCounts, warmUpAndMeasure } from './load.ts';
import {
  type Cleanup,
  createScratchDatabase,
  freePort,
  queryOne,
  type ServerProcess,
  startServer,
} from './support.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type RowsCheck = 'equal' | 'equal-with-unanswered' | 'within-unanswered' | 'mismatch';

export interface Measurement {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  latencyAvg: number;
  latencyMax: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Warm-up plus measured run. */
  total: LoadCounts;
  rows: number;
  rowsCheck: RowsCheck;
  readyMs: number;
  peakRssMiB: number | undefined;
  /** Average cores busy during the measured run. */
  coresUsed: CoresUsed | undefined;
  serverExitCode: number | null;
  serverProblems: string[];
}

/** Environment for a child: ours minus anything that would point it somewhere else. */
function childEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'PUBLIC_URL', 'SEED_DEMO', 'LOG_LEVEL']) {
    delete env[name];
  }
  return { ...env, ...extra };
}

/** Pause after the last run so requests autocannon abandoned at its stop can finish. */
const SETTLE_MS = 3000;

async function drive(
  server: ServerProcess,
  routePath: string,
  countRows: () => Promise<number>,
): Promise<Measurement> {
  const readyMs = await server.waitReady(120_000);
  let cpuBefore: CpuSnapshot | undefined;
  let cpuAfter: CpuSnapshot | undefined;
  const { measured, total } = await warmUpAndMeasure(server.baseUrl, routePath, {
    before: async () => {
      cpuBefore = await cpuSnapshot(server.child.pid);
    },
    after: async () => {
      cpuAfter = await cpuSnapshot(server.child.pid);
    },
  });
  await sleep(SETTLE_MS);
  const peakRssMiB = await server.peakRssMiB();
  const serverExitCode = await server.stop();
  const rows = await countRows();
  // Requests still in flight when autocannon closed its sockets are finished by the server, so
  // they add rows autocannon never saw answered: expect rows = 2xx + in flight when none failed.
  const rowsCheck: RowsCheck =
    rows === total.ok2xx
      ? 'equal'
      : rows === total.ok2xx + total.unanswered
        ? 'equal-with-unanswered'
        : rows > total.ok2xx && rows < total.ok2xx + total.unanswered
          ? 'within-unanswered'
          : 'mismatch';
  return {
    rps: measured.requests.average,
    p50: measured.latency.p50,
    p90: measured.latency.p90,
    p99: measured.latency.p99,
    latencyAvg: measured.latency.average,
    latencyMax: measured.latency.max,
    non2xx: measured.non2xx,
    errors: measured.errors,
    timeouts: measured.timeouts,
    total,
    rows,
    rowsCheck,
    readyMs,
    peakRssMiB,
    coresUsed: cpuBefore && cpuAfter ? coresUsed(cpuBefore, cpuAfter) : undefined,
    serverExitCode,
    serverProblems: server.problems,
  };
}

const INTAKE_ENV = {
  HOST: '127.0.0.1',
  SEED_DEMO: 'true',
  LOG_LEVEL: 'warn',
  REPORT_RATE_LIMIT_PER_MINUTE: '1000000',
  DATABASE_POOL_MAX: '10',
};

async function countReports(url: string, table: string): Promise<number> {
  const row = await queryOne<{ n: number }>(url, `select count(*)::int as n from ${table}`);
  return row?.n ?? -1;
}

export async function intakePostgres(cleanup: Cleanup): Promise<Measurement> {
  const url = await createScratchDatabase(cleanup, 'intake');
  const port = await freePort();
  const env = childEnv({ ...INTAKE_ENV, DATABASE_URL: url, PORT: String(port), SECRETS_KEY: generateKey() });
  const server = startServer(cleanup, 'intake/postgres server', 'src/main.ts', env, port, ROOT);
  return drive(server, '/api/v1/reports', () => countReports(url, 'reports'));
}

export async function intakePglite(cleanup: Cleanup): Promise<Measurement> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meldepunkt-bench-'));
  cleanup.defer(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const env = childEnv({ ...INTAKE_ENV, DATA_DIR: dataDir, PORT: String(port) });
  const server = startServer(cleanup, 'intake/pglite server', 'src/main.ts', env, port, ROOT);
  return drive(server, '/api/v1/reports', async () => {
    // The server has stopped, so the files are free to open here.
    const db = new PGlite({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const result = await db.query<{ n: number }>('select count(*)::int as n from reports');
      return result.rows[0]?.n ?? -1;
    } finally {
      await db.close();
    }
  });
}

export async function ceilingPostgres(cleanup: Cleanup): Promise<Measurement> {
  const url = await createScratchDatabase(cleanup, 'ceiling');
  await queryOne<unknown>(
    url,
    `create table ceiling_reports (
       id uuid primary key default gen_random_uuid(),
       ref text not null unique,
       kommunenummer char(4) not null,
       description text not null,
       lat double precision,
       lon double precision,
       answers jsonb not null default '{}',
       created_at timestamptz not null default now()
     )`,
  );
  const port = await freePort();
  const env = childEnv({ DATABASE_URL: url, PORT: String(port) });
  const server = startServer(cleanup, 'ceiling server', 'bench/ceiling-server.ts', env, port, ROOT);
  return drive(server, '/ceiling', () => countReports(url, 'ceiling_reports'));
}

// The server-mode set-ups (the real intake on a PostgreSQL server as web + worker processes, and
// the bare Fastify + pg ceiling) and what every scenario shares: driving the load, counting rows,
// and the child processes' environment. The embedded ones are in embedded.ts. Each cleans up.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { generateKey } from '../src/modules/secrets/keys.ts';
import { type CoresUsed, type CpuSnapshot, coresUsed, cpuSnapshot } from './cpu.ts';
import { type HealthzSamples, sampleHealthz } from './healthz.ts';
import { type LoadCounts, loadReportsWhere, warmUpAndMeasure } from './load.ts';
import {
  type Cleanup,
  createScratchDatabase,
  freePort,
  npmScriptEnv,
  npmScriptNodeArgs,
  queryOne,
  type ServerProcess,
  startServer,
  withTimeout,
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
  /** /healthz latency sampled during the measured run (when asked for). */
  healthz?: HealthzSamples;
  /** Server mode: until every email receipt of the run was sent (when asked for). */
  drain?: Drain;
  /** Server mode: whether web and worker ran as separate processes (ROLE=web, ROLE=worker). */
  processes?: 'web+worker' | 'all';
  workerProblems?: string[];
}

export interface Drain {
  /** From the end of the measured run until the last receipt was sent; null if it never was. */
  ms: number | null;
  reports: number;
  receiptsSent: number;
}

/** Environment for a child: ours minus anything that would point it somewhere else. */
export function childEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'PUBLIC_URL', 'SEED_DEMO', 'LOG_LEVEL']) {
    delete env[name];
  }
  return { ...env, ...extra };
}

/** Pause after the last run so requests autocannon abandoned at its stop can finish. */
const SETTLE_MS = 3000;

export async function drive(
  server: ServerProcess,
  routePath: string,
  countRows: () => Promise<number>,
  options: {
    healthz?: boolean;
    /** Processes of the system besides the server (a worker, the SMTP sink), counted as helpers. */
    helperPids?: () => number[];
    beforeLoad?: () => Promise<void>;
    afterLoad?: (loadEndedAt: number) => Promise<Partial<Measurement>>;
  } = {},
): Promise<Measurement> {
  const readyMs = await server.waitReady(120_000);
  await options.beforeLoad?.();
  let cpuBefore: CpuSnapshot | undefined;
  let cpuAfter: CpuSnapshot | undefined;
  let endSampling: () => void = () => {};
  let healthz: Promise<HealthzSamples> | undefined;
  const { measured, total } = await warmUpAndMeasure(server.baseUrl, routePath, {
    before: async () => {
      cpuBefore = await cpuSnapshot(server.child.pid, options.helperPids?.());
      if (options.healthz) {
        healthz = sampleHealthz(server.baseUrl, new Promise((resolve) => (endSampling = resolve)));
      }
    },
    after: async () => {
      endSampling();
      cpuAfter = await cpuSnapshot(server.child.pid, options.helperPids?.());
    },
  });
  const loadEndedAt = performance.now();
  const healthzSamples = await healthz;
  const extra = (await options.afterLoad?.(loadEndedAt)) ?? {};
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
    ...(healthzSamples ? { healthz: healthzSamples } : {}),
    ...extra,
  };
}

export const INTAKE_ENV = {
  HOST: '127.0.0.1',
  SEED_DEMO: 'true',
  LOG_LEVEL: 'warn',
  REPORT_RATE_LIMIT_PER_MINUTE: '1000000',
  DATABASE_POOL_MAX: '10',
};

async function countReports(url: string, table: string): Promise<number> {
  const row = await queryOne<{ n: number }>(
    url,
    `select count(*)::int as n from ${table}${loadReportsWhere(table)}`,
  );
  return row?.n ?? -1;
}

/** Until ROLE (web | worker | all) exists, every process runs everything: then one process only. */
function rolesSupported(): boolean {
  return readFileSync(path.join(ROOT, 'src', 'config.ts'), 'utf8').includes("name: 'ROLE'");
}

const DRAIN_LIMIT_MS = Number(process.env.BENCH_DRAIN_LIMIT_SECONDS ?? 180) * 1000;

/**
 * Waits until every report of the load has its email receipt sent; null when that takes longer
 * than the limit. Only the load's reports ask for a receipt.
 */
async function measureDrain(url: string, loadEndedAt: number): Promise<Drain> {
  const count = () =>
    queryOne<{ reports: number; sent: number }>(
      url,
      `select (select count(*) from reports${loadReportsWhere('reports')})::int as reports,
              (select count(*) from messages where kind = 'receipt' and status = 'sent')::int as sent`,
    );
  for (;;) {
    const row = await count();
    const reports = row?.reports ?? 0;
    const sent = row?.sent ?? 0;
    const elapsed = performance.now() - loadEndedAt;
    if (reports > 0 && sent >= reports) return { ms: Math.round(elapsed), reports, receiptsSent: sent };
    if (elapsed > DRAIN_LIMIT_MS) return { ms: null, reports, receiptsSent: sent };
    await sleep(100);
  }
}

/** The bench's SMTP server (bench/smtp-sink.ts) in a process of its own; resolves to its port and pid. */
async function startSmtpSink(cleanup: Cleanup): Promise<{ port: number; pid: number | undefined }> {
  const sink = fork(path.join(ROOT, 'bench', 'smtp-sink.ts'), { stdio: 'inherit' });
  cleanup.defer('stop the SMTP sink', async () => {
    if (sink.exitCode === null) sink.kill('SIGTERM');
  });
  const port = await withTimeout(
    new Promise<number>((resolve, reject) => {
      sink.on('message', (message: { type?: string; port?: number }) => {
        if (message.type === 'ready' && message.port) resolve(message.port);
      });
      sink.once('exit', (code) => reject(new Error(`SMTP sink exited with ${code}`)));
    }),
    30_000,
    'SMTP sink start',
  );
  return { port, pid: sink.pid };
}

/**
 * Server mode as deployed: a web process (ROLE=web) takes the reports and a worker (ROLE=worker)
 * sends the receipts, through a local SMTP server; the drain is the time until all are sent.
 */
export async function intakePostgres(cleanup: Cleanup): Promise<Measurement> {
  const url = await createScratchDatabase(cleanup, 'intake');
  const { port: smtpPort, pid: sinkPid } = await startSmtpSink(cleanup);
  const separate = rolesSupported();
  const common = {
    ...INTAKE_ENV,
    DATABASE_URL: url,
    SECRETS_KEY: generateKey(),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  };
  const port = await freePort();
  const webEnv = await npmScriptEnv(ROOT, separate ? 'start:web' : 'start');
  // The roles come from package.json's scripts: a script that lost its ROLE would run two `all`s.
  if (separate && webEnv.ROLE !== 'web') throw new Error('package.json: start:web does not set ROLE=web');
  const web = startServer(
    cleanup,
    'intake/postgres web',
    'src/main.ts',
    childEnv({ ...webEnv, ...common, PORT: String(port) }),
    port,
    ROOT,
    await npmScriptNodeArgs(ROOT, separate ? 'start:web' : 'start'),
  );
  let worker: ServerProcess | undefined;
  return drive(web, '/api/v1/reports', () => countReports(url, 'reports'), {
    helperPids: () => [sinkPid, worker?.child.pid].filter((pid): pid is number => pid !== undefined),
    afterLoad: async (loadEndedAt) => {
      const drain = await measureDrain(url, loadEndedAt);
      return { drain, processes: separate ? 'web+worker' : 'all', workerProblems: worker?.problems ?? [] };
    },
    beforeLoad: async () => {
      if (!separate) return;
      // Started once the web process has migrated the database.
      const workerPort = await freePort();
      const workerEnv = await npmScriptEnv(ROOT, 'start:worker');
      if (workerEnv.ROLE !== 'worker') throw new Error('package.json: start:worker does not set ROLE=worker');
      worker = startServer(
        cleanup,
        'intake/postgres worker',
        'src/main.ts',
        childEnv({ ...workerEnv, ...common, PORT: String(workerPort) }),
        workerPort,
        ROOT,
        await npmScriptNodeArgs(ROOT, 'start:worker'),
      );
    },
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

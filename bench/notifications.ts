// `node bench/notifications.ts`: one public reply to a report with 9,999 followers and its
// reporter, i.e. 10,000 email messages through the relay and the pg-boss queue to a local SMTP
// server, on PostgreSQL (a scratch database on 127.0.0.1:5432). Three processes: this one makes
// the database and the report (through the app, as a resident would); the measured one
// (bench/notifications-worker.ts) runs what a Meldepunkt process starts for notifications, the
// relay and the send workers, and nothing else; the SMTP server (bench/smtp-sink.ts) accepts and
// counts Message-IDs. Measured: messages per second from the event to the last message accepted by
// the SMTP server, and the measured process's peak RSS (VmHWM, and RSS sampled every 100 ms).
// Both are merged into bench/results/latest.json under `notifications`, with the cores each
// process used (other work on a shared machine shows as `other`).
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { assemble } from '../src/assemble.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, queryRows } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createKeyring } from '../src/modules/secrets/keyring.ts';
import { porsgrunn } from '../src/modules/tenants/demo/porsgrunn.ts';
import { seedMunicipality } from '../src/modules/tenants/seed-municipality.ts';
import { type CpuSnapshot, cpuSnapshot, processCpuSeconds } from './cpu.ts';
import { Cleanup, createScratchDatabase, npmScriptEnv, npmScriptNodeArgs, withTimeout } from './support.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const perMessage = (cpuSeconds: number) => Math.round((cpuSeconds * 1e6) / MESSAGES) / 1000;
const SMTP_QUERY = process.env.BENCH_SMTP_QUERY ?? '';
const TIME_LIMIT_MS = 10 * 60_000;
const TARGETS = { minMessagesPerSecond: 1000, maxPeakRssMiB: 250 } as const;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Message = { type: string } & Record<string, unknown>;

/** A forked bench process and the messages it sends back. */
interface Child {
  process: ChildProcess;
  /** The next message of this type (or one already waiting), within the time limit. */
  next(type: string, timeoutMs: number): Promise<Message>;
  /** Every message as it arrives. */
  onMessage(listener: (message: Message) => void): void;
  stop(): Promise<void>;
}

function forkChild(
  cleanup: Cleanup,
  script: string,
  env: Record<string, string>,
  execArgv: string[] = [],
): Child {
  const child = fork(path.join(ROOT, 'bench', script), {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    execArgv,
  });
  const waiting = new Map<string, Message>();
  const listeners = new Set<(message: Message) => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (message: Message) => {
    waiting.set(message.type, message);
    for (const listener of listeners) listener(message);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.send('stop');
    await withTimeout(exited, 20_000, `${script} stop`).catch(() => child.kill('SIGKILL'));
  };
  cleanup.defer(`stop ${script}`, stop);
  return {
    process: child,
    onMessage: (listener) => listeners.add(listener),
    stop,
    next(type, timeoutMs) {
      return withTimeout(
        new Promise<Message>((resolve, reject) => {
          const take = (message: Message) => {
            if (message.type === 'error') reject(new Error(`${script}: ${String(message.message)}`));
            if (message.type !== type) return;
            waiting.delete(type);
            listeners.delete(take);
            resolve(message);
          };
          const already = waiting.get(type);
          if (already) take(already);
          else listeners.add(take);
          child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
        }),
        timeoutMs,
        `${script}: ${type}`,
      );
    },
  };
}

interface SinkCounts {
  unique: number;
  duplicates: number;
  /** Date.now() in the sink when the last new Message-ID arrived. */
  lastNewAt: number;
}

/** Merges `notifications` into bench/results/latest.json, keeping what the other benches wrote. */
async function writeResults(notifications: Record<string, unknown>): Promise<string> {
  const dir = path.join(ROOT, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // No results yet (or unreadable ones): start afresh.
  }
  await writeFile(file, `${JSON.stringify({ ...existing, notifications }, null, 2)}\n`);
  return file;
}

/** Makes the report and its followers through the app, as the product would have them. */
async function makeReport(url: string, key: Buffer): Promise<string> {
  const handle = await openDatabase({ kind: 'server', url, poolMax: 2 });
  const photoDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-bench-'));
  try {
    await migrateDatabase(handle);
    await seedMunicipality(handle.db, porsgrunn);
    // Made here, on first use: the measured process reads the same app secret with the same key.
    const assembly = await assemble(
      { ...loadConfig({}), logLevel: 'silent', photoDir },
      { role: 'web', database: handle, keyring: createKeyring([key]) },
    );
    const app = await buildApp(assembly.ctx, false);
    try {
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: {
          category: 'vann-lekkasje',
          location: { lat: 59.14, lon: 9.66 },
          description: 'Vann renner opp av asfalten.',
          answers: { mengde: 'renner' },
          contact: { email: 'reporter@example.no', notify: 'email' },
        },
      });
      const report = created.json() as { id: string };
      // The receipt is not part of the measurement.
      await handle.db.execute(
        sql`update report_events set notified_at = now() where report_id = ${report.id}::uuid`,
      );
      await handle.db.execute(
        sql`insert into report_followers (report_id, email, language, confirmed_at)
            select ${report.id}::uuid, 'follower' || n || '@example.no', (array['nb','nn','en'])[1 + n % 3], now()
              from generate_series(1, ${MESSAGES - 1}) n`,
      );
      return report.id;
    } finally {
      await app.close();
      await assembly.stop();
    }
  } finally {
    await handle.close();
    await rm(photoDir, { recursive: true, force: true });
  }
}

/** Cores each party used between two snapshots; `other` is the rest of the machine's busy time. */
function coresBetween(
  a: { cpu: CpuSnapshot; sink: number },
  b: { cpu: CpuSnapshot; sink: number },
): Record<string, number> {
  const seconds = (b.cpu.at - a.cpu.at) / 1000;
  const worker = b.cpu.server - a.cpu.server;
  const sink = b.sink - a.sink;
  const postgres = b.cpu.postgres - a.cpu.postgres;
  const bench = b.cpu.bench - a.cpu.bench;
  const other = b.cpu.machine - a.cpu.machine - worker - sink - postgres - bench;
  const round = (n: number) => Math.round((Math.max(0, n) / seconds) * 100) / 100;
  return {
    measuredProcess: round(worker),
    postgres: round(postgres),
    smtpServer: round(sink),
    benchProcess: round(bench),
    other: round(other),
  };
}

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  try {
    const url = await createScratchDatabase(cleanup, 'notifications');
    // A throwaway key: the scratch database is dropped after the run.
    const key = randomBytes(32);
    const reportId = await makeReport(url, key);

    const sink = forkChild(cleanup, 'smtp-sink.ts', {});
    const port = Number((await sink.next('ready', 20_000)).port);
    let counts: SinkCounts = { unique: 0, duplicates: 0, lastNewAt: 0 };
    sink.onMessage((message) => {
      if (message.type === 'progress' || message.type === 'final') counts = message as unknown as SinkCounts;
    });
    const worker = forkChild(
      cleanup,
      'notifications-worker.ts',
      {
        // The environment and Node's options as `npm run start:worker` gives them, so the process
        // measured is the one deployed.
        ...(await npmScriptEnv(ROOT, 'start:worker')),
        BENCH_DATABASE_URL: url,
        // BENCH_SMTP_QUERY tries pool settings as an operator would set them, e.g. maxConnections=10.
        BENCH_SMTP_URL: `smtp://127.0.0.1:${port}${SMTP_QUERY ? `?${SMTP_QUERY}` : ''}`,
        BENCH_KEY: key.toString('hex'),
      },
      await npmScriptNodeArgs(ROOT, 'start:worker'),
    );
    await worker.next('ready', 60_000);

    const handle = await openDatabase({ kind: 'server', url, poolMax: 2 });
    cleanup.defer('close database', () => handle.close());
    const snapshot = async () => ({
      cpu: await cpuSnapshot(worker.process.pid),
      sink: sink.process.pid === undefined ? 0 : await processCpuSeconds(sink.process.pid),
    });
    const loadBefore = os.loadavg()[0] ?? 0;
    const before = await snapshot();
    const startedAt = Date.now();
    await handle.db.execute(
      sql`insert into report_events (report_id, kind, public, message, actor)
          values (${reportId}::uuid, 'public_reply', true, 'Vi graver i morgen.', 'system')`,
    );
    worker.process.send('relay');
    const relayed = worker.next('relayed', TIME_LIMIT_MS);
    await withTimeout(
      new Promise<void>((resolve) => {
        const check = () => {
          if (counts.unique >= MESSAGES) resolve();
        };
        sink.onMessage(check);
        check();
      }),
      TIME_LIMIT_MS,
      `${MESSAGES} messages at the SMTP server`,
    );
    const after = await snapshot();
    const loadAfter = os.loadavg()[0] ?? 0;
    const seconds = (counts.lastNewAt - startedAt) / 1000;
    const relay = await relayed;
    // The row is marked sent just after the server took the message; let the last updates land.
    let sent = 0;
    for (let i = 0; i < 100 && sent < MESSAGES; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      const [row] = await queryRows<{ sent: number }>(
        handle.db,
        sql`select count(*) filter (where status = 'sent')::int as sent from messages`,
      );
      sent = row?.sent ?? 0;
    }
    sink.process.send('final');
    const final = (await sink.next('final', 10_000)) as unknown as SinkCounts;
    worker.process.send('stats');
    const stats = await worker.next('stats', 10_000);

    const result = {
      messages: MESSAGES,
      ...(SMTP_QUERY ? { smtpQuery: SMTP_QUERY } : {}),
      messagesPerSecond: Math.round(MESSAGES / seconds),
      peakRssMiB: Math.round(Number(stats.peakRssMiB)),
      seconds: Number(seconds.toFixed(2)),
      relayMs: Number(relay.ms),
      relayed: Number(relay.messages),
      rssAtStartMiB: Math.round(Number(stats.rssAtStartMiB)),
      sampledPeakRssMiB: Math.round(Number(stats.sampledPeakRssMiB)),
      markedSent: sent,
      receivedTwice: final.duplicates,
      coresUsed: coresBetween(before, after),
      // CPU time per message: unlike the rate, hardly changed by other work on a shared machine.
      cpuMsPerMessage: {
        measuredProcess: perMessage(after.cpu.server - before.cpu.server),
        postgres: perMessage(after.cpu.postgres - before.cpu.postgres),
        smtpServer: perMessage(after.sink - before.sink),
      },
      loadAverage: { before: loadBefore, after: loadAfter, cores: os.availableParallelism() },
      measuredAt: new Date().toISOString(),
    };
    const failures = [
      ...(sent === MESSAGES ? [] : [`${sent} of ${MESSAGES} marked sent`]),
      ...(final.duplicates === 0 ? [] : [`${final.duplicates} messages arrived twice`]),
      ...(final.unique === MESSAGES ? [] : [`${final.unique} distinct messages arrived, not ${MESSAGES}`]),
    ];
    const targetsMet = {
      messagesPerSecond: result.messagesPerSecond >= TARGETS.minMessagesPerSecond,
      peakRssMiB: result.peakRssMiB < TARGETS.maxPeakRssMiB,
    };
    console.log(JSON.stringify({ ...result, targetsMet, failures }, null, 2));
    const file = await writeResults({
      ...result,
      targets: TARGETS,
      targetsMet,
      valid: failures.length === 0,
    });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
    if (failures.length > 0) {
      console.error(`BENCHMARK INVALID: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await cleanup.runAll();
  }
}

await main();

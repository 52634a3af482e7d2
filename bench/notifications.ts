// `node bench/notifications.ts`: one public reply to a report with 9,999 followers and its
// reporter, i.e. 10,000 email messages through the relay and the pg-boss queue to a local SMTP
// server, on PostgreSQL (a scratch database on 127.0.0.1:5432). Measures messages per second from
// the event to the last message accepted by the SMTP server, and this process's peak RSS (VmHWM,
// plus RSS sampled every 100 ms), and merges both into bench/results/latest.json under
// `notifications`. The SMTP server (bench/smtp-sink.ts) runs in a process of its own and only
// counts Message-IDs, so the numbers are the product's, with a fast mail server, on this machine;
// the cores each party used are printed with them (other work on a shared machine shows as
// `other`).
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import type { AppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, queryRows } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { startJobQueue } from '../src/jobs/queue.ts';
import { createIntakeCatalog } from '../src/modules/categories/intake-catalog.ts';
import { loadMunicipalityLocator } from '../src/modules/geo/municipality-locator.ts';
import { startNotifications } from '../src/modules/notifications/start-notifications.ts';
import { createLocalPhotoStorage } from '../src/modules/photos/storage.ts';
import { createKeyring } from '../src/modules/secrets/keyring.ts';
import { loadAppSecret } from '../src/modules/tenants/app-secret.ts';
import { porsgrunn } from '../src/modules/tenants/demo/porsgrunn.ts';
import { seedMunicipality } from '../src/modules/tenants/seed-municipality.ts';
import { coresUsed, cpuSnapshot } from './cpu.ts';
import { Cleanup, createScratchDatabase, withTimeout } from './support.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const TIME_LIMIT_MS = 10 * 60_000;
const TARGETS = { minMessagesPerSecond: 1000, maxPeakRssMiB: 250 } as const;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface SinkCounts {
  unique: number;
  total: number;
  duplicates: number;
  lastNewAt: number;
}

interface Sink {
  url: string;
  pid: number | undefined;
  counts: SinkCounts;
  /** Resolves when `unique` reaches `count`. */
  waitFor(count: number, timeoutMs: number): Promise<SinkCounts>;
  /** The exact counts now (not the throttled progress). */
  final(): Promise<SinkCounts>;
  stop(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(path.join(ROOT, 'bench', 'smtp-sink.ts'), { stdio: 'inherit' });
  const counts: SinkCounts = { unique: 0, total: 0, duplicates: 0, lastNewAt: 0 };
  const listeners = new Set<(message: { type: string } & SinkCounts) => void>();
  child.on('message', (message: { type: string } & SinkCounts) => {
    if (message.type === 'progress' || message.type === 'final') Object.assign(counts, message);
    for (const listener of listeners) listener(message);
  });
  const port = await withTimeout(
    new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      listeners.add((message) => {
        if (message.type === 'ready') resolve((message as unknown as { port: number }).port);
      });
    }),
    20_000,
    'SMTP sink start',
  );
  const until = (test: (m: { type: string } & SinkCounts) => boolean, timeoutMs: number, what: string) =>
    withTimeout(
      new Promise<SinkCounts>((resolve) => {
        const listener = (message: { type: string } & SinkCounts) => {
          if (!test(message)) return;
          listeners.delete(listener);
          resolve({ ...counts });
        };
        listeners.add(listener);
      }),
      timeoutMs,
      what,
    );
  return {
    url: `smtp://127.0.0.1:${port}`,
    pid: child.pid,
    counts,
    waitFor: (count, timeoutMs) =>
      until((m) => m.unique >= count, timeoutMs, `${count} messages at the SMTP server`),
    async final() {
      const answer = until((m) => m.type === 'final', 10_000, 'SMTP sink counts');
      child.send('final');
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('stop');
      await withTimeout(exited, 10_000, 'SMTP sink stop').catch(() => child.kill('SIGKILL'));
    },
  };
}

/** This process's peak resident set so far (VmHWM), in MiB. */
async function peakRssMiB(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : process.memoryUsage().rss / 1024 / 1024;
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

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  try {
    const url = await createScratchDatabase(cleanup, 'notifications');
    const handle = await openDatabase({ kind: 'server', url, poolMax: 10 });
    cleanup.defer('close database', () => handle.close());
    await migrateDatabase(handle);
    await seedMunicipality(handle.db, porsgrunn);
    const sink = await startSink();
    cleanup.defer('stop SMTP sink', () => sink.stop());
    const jobs = await startJobQueue(handle, { supervise: false });
    cleanup.defer('stop job queue', () => jobs.stop());
    const photoDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-bench-'));
    cleanup.defer('remove photos', () => rm(photoDir, { recursive: true, force: true }));
    const config = {
      ...loadConfig({}),
      logLevel: 'silent' as const,
      publicUrl: 'https://meld.porsgrunn.example',
      smtpUrl: sink.url,
      mailFrom: 'meld@porsgrunn.example',
      photoDir,
    };
    // A throwaway key: the scratch database is dropped after the run.
    const keyring = createKeyring([randomBytes(32)]);
    const ctx: AppContext = {
      config,
      db: handle,
      jobs,
      locator: await loadMunicipalityLocator(),
      catalog: createIntakeCatalog(handle.db),
      photos: createLocalPhotoStorage(photoDir),
      secret: await loadAppSecret(handle.db, keyring),
      keyring,
    };
    const app = await buildApp(ctx, false);
    cleanup.defer('close app', () => app.close());
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

    let sampledPeakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage().rss);
    }, 100);
    cleanup.defer('stop RSS sampler', async () => clearInterval(sampler));
    // The product's defaults, but for polling: the bench process does not wait 2 s to start.
    const notifications = await startNotifications(ctx, {
      pollingIntervalSeconds: 0.5,
      relayIntervalMs: 200,
    });
    cleanup.defer('stop notifications', () => notifications.stop());

    const rssBeforeMiB = process.memoryUsage().rss / 1024 / 1024;
    const loadBefore = os.loadavg()[0] ?? 0;
    const cpuBefore = await cpuSnapshot(sink.pid);
    const startedAt = Date.now();
    await handle.db.execute(
      sql`insert into report_events (report_id, kind, public, message, actor)
          values (${report.id}::uuid, 'public_reply', true, 'Vi graver i morgen.', 'system')`,
    );
    const relayed = await notifications.relayNow();
    const relayMs = Date.now() - startedAt;
    const arrived = await sink.waitFor(MESSAGES, TIME_LIMIT_MS);
    const cpuAfter = await cpuSnapshot(sink.pid);
    const loadAfter = os.loadavg()[0] ?? 0;
    const seconds = (arrived.lastNewAt - startedAt) / 1000;
    // The row is marked sent just after the server took the message; let the last updates land.
    let counts: { sent: number } | undefined;
    for (let i = 0; i < 100; i++) {
      [counts] = await queryRows<{ sent: number }>(
        handle.db,
        sql`select count(*) filter (where status = 'sent')::int as sent from messages`,
      );
      if (counts?.sent === MESSAGES) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const final = await sink.final();
    clearInterval(sampler);
    const peak = await peakRssMiB();
    const result = {
      messages: MESSAGES,
      messagesPerSecond: Math.round(MESSAGES / seconds),
      peakRssMiB: Math.round(peak),
      seconds: Number(seconds.toFixed(2)),
      relayMs,
      relayed: relayed.messages,
      rssBeforeMiB: Math.round(rssBeforeMiB),
      sampledPeakRssMiB: Math.round(sampledPeakRss / 1024 / 1024),
      markedSent: counts?.sent ?? 0,
      receivedTwice: final.duplicates,
      coresUsed: coresUsed(cpuBefore, cpuAfter),
      loadAverage: { before: loadBefore, after: loadAfter, cores: os.availableParallelism() },
      measuredAt: new Date().toISOString(),
    };
    const failures = [
      ...(result.markedSent === MESSAGES ? [] : [`${result.markedSent} of ${MESSAGES} marked sent`]),
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

// The process bench/notifications.ts measures: what a running Meldepunkt starts for notifications
// (the worker role as src/assemble.ts builds it: the job queue, the relay, the send workers and
// the announcer), with no HTTP server; the bench process makes the report. Forked with IPC:
//   env BENCH_DATABASE_URL, BENCH_SMTP_URL, BENCH_KEY (the throwaway keyring key, hex)
//   → { type: 'ready' }
//   ← 'relay'  → { type: 'relayed', messages, ms }
//   ← 'stats'  → { type: 'stats', peakRssMiB, sampledPeakRssMiB, rssAtStartMiB }
//   ← 'stop'   (stops everything and exits)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assemble } from '../src/assemble.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { createKeyring } from '../src/modules/secrets/keyring.ts';

const url = process.env.BENCH_DATABASE_URL ?? '';
const smtpUrl = process.env.BENCH_SMTP_URL ?? '';
const key = Buffer.from(process.env.BENCH_KEY ?? '', 'hex');

/** This process's peak resident set so far (VmHWM), in MiB. */
async function peakRssMiB(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : process.memoryUsage().rss / 1024 / 1024;
}

const mib = (bytes: number) => bytes / 1024 / 1024;
let sampledPeak = process.memoryUsage.rss();
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
}, 100);

const photoDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-bench-worker-'));
const config = {
  ...loadConfig({}),
  logLevel: 'silent' as const,
  publicUrl: 'https://meld.porsgrunn.example',
  smtpUrl,
  mailFrom: 'meld@porsgrunn.example',
  photoDir,
};
const db = await openDatabase({ kind: 'server', url, poolMax: config.databasePoolMax });
const assembly = await assemble(config, {
  role: 'worker',
  database: db,
  keyring: createKeyring([key]),
  supervise: false,
  // The product's defaults, but for polling: the bench does not wait 2 s for a first look.
  notifications: { pollingIntervalSeconds: 0.5, relayIntervalMs: 200 },
});
const notifications = assembly.worker?.notifications;
if (!notifications) throw new Error('the worker role starts notifications');
const rssAtStart = process.memoryUsage.rss();

async function stop(): Promise<void> {
  clearInterval(sampler);
  await assembly.stop();
  await db.close();
  await rm(photoDir, { recursive: true, force: true });
  process.exit(0);
}

function failed(error: unknown): never {
  console.error('bench worker:', error);
  process.exit(1);
}

process.on('message', (message: unknown) => {
  if (message === 'relay') {
    const started = Date.now();
    notifications.relayNow().then(
      (relayed) => process.send?.({ type: 'relayed', messages: relayed.messages, ms: Date.now() - started }),
      (error: unknown) => process.send?.({ type: 'error', message: String(error) }),
    );
  } else if (message === 'stats') {
    peakRssMiB().then(
      (peak) =>
        process.send?.({
          type: 'stats',
          peakRssMiB: peak,
          sampledPeakRssMiB: mib(sampledPeak),
          rssAtStartMiB: mib(rssAtStart),
        }),
      failed,
    );
  } else if (message === 'stop') {
    stop().catch(failed);
  }
});
process.on('disconnect', () => stop().catch(failed));
process.send?.({ type: 'ready' });

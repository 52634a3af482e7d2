// `npm run bench:web`: how the residents' pages load on a slow phone. Starts the real server
// (embedded PGlite in a temporary DATA_DIR, no map tiles so nothing is fetched from outside), loads
// the start page, the report form and the public map in Debian's Chromium with 4× CPU throttling
// and DevTools' "Slow 4G" network, a cold cache each time, and reports Largest Contentful Paint and
// the bytes sent; prints a table and writes bench/results/web-latest.json.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchBrowser } from '../test/support/browser.ts';
import { Cleanup, freePort, startServer, tail, withTimeout } from './support.ts';
import {
  CPU_SLOWDOWN,
  gzipAsServed,
  measurePageLoad,
  type PageLoad,
  RESOURCE_KINDS,
  SLOW_4G,
  seedReports,
  VIEWPORT,
} from './web-measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;
const SEEDED_REPORTS = 40;
const PAGE_TIMEOUT_MS = 60_000;
const OVERALL_LIMIT_MS = 10 * 60_000;
const TARGETS = { lcpMs: 2500, reportPageScriptGzipBytes: 80 * 1024 } as const;
/** A load average above this share of the cores means other work competed for the CPU. */
const BUSY_LOAD_PER_CORE = 0.5;

const PAGES = [
  { key: 'start', path: '/porsgrunn' },
  { key: 'report', path: '/porsgrunn/meld' },
  { key: 'map', path: '/porsgrunn/kart' },
] as const;
type PageKey = (typeof PAGES)[number]['key'];

interface PageSummary {
  path: string;
  runs: PageLoad[];
  lcpMs: { median: number | null; max: number | null; all: (number | null)[] };
  fcpMsMedian: number | null;
  loadMsMedian: number | null;
  lcpElement: string | null;
  /** Median over the runs, per resource type, headers included. */
  transferredBytes: Record<string, number>;
  requests: number;
  scripts: { url: string; wireBody: number; wireEncoding: string | null; gzipBytes: number }[];
  /** JavaScript bodies as received by Chromium (its Accept-Encoding over plain http). */
  scriptWireBodyBytes: number;
  /** The same scripts fetched with `Accept-Encoding: gzip`: what the target is about. */
  scriptGzipBytes: number;
}

let current: Cleanup | undefined;
async function abort(reason: string, code: number): Promise<never> {
  console.error(`\nbench:web: ${reason}; cleaning up`);
  await current?.runAll();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void abort(`received ${signal}`, 130));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? null)
    : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

function numbers(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

/** Environment for the server: ours minus anything that would point it somewhere else. */
function serverEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'DATA_DIR',
    'PHOTO_DIR',
    'PORT',
    'HOST',
    'PUBLIC_URL',
    'SEED_DEMO',
    'LOG_LEVEL',
    'MAP_TILE_URL',
  ]) {
    delete env[name];
  }
  return { ...env, ...extra };
}

function chromiumVersion(browser: Browser): string {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
      // Debian's wrapper script complains on stderr on some machines; only the version matters.
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return `Chromium ${browser.version()}`;
  }
}

async function summarize(baseUrl: string, pagePath: string, runs: PageLoad[]): Promise<PageSummary> {
  const lcps = runs.map((r) => r.lcpMs);
  const transferredBytes: Record<string, number> = {};
  for (const kind of RESOURCE_KINDS)
    transferredBytes[kind] = median(runs.map((r) => r.transferred[kind])) ?? 0;
  transferredBytes.total = median(runs.map((r) => r.transferredTotal)) ?? 0;
  // Scripts are the same on every run; take the first run's list and ask the server for gzip.
  const first = runs[0]?.scripts ?? [];
  const scripts = await Promise.all(
    first.map(async (s) => {
      const served = await gzipAsServed(s.url);
      if (served.encoding !== 'gzip' && served.bytes > 1024) {
        console.error(
          `  ⚠ ${s.url} was not gzip-compressed (content-encoding: ${served.encoding ?? 'none'})`,
        );
      }
      return {
        url: s.url.replace(baseUrl, ''),
        wireBody: s.body,
        wireEncoding: s.contentEncoding,
        gzipBytes: served.bytes,
      };
    }),
  );
  const lcpRun = runs.find((r) => r.lcpMs === median(numbers(lcps))) ?? runs[0];
  return {
    path: pagePath,
    runs,
    lcpMs: {
      median: median(numbers(lcps)),
      max: numbers(lcps).length ? Math.max(...numbers(lcps)) : null,
      all: lcps,
    },
    fcpMsMedian: median(numbers(runs.map((r) => r.fcpMs))),
    loadMsMedian: median(numbers(runs.map((r) => r.loadMs))),
    lcpElement: lcpRun?.lcpElement ?? null,
    transferredBytes,
    requests: median(runs.map((r) => r.requests)) ?? 0,
    scripts,
    scriptWireBodyBytes: scripts.reduce((sum, s) => sum + s.wireBody, 0),
    scriptGzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
  };
}

const kB = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (value: number | null) => (value === null ? '—' : String(value));

function printTable(summaries: Map<PageKey, PageSummary>): void {
  const header = [
    'page',
    'LCP med',
    'LCP max',
    'FCP med',
    'load med',
    'doc kB',
    'css kB',
    'js kB',
    'other kB',
    'total kB',
    'reqs',
    'js gzip kB',
  ];
  const rows = PAGES.map(({ key, path: pagePath }) => {
    const s = summaries.get(key);
    if (!s) return [pagePath, '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—'];
    const t = s.transferredBytes;
    return [
      pagePath,
      ms(s.lcpMs.median),
      ms(s.lcpMs.max),
      ms(s.fcpMsMedian),
      ms(s.loadMsMedian),
      kB(t.document ?? 0),
      kB(t.stylesheet ?? 0),
      kB(t.script ?? 0),
      kB(t.other ?? 0),
      kB(t.total ?? 0),
      String(s.requests),
      kB(s.scriptGzipBytes),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
  console.log(
    '\n(times in ms, median of the runs; kB = 1024 bytes transferred incl. headers, median of the runs;' +
      ' "js gzip" = script bodies as served with Accept-Encoding: gzip)',
  );
  for (const { key } of PAGES) {
    const s = summaries.get(key);
    if (!s) continue;
    console.log(
      `  ${s.path}: LCP element ${s.lcpElement ?? '—'}; LCP per run ${s.lcpMs.all.map(ms).join(', ')}`,
    );
    for (const script of s.scripts) {
      console.log(
        `    ${script.url}  ${kB(script.gzipBytes)} kB gzip (wire ${kB(script.wireBody)} kB, ${script.wireEncoding ?? 'identity'})`,
      );
    }
  }
}

interface TargetResult {
  name: string;
  value: number | null;
  limit: string;
  verdict: 'PASS' | 'MISS' | 'n/a';
}

function evaluateTargets(summaries: Map<PageKey, PageSummary>): TargetResult[] {
  const results: TargetResult[] = [];
  for (const { key, path: pagePath } of PAGES) {
    const s = summaries.get(key);
    const value = s?.lcpMs.median ?? null;
    results.push({
      name: `LCP median ${pagePath}`,
      value,
      limit: `< ${TARGETS.lcpMs} ms`,
      verdict: value === null ? 'n/a' : value < TARGETS.lcpMs ? 'PASS' : 'MISS',
    });
  }
  const report = summaries.get('report');
  const js = report ? report.scriptGzipBytes : null;
  results.push({
    name: 'JavaScript gzip /porsgrunn/meld',
    value: js,
    limit: `≤ ${TARGETS.reportPageScriptGzipBytes} bytes (80 kB)`,
    verdict: js === null ? 'n/a' : js <= TARGETS.reportPageScriptGzipBytes ? 'PASS' : 'MISS',
  });
  return results;
}

async function run(cleanup: Cleanup): Promise<{
  summaries: Map<PageKey, PageSummary>;
  chromium: string;
  readyMs: number;
  serverProblems: string[];
}> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meldepunkt-bench-web-'));
  cleanup.defer(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const env = serverEnv({
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    MAP_TILE_URL: 'none',
    LOG_LEVEL: 'warn',
    REPORT_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const server = startServer(cleanup, 'web bench server', 'src/main.ts', env, port, ROOT);
  const readyMs = await server.waitReady(120_000);
  console.log(
    `server ready in ${readyMs} ms at ${server.baseUrl}; seeding ${SEEDED_REPORTS} reports for the map`,
  );
  await seedReports(server.baseUrl, SEEDED_REPORTS);

  const browser = await withTimeout(launchBrowser(), 60_000, 'launching Chromium');
  cleanup.defer('close Chromium', () => browser.close());
  const chromium = chromiumVersion(browser);
  console.log(
    `${chromium}; ${CPU_SLOWDOWN}× CPU, ${SLOW_4G.name}: latency ${SLOW_4G.latencyMs} ms, ` +
      `down ${SLOW_4G.downloadBytesPerSecond} B/s, up ${SLOW_4G.uploadBytesPerSecond} B/s; ${RUNS} cold loads per page`,
  );

  // One unthrottled load per page first, so the server's first-request costs are not measured.
  for (const { path: pagePath } of PAGES) {
    await measurePageLoad(browser, `${server.baseUrl}${pagePath}`, {
      throttled: false,
      timeoutMs: PAGE_TIMEOUT_MS,
    });
  }

  const runs = new Map<PageKey, PageLoad[]>(PAGES.map(({ key }) => [key, []]));
  // Pages take turns, so a slow moment of the machine does not land on one page only.
  for (let i = 1; i <= RUNS; i++) {
    for (const { key, path: pagePath } of PAGES) {
      const load = await measurePageLoad(browser, `${server.baseUrl}${pagePath}`, {
        throttled: true,
        timeoutMs: PAGE_TIMEOUT_MS,
      });
      if (load.failed.length > 0)
        console.error(`  ⚠ ${pagePath}: failed requests: ${load.failed.join('; ')}`);
      runs.get(key)?.push(load);
      console.log(
        `  run ${i} ${pagePath.padEnd(16)} LCP ${ms(load.lcpMs).padStart(5)} ms  ` +
          `${kB(load.transferredTotal).padStart(6)} kB  ${load.requests} requests`,
      );
    }
  }

  const summaries = new Map<PageKey, PageSummary>();
  for (const { key, path: pagePath } of PAGES) {
    summaries.set(key, await summarize(server.baseUrl, pagePath, runs.get(key) ?? []));
  }
  const exitCode = await server.stop();
  if (exitCode !== 0) server.problems.push(`server exited with ${exitCode} after SIGTERM`);
  return { summaries, chromium, readyMs, serverProblems: server.problems };
}

const watchdog = setTimeout(
  () => void abort(`did not finish within ${OVERALL_LIMIT_MS / 60_000} minutes`, 2),
  OVERALL_LIMIT_MS,
);
watchdog.unref();

const loadBefore = os.loadavg()[0] ?? 0;
const cleanup = new Cleanup();
current = cleanup;
let outcome: Awaited<ReturnType<typeof run>> | undefined;
let failure: string | undefined;
try {
  outcome = await run(cleanup);
} catch (error) {
  failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
} finally {
  await cleanup.runAll();
  current = undefined;
  clearTimeout(watchdog);
}
const loadAfter = os.loadavg()[0] ?? 0;

if (!outcome) {
  console.error(`\n✖ bench:web failed: ${failure}`);
  process.exit(1);
}

printTable(outcome.summaries);
const targets = evaluateTargets(outcome.summaries);
console.log('\ntargets');
for (const t of targets) {
  console.log(
    `  ${t.name.padEnd(34)} ${String(t.value ?? '—').padStart(6)}   ${t.limit.padEnd(26)} ${t.verdict}`,
  );
}

const cores = os.availableParallelism();
const disturbed = Math.max(loadBefore, loadAfter) > cores * BUSY_LOAD_PER_CORE;
if (disturbed) {
  console.error(
    `\n⚠ load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after on ${cores} cores: ` +
      'other work competed for the CPU; rerun on a quiet machine before trusting the times.',
  );
}
if (outcome.serverProblems.length > 0) {
  console.error(`\nserver logged ${outcome.serverProblems.length} warning/error line(s), the last ones:`);
  console.error(tail(outcome.serverProblems, 10));
}

const report = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  chromium: outcome.chromium,
  playwrightCore: createRequire(import.meta.url)('playwright-core/package.json').version as string,
  cpus: cores,
  cpuModel: os.cpus()[0]?.model,
  platform: `${os.platform()} ${os.release()}`,
  loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadAfter * 100) / 100 },
  disturbed,
  settings: {
    runsPerPage: RUNS,
    cache: 'cold: new browser context per load, cache cleared and disabled',
    warmUp: 'one unthrottled load per page before the measured runs (not counted)',
    cpuThrottlingRate: CPU_SLOWDOWN,
    network: {
      profile: SLOW_4G.name,
      latencyMs: SLOW_4G.latencyMs,
      downloadThroughputBytesPerSecond: SLOW_4G.downloadBytesPerSecond,
      uploadThroughputBytesPerSecond: SLOW_4G.uploadBytesPerSecond,
    },
    viewport: { ...VIEWPORT, isMobile: true },
    server: {
      database: 'embedded PGlite in a temporary DATA_DIR',
      mapTileUrl: 'none',
      logLevel: 'warn',
      seededReports: SEEDED_REPORTS,
      readyMs: outcome.readyMs,
    },
    lcp: 'PerformanceObserver largest-contentful-paint (buffered), installed by page.addInitScript; last entry after networkidle + 500 ms',
    bytes: 'CDP Network.loadingFinished encodedDataLength (headers + compressed body) per resource type',
    scriptGzip: 'each script the page loaded, fetched again with Accept-Encoding: gzip; raw body bytes',
  },
  targets: {
    lcpMs: `< ${TARGETS.lcpMs} (median of the runs)`,
    reportPageScriptGzipBytes: `<= ${TARGETS.reportPageScriptGzipBytes}`,
    results: targets,
  },
  pages: Object.fromEntries(
    [...outcome.summaries].map(([key, s]) => [
      key,
      {
        path: s.path,
        lcpMs: s.lcpMs,
        lcpElement: s.lcpElement,
        fcpMsMedian: s.fcpMsMedian,
        loadMsMedian: s.loadMsMedian,
        transferredBytesMedian: s.transferredBytes,
        requests: s.requests,
        scriptWireBodyBytes: s.scriptWireBodyBytes,
        scriptGzipBytes: s.scriptGzipBytes,
        acceptEncoding: s.runs[0]?.acceptEncoding ?? null,
        scripts: s.scripts,
        runs: s.runs.map((r) => ({
          lcpMs: r.lcpMs,
          fcpMs: r.fcpMs,
          domContentLoadedMs: r.domContentLoadedMs,
          loadMs: r.loadMs,
          transferredBytes: { ...r.transferred, total: r.transferredTotal },
          requests: r.requests,
          failed: r.failed,
        })),
      },
    ]),
  ),
  serverProblems: outcome.serverProblems,
};
const dir = path.join(ROOT, 'bench', 'results');
await mkdir(dir, { recursive: true });
const file = path.join(dir, 'web-latest.json');
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote ${path.relative(process.cwd(), file)}`);

// `npm run bench:intake`: report intake throughput and latency on PostgreSQL (web and worker
// processes, receipts sent to a local SMTP server, and the time until all are: the drain) and on
// PGlite (one process, /healthz sampled during the run), each beside its bare Fastify + one INSERT
// ceiling on the same machine; then the embedded server's idle memory. Prints a table and writes
// its keys into bench/results/latest.json (bench/inbox.ts and bench/notifications.ts write theirs).
// Every scenario gets its own fresh database or data directory and removes it afterwards.
// BENCH_ONLY=intake/pglite,ceiling/pglite,embedded runs some; BENCH_DURATION_SECONDS shortens.
import os from 'node:os';
import path from 'node:path';
import { ceilingPglite, embeddedIdle, type IdleMemory, intakePglite } from './embedded.ts';
import { SETTINGS } from './load.ts';
import { ceilingPostgres, intakePostgres, type Measurement, ROOT } from './scenarios.ts';
import { Cleanup, mergeResults, tail } from './support.ts';

const TARGETS = {
  minRatio: 0.5,
  maxP99Ms: 50,
  pglite: { minRatio: 0.5, maxP99Ms: 250, maxHealthzP99Ms: 100 },
  maxIdleRssMiB: 300,
} as const;
const OVERALL_LIMIT_MS = 10 * 60_000;
const OTHER_LOAD_WARNING_CORES = 0.2;

interface Scenario {
  key: 'intake/postgres' | 'intake/pglite' | 'ceiling/postgres' | 'ceiling/pglite';
  run: (cleanup: Cleanup) => Promise<Measurement>;
}

const ONLY = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const wanted = (key: string) => !ONLY || ONLY.includes(key);

const SCENARIOS: Scenario[] = (
  [
    { key: 'intake/postgres', run: intakePostgres },
    { key: 'ceiling/postgres', run: ceilingPostgres },
    { key: 'intake/pglite', run: intakePglite },
    { key: 'ceiling/pglite', run: ceilingPglite },
  ] satisfies Scenario[]
).filter(({ key }) => wanted(key));

let current: Cleanup | undefined;

async function abort(reason: string, code: number): Promise<never> {
  console.error(`\nbench: ${reason}; cleaning up`);
  await current?.runAll();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void abort(`received ${signal}`, 130));
}

const results = new Map<Scenario['key'], Measurement>();
const failures: string[] = [];
/** Scenarios measured while other processes competed for the CPU. */
const disturbed: string[] = [];

function problemsOf(key: string, m: Measurement): string[] {
  const found: string[] = [];
  if (m.non2xx > 0 || m.total.non2xx > 0) {
    found.push(
      `${key}: ${m.total.non2xx} non-2xx answers (status codes ${JSON.stringify(m.total.statusCodes)})`,
    );
  }
  if (m.total.errors > 0)
    found.push(
      `${key}: ${m.total.errors} request errors (${m.total.timeouts} timed out after 10 s with no answer)`,
    );
  if (m.rowsCheck === 'mismatch') {
    found.push(
      `${key}: ${m.rows} rows stored but ${m.total.ok2xx} 2xx answers (${m.total.unanswered} unanswered)`,
    );
  }
  if (m.serverExitCode !== 0) found.push(`${key}: server exited with ${m.serverExitCode} after SIGTERM`);
  if (m.drain && m.drain.ms === null) {
    found.push(`${key}: ${m.drain.receiptsSent} of ${m.drain.reports} receipts sent when the drain gave up`);
  }
  if (m.healthz && m.healthz.failed > 0) found.push(`${key}: ${m.healthz.failed} /healthz samples failed`);
  return found;
}

async function runAll(): Promise<void> {
  for (const scenario of SCENARIOS) {
    const cleanup = new Cleanup();
    current = cleanup;
    console.log(
      `\n▶ ${scenario.key}: warm-up ${SETTINGS.warmupSeconds} s, then ${SETTINGS.durationSeconds} s`,
    );
    try {
      const m = await scenario.run(cleanup);
      results.set(scenario.key, m);
      const found = problemsOf(scenario.key, m);
      failures.push(...found);
      for (const line of found) console.error(`  ✖ ${line}`);
      const rowsNote =
        m.rowsCheck === 'equal'
          ? 'equal'
          : m.rowsCheck === 'equal-with-unanswered'
            ? 'equal once requests left unanswered (in flight at stop or timed out) are counted'
            : m.rowsCheck === 'within-unanswered'
              ? 'some unanswered requests were not stored'
              : 'MISMATCH';
      console.log(
        `  ready in ${m.readyMs} ms; ${Math.round(m.rps)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms; ` +
          `rows ${m.rows} vs 2xx ${m.total.ok2xx} (warm-up + measured; ${m.total.unanswered} in flight at stop or timed out): ${rowsNote}`,
      );
      if (m.coresUsed) {
        const c = m.coresUsed;
        console.log(
          `  cores busy during the measured run: server ${c.server}, worker and SMTP sink ${c.helpers}, postgres ${c.postgres}, load generator ${c.loadGenerator}, other processes ${c.other}`,
        );
        if (c.other > OTHER_LOAD_WARNING_CORES) {
          disturbed.push(
            `${scenario.key}: other processes kept ${c.other} of ${os.availableParallelism()} cores busy`,
          );
          console.error(`  ⚠ other work on the machine used ${c.other} cores: this measurement is disturbed`);
        }
      }
      if (m.healthz) {
        console.log(
          `  /healthz during the run: p50 ${m.healthz.p50} ms, p99 ${m.healthz.p99} ms, max ${m.healthz.max} ms (${m.healthz.samples} samples)`,
        );
      }
      if (m.drain) {
        console.log(
          `  drain (${m.processes}): ${m.drain.ms === null ? 'not finished' : `${m.drain.ms} ms`} after the run until ${m.drain.receiptsSent} of ${m.drain.reports} receipts were sent`,
        );
      }
      if (m.serverProblems.length > 0) {
        console.error(`  server logged ${m.serverProblems.length} warning/error line(s), the last ones:`);
        console.error(tail(m.serverProblems, 10));
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${scenario.key}: ${message}`);
      console.error(`  ✖ ${scenario.key} failed: ${message}`);
    } finally {
      await cleanup.runAll();
      current = undefined;
    }
  }
}

function cell(value: number | undefined, digits = 0): string {
  return value === undefined ? '—' : value.toFixed(digits);
}

interface Ratios {
  postgres: number | undefined;
  pglite: number | undefined;
}

function ratioOf(intakeKey: Scenario['key'], ceilingKey: Scenario['key']): number | undefined {
  const intake = results.get(intakeKey);
  const ceiling = results.get(ceilingKey);
  return intake && ceiling && ceiling.rps > 0 ? intake.rps / ceiling.rps : undefined;
}

function printTable(ratios: Ratios, idle: IdleMemory | undefined): void {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'timeouts',
    'rows',
    '2xx',
    'peak RSS MiB',
    'cores srv/wrk/pg/gen/other',
  ];
  const rows = SCENARIOS.map(({ key }) => {
    const m = results.get(key);
    return [
      key,
      cell(m?.rps),
      cell(m?.p50),
      cell(m?.p99),
      cell(m?.total.non2xx),
      cell(m?.timeouts),
      cell(m?.rows),
      cell(m?.total.ok2xx),
      cell(m?.peakRssMiB, 1),
      m?.coresUsed
        ? `${m.coresUsed.server}/${m.coresUsed.helpers}/${m.coresUsed.postgres}/${m.coresUsed.loadGenerator}/${m.coresUsed.other}`
        : '—',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));

  const verdict = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');
  const target = (label: string, value: string, goal: string, ok: boolean | undefined) =>
    console.log(`  ${label.padEnd(34)} ${value.padStart(9)}   ${goal.padEnd(10)} ${verdict(ok)}`);
  const below = (v: number | undefined, max: number) => (v === undefined ? undefined : v < max);
  const atLeast = (v: number | undefined, min: number) => (v === undefined ? undefined : v >= min);
  const pg = results.get('intake/postgres');
  const lite = results.get('intake/pglite');
  console.log('\ntargets');
  target(
    'intake/ceiling on PostgreSQL',
    cell(ratios.postgres, 2),
    `≥ ${TARGETS.minRatio}`,
    atLeast(ratios.postgres, TARGETS.minRatio),
  );
  target(
    'intake/postgres p99',
    `${cell(pg?.p99)} ms`,
    `< ${TARGETS.maxP99Ms} ms`,
    below(pg?.p99, TARGETS.maxP99Ms),
  );
  target(
    'postgres drain (all receipts sent)',
    `${cell(pg?.drain?.ms ?? undefined)} ms`,
    'bounded',
    pg?.drain ? pg.drain.ms !== null : undefined,
  );
  target(
    'intake/ceiling on PGlite',
    cell(ratios.pglite, 2),
    `≥ ${TARGETS.pglite.minRatio}`,
    atLeast(ratios.pglite, TARGETS.pglite.minRatio),
  );
  target(
    'intake/pglite p99',
    `${cell(lite?.p99)} ms`,
    `< ${TARGETS.pglite.maxP99Ms} ms`,
    below(lite?.p99, TARGETS.pglite.maxP99Ms),
  );
  target('intake/pglite timeouts', cell(lite?.timeouts), '0', lite ? lite.timeouts === 0 : undefined);
  target(
    '/healthz p99 during intake/pglite',
    `${cell(lite?.healthz?.p99)} ms`,
    `< ${TARGETS.pglite.maxHealthzP99Ms} ms`,
    below(lite?.healthz?.p99, TARGETS.pglite.maxHealthzP99Ms),
  );
  target(
    'embedded idle RSS',
    `${cell(idle?.idleRssMiB)} MiB`,
    `< ${TARGETS.maxIdleRssMiB} MiB`,
    below(idle?.idleRssMiB, TARGETS.maxIdleRssMiB),
  );
}

const round = (n: number | undefined, digits = 3) =>
  n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits;

async function writeResults(ratios: Ratios, idle: IdleMemory | undefined): Promise<string> {
  const pick = (key: Scenario['key']) => {
    const m = results.get(key);
    return m
      ? { ...m, rps: Math.round(m.rps * 10) / 10, latencyAvg: Math.round(m.latencyAvg * 100) / 100 }
      : null;
  };
  const pg = results.get('intake/postgres');
  const lite = results.get('intake/pglite');
  const report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg(),
    settings: { ...SETTINGS, bodiesVary: 'fresh id in description, 16 points', databasePoolMax: 10 },
    targets: TARGETS,
    intake: { postgres: pick('intake/postgres'), pglite: pick('intake/pglite') },
    ceiling: { postgres: pick('ceiling/postgres'), pglite: pick('ceiling/pglite') },
    ratio: { postgres: round(ratios.postgres), pglite: round(ratios.pglite) },
    healthz: { pglite: lite?.healthz ?? null },
    /** Server mode: from the end of the intake run until every email receipt was sent. */
    drain: { postgres: pg?.drain ? { ...pg.drain, processes: pg.processes } : null },
    embedded: idle ?? null,
    /** The run itself was sound (no errors, rows add up); says nothing about the targets. */
    valid: failures.length === 0,
    targetsMet: {
      ratio: ratios.postgres !== undefined && ratios.postgres >= TARGETS.minRatio,
      p99: (pick('intake/postgres')?.p99 ?? Infinity) < TARGETS.maxP99Ms,
      pgliteRatio: ratios.pglite !== undefined && ratios.pglite >= TARGETS.pglite.minRatio,
      pgliteP99: (lite?.p99 ?? Infinity) < TARGETS.pglite.maxP99Ms && lite?.timeouts === 0,
      healthzP99: (lite?.healthz?.p99 ?? Infinity) < TARGETS.pglite.maxHealthzP99Ms,
      idleRss: (idle?.idleRssMiB ?? Infinity) < TARGETS.maxIdleRssMiB,
    },
    failures,
    disturbed,
  };
  return mergeResults(ROOT, report);
}

async function measureIdle(): Promise<IdleMemory | undefined> {
  if (!wanted('embedded')) return undefined;
  const cleanup = new Cleanup();
  current = cleanup;
  console.log('\n▶ embedded: npm start with a fresh data directory, then idle');
  try {
    const idle = await embeddedIdle(cleanup);
    console.log(
      `  ready in ${idle.readyMs} ms; RSS after ${idle.idleSeconds} s idle ${idle.idleRssMiB} MiB (peak ${idle.peakRssMiB} MiB)`,
    );
    return idle;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push(`embedded: ${message}`);
    console.error(`  ✖ embedded failed: ${message}`);
    return undefined;
  } finally {
    await cleanup.runAll();
    current = undefined;
  }
}

const watchdog = setTimeout(
  () => void abort(`did not finish within ${OVERALL_LIMIT_MS / 60_000} minutes`, 2),
  OVERALL_LIMIT_MS,
);
watchdog.unref();

let idle: IdleMemory | undefined;
try {
  await runAll();
  idle = await measureIdle();
} finally {
  clearTimeout(watchdog);
}

const ratios: Ratios = {
  postgres: ratioOf('intake/postgres', 'ceiling/postgres'),
  pglite: ratioOf('intake/pglite', 'ceiling/pglite'),
};
printTable(ratios, idle);
const file = await writeResults(ratios, idle);
console.log(`\nwrote ${path.relative(process.cwd(), file)}`);

if (disturbed.length > 0) {
  console.error(
    '\n⚠ Other work competed for the CPU; rerun on a quiet machine before trusting these numbers:',
  );
  for (const line of disturbed) console.error(`  - ${line}`);
}
if (failures.length > 0) {
  console.error(`\n✖ BENCHMARK INVALID: ${failures.length} problem(s):`);
  for (const failure of failures) console.error(`  - ${failure}`);
  process.exitCode = 1;
}

// `npm run bench`: report intake throughput and latency on PostgreSQL and on PGlite, against a
// bare Fastify + pg ceiling on the same machine; prints a table and writes its keys into
// bench/results/latest.json (bench/inbox.ts writes `inbox` there).
// Every scenario gets its own fresh database or data directory and removes it afterwards.
import os from 'node:os';
import path from 'node:path';
import { SETTINGS } from './load.ts';
import { ceilingPostgres, intakePglite, intakePostgres, type Measurement, ROOT } from './scenarios.ts';
import { Cleanup, mergeResults, tail } from './support.ts';

const TARGETS = { minRatio: 0.5, maxP99Ms: 50 } as const;
const OVERALL_LIMIT_MS = 10 * 60_000;
const OTHER_LOAD_WARNING_CORES = 0.2;

interface Scenario {
  key: 'intake/postgres' | 'intake/pglite' | 'ceiling/postgres';
  run: (cleanup: Cleanup) => Promise<Measurement>;
}

const SCENARIOS: Scenario[] = [
  { key: 'intake/postgres', run: intakePostgres },
  { key: 'intake/pglite', run: intakePglite },
  { key: 'ceiling/postgres', run: ceilingPostgres },
];

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
          `  cores busy during the measured run: server ${c.server}, postgres ${c.postgres}, load generator ${c.loadGenerator}, other processes ${c.other}`,
        );
        if (c.other > OTHER_LOAD_WARNING_CORES) {
          disturbed.push(
            `${scenario.key}: other processes kept ${c.other} of ${os.availableParallelism()} cores busy`,
          );
          console.error(`  ⚠ other work on the machine used ${c.other} cores: this measurement is disturbed`);
        }
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

function printTable(ratio: number | undefined): void {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'rows',
    '2xx',
    'peak RSS MiB',
    'cores srv/pg/gen',
  ];
  const rows = SCENARIOS.map(({ key }) => {
    const m = results.get(key);
    return [
      key,
      cell(m?.rps),
      cell(m?.p50),
      cell(m?.p99),
      cell(m?.total.non2xx),
      cell(m?.rows),
      cell(m?.total.ok2xx),
      cell(m?.peakRssMiB, 1),
      m?.coresUsed
        ? `${m.coresUsed.server}/${m.coresUsed.postgres}/${m.coresUsed.loadGenerator}/${m.coresUsed.other}`
        : '—',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));

  const verdict = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');
  const pg = results.get('intake/postgres');
  const lite = results.get('intake/pglite');
  console.log('\ntargets');
  console.log(
    `  intake/ceiling on PostgreSQL  ${cell(ratio, 2).padStart(6)}   ≥ ${TARGETS.minRatio}    ` +
      verdict(ratio === undefined ? undefined : ratio >= TARGETS.minRatio),
  );
  for (const [key, m] of [
    ['intake/postgres p99', pg],
    ['intake/pglite p99  ', lite],
  ] as const) {
    console.log(
      `  ${key}           ${`${cell(m?.p99)} ms`.padStart(6)}   < ${TARGETS.maxP99Ms} ms ` +
        verdict(m === undefined ? undefined : m.p99 < TARGETS.maxP99Ms),
    );
  }
}

async function writeResults(ratio: number | undefined): Promise<string> {
  const pick = (key: Scenario['key']) => {
    const m = results.get(key);
    return m
      ? { ...m, rps: Math.round(m.rps * 10) / 10, latencyAvg: Math.round(m.latencyAvg * 100) / 100 }
      : null;
  };
  const report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model,
    platform: `${os.platform()} ${os.release()}`,
    settings: { ...SETTINGS, bodiesVary: 'fresh id in description, 16 points', databasePoolMax: 10 },
    targets: TARGETS,
    intake: { postgres: pick('intake/postgres'), pglite: pick('intake/pglite') },
    ceiling: { postgres: pick('ceiling/postgres') },
    ratio: { postgres: ratio === undefined ? null : Math.round(ratio * 1000) / 1000 },
    /** The run itself was sound (no errors, rows add up); says nothing about the targets. */
    valid: failures.length === 0,
    targetsMet: {
      ratio: ratio !== undefined && ratio >= TARGETS.minRatio,
      p99: (['intake/postgres', 'intake/pglite'] as const).every(
        (name) => (pick(name)?.p99 ?? Infinity) < TARGETS.maxP99Ms,
      ),
    },
    failures,
    disturbed,
  };
  return mergeResults(ROOT, report);
}

const watchdog = setTimeout(
  () => void abort(`did not finish within ${OVERALL_LIMIT_MS / 60_000} minutes`, 2),
  OVERALL_LIMIT_MS,
);
watchdog.unref();

try {
  await runAll();
} finally {
  clearTimeout(watchdog);
}

const intake = results.get('intake/postgres');
const ceiling = results.get('ceiling/postgres');
const ratio = intake && ceiling && ceiling.rps > 0 ? intake.rps / ceiling.rps : undefined;
printTable(ratio);
const file = await writeResults(ratio);
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

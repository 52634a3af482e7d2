// `npm run bench:first-start`: how long `npm start` takes until the first page answers, from a
// fresh clone's state (no admin/dist, no data directory) and again on the same data directory.
// Runs what `npm start` runs, as separate timed steps: the back-office build (prestart: forced
// for the fresh start, the up-to-date check for the restart), then the server with the script's
// environment and Node options (preload.ts among them),
// until GET /porsgrunn answers 200. Writes firstStart.{freshMs,restartMs,…} into
// bench/results/latest.json. Numbers depend on the machine and on what else runs on it.
//   node bench/first-start.ts [--runs N]   (N restarts; the median is reported)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort, mergeResults, npmScriptEnv, npmScriptNodeArgs, tail, withTimeout } from './support.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 1) : 1;

function run(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0
        ? resolve(Math.round(performance.now() - started))
        : reject(new Error(`${args.join(' ')}: ${code}`)),
    );
  });
}

interface Start {
  ms: number;
  phases: Record<string, number>;
}

async function serve(dataDir: string): Promise<Start> {
  const port = await freePort();
  const nodeArgs = await npmScriptNodeArgs(ROOT);
  const scriptEnv = await npmScriptEnv(ROOT);
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...scriptEnv,
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n')));
  child.stderr.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n')));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${tail(output)}`);
      if (performance.now() - started > 300_000) throw new Error(`not ready in 300 s:\n${tail(output)}`);
      const status = await fetch(`http://127.0.0.1:${port}/porsgrunn`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      await sleep(25);
    }
    const ms = Math.round(performance.now() - started);
    const line = output.find((l) => l.includes('"start-up phases'));
    const phases = line ? (JSON.parse(line) as { phases: Record<string, number> }).phases : {};
    return { ms, phases };
  } finally {
    child.kill('SIGTERM');
    await withTimeout(exited, 20_000, 'server shutdown');
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const dataDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-bench-first-start-'));
try {
  const buildMs = await run(['scripts/build-admin.ts', '--force']);
  const fresh = await serve(dataDir);
  console.log(`fresh start: build ${buildMs} ms + server ${fresh.ms} ms`, fresh.phases);
  const restarts: { total: number; check: number; start: Start }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const check = await run(['scripts/build-admin.ts']);
    const start = await serve(dataDir);
    restarts.push({ total: check + start.ms, check, start });
    console.log(`restart: build check ${check} ms + server ${start.ms} ms`, start.phases);
  }
  const restartMs = median(restarts.map((r) => r.total));
  const file = await mergeResults(ROOT, {
    firstStart: {
      freshMs: buildMs + fresh.ms,
      restartMs,
      freshBuildMs: buildMs,
      freshServerMs: fresh.ms,
      freshPhases: fresh.phases,
      restartRuns: RUNS,
      restartPhases: restarts.at(-1)?.start.phases ?? {},
      measuredAt: new Date().toISOString(),
    },
  });
  console.log(
    `fresh ${buildMs + fresh.ms} ms, restart ${restartMs} ms (median of ${RUNS}); written to ${file}`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

// Helpers for bench/run.ts: clean-up that always runs, scratch databases, free ports, and
// server child processes with captured output, readiness polling and peak memory.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

export const PG_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Clean-up steps run last-in first-out, each at most once, also from signal handlers. */
export class Cleanup {
  private readonly steps: { label: string; run: () => Promise<void> }[] = [];

  defer(label: string, run: () => Promise<void>): void {
    this.steps.push({ label, run });
  }

  async runAll(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await withTimeout(step.run(), 20_000, `clean-up: ${step.label}`);
      } catch (error) {
        console.error(`clean-up step "${step.label}" failed:`, error);
      }
    }
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates an empty database and returns its URL; its drop is registered with `cleanup`. */
export async function createScratchDatabase(cleanup: Cleanup, purpose: string): Promise<string> {
  const name = `meldepunkt_bench_${purpose}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database "${name}"`);
  cleanup.defer(`drop database ${name}`, () => adminQuery(`drop database if exists "${name}" with (force)`));
  return PG_ADMIN_URL.replace(/\/postgres$/, `/${name}`);
}

export async function queryOne<T>(url: string, text: string): Promise<T | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(text);
    return result.rows[0] as T | undefined;
  } finally {
    await client.end();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Output lines (stdout and stderr), newest last, at most the last 500. */
  readonly output: string[];
  /** Lines that are pino records at warn or above, or plain stderr text. */
  readonly problems: string[];
  waitReady(timeoutMs: number): Promise<number>;
  /** VmHWM of the process in MiB, or undefined where /proc is not available. */
  peakRssMiB(): Promise<number | undefined>;
  stop(): Promise<number | null>;
}

export function startServer(
  cleanup: Cleanup,
  label: string,
  script: string,
  env: Record<string, string | undefined>,
  port: number,
  cwd: string,
  nodeArgs: readonly string[] = [],
): ServerProcess {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const problems: string[] = [];
  const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 500) output.shift();
      if (isProblem(line, stream) && problems.length < 200) problems.push(line);
    }
  };
  child.stdout?.on('data', collect('stdout'));
  child.stderr?.on('data', collect('stderr'));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null)));
  });

  async function stop(): Promise<number | null> {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    try {
      return await withTimeout(exited, 15_000, `${label} shutdown`);
    } catch {
      console.error(`${label} did not stop within 15 s of SIGTERM; killing it`);
      child.kill('SIGKILL');
      return exited;
    }
  }
  cleanup.defer(`stop ${label}`, async () => {
    await stop();
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    baseUrl,
    output,
    problems,
    stop,
    async waitReady(timeoutMs) {
      const started = performance.now();
      while (performance.now() - started < timeoutMs) {
        if (child.exitCode !== null) {
          throw new Error(`${label} exited with ${child.exitCode} before it was ready:\n${tail(output)}`);
        }
        try {
          const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
          if (response.status === 200) return Math.round(performance.now() - started);
        } catch {
          // Not listening yet.
        }
        await sleep(200);
      }
      throw new Error(`${label} was not ready within ${timeoutMs} ms:\n${tail(output)}`);
    },
    async peakRssMiB() {
      if (child.pid === undefined) return undefined;
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
        const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
        return kb ? Math.round(Number(kb) / 102.4) / 10 : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

function isProblem(line: string, stream: 'stdout' | 'stderr'): boolean {
  try {
    const record: unknown = JSON.parse(line);
    if (typeof record === 'object' && record !== null && 'level' in record) {
      return typeof record.level === 'number' && record.level >= 40;
    }
  } catch {
    // Not JSON.
  }
  return stream === 'stderr';
}

export function tail(lines: readonly string[], count = 20): string {
  return lines
    .slice(-count)
    .map((line) => `    ${line.length > 400 ? `${line.slice(0, 400)}…` : line}`)
    .join('\n');
}

/**
 * Writes `patch` into `bench/results/latest.json` under `root`, keeping the keys other benchmarks
 * wrote there (each owns its own: intake's, `inbox`…). A file that is not a JSON object is replaced.
 */
export async function mergeResults(root: string, patch: Record<string, unknown>): Promise<string> {
  const dir = path.join(root, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  let existing: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      existing = parsed as Record<string, unknown>;
    }
  } catch {
    // No file yet, or not JSON: start afresh.
  }
  await writeFile(file, `${JSON.stringify({ ...existing, ...patch }, null, 2)}\n`);
  return file;
}

async function npmScriptWords(root: string, script: string): Promise<string[]> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return (pkg.scripts?.[script] ?? '').split(/\s+/).filter(Boolean);
}

/**
 * The environment an npm script sets before `node` (`ROLE=web`, `MALLOC_MMAP_THRESHOLD_=…`), read
 * from package.json, so the benchmarks measure the process as an operator starts it.
 */
export async function npmScriptEnv(root: string, script = 'start'): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const word of await npmScriptWords(root, script)) {
    const equals = word.indexOf('=');
    // `node` ends them: it has no '=', and the words after it are its own.
    if (equals <= 0) break;
    env[word.slice(0, equals)] = word.slice(equals + 1);
  }
  return env;
}

/**
 * The Node.js options an npm script gives the server (`start`: a smaller young generation and the
 * preload; `start:web`, `start:worker`: the preload), read from package.json, so the benchmarks
 * measure the process as an operator starts it. Leading `NAME=value` words are npmScriptEnv's.
 */
export async function npmScriptNodeArgs(root: string, script = 'start'): Promise<string[]> {
  const words = await npmScriptWords(root, script);
  while (words[0]?.includes('=')) words.shift();
  if (words[0] !== 'node') return [];
  // Flags, and the value after those that take one as the next word (--import ./preload.ts).
  const args: string[] = [];
  const inner = words.slice(1, -1);
  for (let i = 0; i < inner.length; i++) {
    const word = inner[i] ?? '';
    if (!word.startsWith('--')) continue;
    args.push(word);
    const next = inner[i + 1];
    if (!word.includes('=') && next !== undefined && !next.startsWith('--')) {
      args.push(next);
      i++;
    }
  }
  return args;
}

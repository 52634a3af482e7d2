// A restart on an existing data directory repeats none of the first start's work: no migrations,
// no seed rows, no address import, no password hashing, and the same demo passwords. Also: the
// demo accounts' block comes after the start-up log lines, whose format follows LOG_FORMAT.
// (How fast is the benchmark's business: bench/first-start.ts.)
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

// A first start takes seconds alone and minutes while other tests share the two cores.
vi.setConfig({ testTimeout: 900_000, hookTimeout: 60_000 });
const READY_WITHIN_MS = 400_000;

interface StartupLine {
  msg: string;
  work: {
    migrationsRun: boolean;
    seedRowsAdded: number;
    addressesAdded: number;
    passwordsHashed: number;
  };
  phases: Record<string, number>;
}

function startupLine(output: string): StartupLine {
  const line = output.split('\n').find((l) => l.includes('"start-up phases'));
  if (!line) throw new Error(`no start-up phases line in:\n${output}`);
  return JSON.parse(line) as StartupLine;
}

function demoPasswords(output: string): string[] {
  return [...output.matchAll(/^ {2}\w+ +\w+@demo\.meldepunkt\.no +(\S+)$/gm)].map((m) => m[1] ?? '');
}

describe('starting again on the same data directory', () => {
  let dir: string;
  let server: ServerProcess | undefined;
  const env = () => ({ DATA_DIR: dir, LOG_LEVEL: 'info', LOG_FORMAT: 'json' });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-first-start-'));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function startAndStop(): Promise<string> {
    server = await startServerProcess(env(), READY_WITHIN_MS);
    // The block is written after the ready line: wait for it rather than for time to pass.
    await expect.poll(() => demoPasswords(server?.output() ?? '').length, { timeout: 30_000 }).toBe(5);
    const page = await fetch(`${server.url}/porsgrunn`);
    expect(page.status).toBe(200);
    // The demo's notices are on the start page from the first start on (seed-demo-notices).
    expect(await page.text()).toContain('Spyling av vannledninger på Vestsida');
    const output = server.output();
    expect(await server.stop()).toBe(0);
    server = undefined;
    return output;
  }

  it("does the first start's work once, and a restart repeats none of it", async () => {
    const first = await startAndStop();
    const firstWork = startupLine(first).work;
    expect(firstWork.migrationsRun).toBe(true);
    expect(firstWork.seedRowsAdded).toBeGreaterThan(0);
    expect(firstWork.addressesAdded).toBeGreaterThan(0);
    expect(firstWork.passwordsHashed).toBe(5);
    expect((await stat(path.join(dir, 'demo-accounts.json'))).mode & 0o777).toBe(0o600);

    const second = await startAndStop();
    const line = startupLine(second);
    expect(line.work).toEqual({
      migrationsRun: false,
      seedRowsAdded: 0,
      addressesAdded: 0,
      passwordsHashed: 0,
    });
    expect(Object.keys(line.phases)).toEqual(expect.arrayContaining(['openDatabase', 'migrate', 'buildApp']));
    expect(demoPasswords(second)).toEqual(demoPasswords(first));

    // Every log line is JSON, and the demo block follows the last start-up line.
    const lines = second.split('\n');
    const blockAt = lines.findIndex((l) => l.startsWith('Demo back office:'));
    const readyAt = lines.findIndex((l) => l.includes('is ready at'));
    expect(readyAt).toBeGreaterThan(-1);
    expect(blockAt).toBeGreaterThan(readyAt);
    for (const l of lines.slice(0, blockAt).filter((x) => x.trim() !== ''))
      expect(() => JSON.parse(l)).not.toThrow();
    // The passwords are printed, never logged.
    const password = demoPasswords(second)[0] ?? 'none';
    expect(lines.filter((l) => l.startsWith('{') && l.includes(password))).toEqual([]);
  });

  it('writes readable lines, not JSON, with LOG_FORMAT=pretty', async () => {
    server = await startServerProcess({ ...env(), LOG_FORMAT: 'pretty' }, READY_WITHIN_MS);
    await expect.poll(() => demoPasswords(server?.output() ?? '').length, { timeout: 30_000 }).toBe(5);
    const output = server.output();
    expect(await server.stop()).toBe(0);
    server = undefined;
    expect(output).toMatch(/^\d\d:\d\d:\d\d INFO {2}Meldepunkt \(all\) is ready at http/m);
    expect(output).toMatch(/INFO {2}start-up phases .* work=\{"migrationsRun":(true|false),/);
    expect(output).not.toMatch(/^\{"level"/m);
  });
});

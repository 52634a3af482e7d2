import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORSGRUNN_SAMPLE_FILE } from '../modules/geo/local-addresses.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(dataDir: string, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['src/cli/import-addresses.ts', ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), DATA_DIR: dataDir },
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('node src/cli/import-addresses.ts (embedded database)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-import-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('imports the sample, prints the counts and progress, and a second run changes nothing', async () => {
    const first = await run(dataDir, PORSGRUNN_SAMPLE_FILE);
    expect(first.code).toBe(0);
    const counts = /(\d+) lines, (\d+) added, 0 updated, 0 unchanged, 0 skipped\./.exec(first.stdout);
    expect(counts?.[1]).toBeDefined();
    expect(counts?.[2]).toBe(counts?.[1]);
    expect(first.stderr).toMatch(/100\.0 % +\d+ lines +\d+ lines\/s/);

    const second = await run(dataDir, PORSGRUNN_SAMPLE_FILE, '--epsg', '25832');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      `${counts?.[1]} lines, 0 added, 0 updated, ${counts?.[1]} unchanged, 0 skipped.`,
    );
  }, 60_000);

  it('exits 1 on an unreadable file or an unknown --epsg', async () => {
    const missing = await run(dataDir, path.join(dataDir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
    const epsg = await run(dataDir, PORSGRUNN_SAMPLE_FILE, '--epsg', '3857');
    expect(epsg.code).toBe(1);
    expect(epsg.stderr).toContain('Unsupported --epsg 3857');
  });
});

// Where the machine's cores go during a run: the server under test, PostgreSQL (all processes
// named `postgres`) and the load generator (this process), from /proc on Linux.
import { readdir, readFile } from 'node:fs/promises';

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) used so far by one process, from /proc/<pid>/stat. */
export async function processCpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by all processes called `postgres` (the server and its backends). */
async function postgresCpuSeconds(): Promise<number> {
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = (await readFile(`/proc/${entry}/comm`, 'utf8')).trim();
      if (comm === 'postgres') total += await processCpuSeconds(Number(entry));
    } catch {
      // Gone in the meantime.
    }
  }
  return total;
}

/** CPU seconds the whole machine has been busy (all cores, not idle or iowait), from /proc/stat. */
async function machineBusySeconds(): Promise<number> {
  try {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return (
      ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) /
      CLOCK_TICKS_PER_SECOND
    );
  } catch {
    return 0;
  }
}

export interface CpuSnapshot {
  at: number;
  server: number;
  /** The system's other processes under test (server mode: the worker and the SMTP sink). */
  helpers: number;
  postgres: number;
  bench: number;
  machine: number;
}

export async function cpuSnapshot(
  serverPid: number | undefined,
  helperPids: readonly number[] = [],
): Promise<CpuSnapshot> {
  const usage = process.cpuUsage();
  let helpers = 0;
  for (const pid of helperPids) helpers += await processCpuSeconds(pid);
  return {
    at: performance.now(),
    server: serverPid === undefined ? 0 : await processCpuSeconds(serverPid),
    helpers,
    postgres: await postgresCpuSeconds(),
    bench: (usage.user + usage.system) / 1e6,
    machine: await machineBusySeconds(),
  };
}

export interface CoresUsed {
  server: number;
  /** Server mode's worker process and the bench's SMTP sink: part of the system measured. */
  helpers: number;
  /** Every `postgres` process on the machine, so also other users of the same server. */
  postgres: number;
  loadGenerator: number;
  /** Busy cores not accounted for above: other work on the machine disturbing the measurement. */
  other: number;
}

/** Average cores busy between two snapshots, per party. */
export function coresUsed(a: CpuSnapshot, b: CpuSnapshot): CoresUsed {
  const seconds = (b.at - a.at) / 1000;
  const round = (n: number) => Math.round((n / seconds) * 100) / 100;
  const server = b.server - a.server;
  const helpers = b.helpers - a.helpers;
  const postgres = b.postgres - a.postgres;
  const bench = b.bench - a.bench;
  return {
    server: round(server),
    helpers: round(helpers),
    postgres: round(postgres),
    loadGenerator: round(bench),
    other: round(Math.max(0, b.machine - a.machine - server - helpers - postgres - bench)),
  };
}

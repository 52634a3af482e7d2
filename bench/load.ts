// Load generation: a warm-up and a measured autocannon run against one endpoint, with report
// bodies that differ per request (a fresh id in the description, a few points around Porsgrunn).
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { withTimeout } from './support.ts';

/** BENCH_DURATION_SECONDS and BENCH_WARMUP_SECONDS shorten a smoke run (the defaults are the real one). */
export const SETTINGS = {
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 2),
  durationSeconds: Number(process.env.BENCH_DURATION_SECONDS ?? 10),
  connections: 50,
} as const;

/**
 * How every report the load sends begins, so counts take only the benchmark's reports: the demo
 * data a start loads (SEED_DEMO) has reports of its own, without receipts.
 */
export const REPORT_DESCRIPTION_PREFIX = 'Vann renner opp av asfalten ved kum ';

/** Counts the load's reports among a table's rows (the ceiling's tables hold nothing else). */
export function loadReportsWhere(table: string): string {
  return table === 'reports' ? ` where starts_with(description, '${REPORT_DESCRIPTION_PREFIX}')` : '';
}

export function reportRequests(path: string): AutocannonRequest[] {
  const requests: AutocannonRequest[] = [];
  // 4 × 4 points within about ±300 m of 59.14 N, 9.66 E (central Porsgrunn, kommunenummer 4001).
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const body = {
        category: 'vann-lekkasje',
        location: {
          lat: Number((59.1375 + i * 0.0015).toFixed(5)),
          lon: Number((9.657 + j * 0.002).toFixed(5)),
        },
        // autocannon replaces `[<id>]`, brackets and all, with a fresh id per request.
        description: `${REPORT_DESCRIPTION_PREFIX}[<id>].`,
        answers: { mengde: 'renner' },
        contact: { name: 'Kari Nordmann', email: 'kari@example.no', notify: 'email' },
      };
      requests.push({ path, body: JSON.stringify(body) });
    }
  }
  return requests;
}

async function runOnce(baseUrl: string, path: string, seconds: number): Promise<AutocannonResult> {
  const instance = autocannon({
    url: baseUrl,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: SETTINGS.connections,
    duration: seconds,
    timeout: 10,
    idReplacement: true,
    requests: reportRequests(path),
  });
  const stopper = setTimeout(() => instance.stop(), (seconds + 15) * 1000);
  try {
    return await withTimeout(Promise.resolve(instance), (seconds + 30) * 1000, `autocannon ${path}`);
  } finally {
    clearTimeout(stopper);
  }
}

export interface LoadCounts {
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  sent: number;
  /**
   * Requests whose outcome the client never learnt: written but unanswered when autocannon
   * closed its sockets, or given up on after the timeout. The server may still have stored them.
   */
  unanswered: number;
  statusCodes: Record<string, number>;
}

export interface LoadOutcome {
  measured: AutocannonResult;
  /** Warm-up and measured run together: what the database should hold afterwards. */
  total: LoadCounts;
}

function counts(result: AutocannonResult): LoadCounts {
  const answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats)) statusCodes[code] = stat.count;
  return {
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    sent: result.requests.sent,
    unanswered: Math.max(0, result.requests.sent - answered - result.errors) + result.timeouts,
    statusCodes,
  };
}

function add(a: LoadCounts, b: LoadCounts): LoadCounts {
  const statusCodes = { ...a.statusCodes };
  for (const [code, n] of Object.entries(b.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    ok2xx: a.ok2xx + b.ok2xx,
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
    timeouts: a.timeouts + b.timeouts,
    sent: a.sent + b.sent,
    unanswered: a.unanswered + b.unanswered,
    statusCodes,
  };
}

export async function warmUpAndMeasure(
  baseUrl: string,
  path: string,
  aroundMeasured: { before(): Promise<void>; after(): Promise<void> },
): Promise<LoadOutcome> {
  const warmup = await runOnce(baseUrl, path, SETTINGS.warmupSeconds);
  await aroundMeasured.before();
  const measured = await runOnce(baseUrl, path, SETTINGS.durationSeconds);
  await aroundMeasured.after();
  return { measured, total: add(counts(warmup), counts(measured)) };
}

// `node bench/inbox.ts`: the staff inbox on a large municipality. Generates 1,000,000 reports for
// Porsgrunn (and 50,000 for Skien) straight in SQL into a fresh PostgreSQL database, then measures
// p50/p95/p99 of the inbox list and of its counts per status over real HTTP against
// `node src/main.ts`. Target: p95 < 100 ms for every request. Prints a table and writes
// `inbox.<query>.{p50,p95,p99}` into bench/results/latest.json. The database is dropped at the end.
//
// INBOX_BENCH_DATABASE=<name> uses (and keeps) that database instead, making the data only when it
// has none: measure again after a change without waiting two minutes for the data.
// INBOX_BENCH_REPORTS (1,000,000) and INBOX_BENCH_REQUESTS (200) change the sizes.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { generateKey } from '../src/modules/secrets/keys.ts';
import { BENCH_LOGIN, BENCH_PASSWORD, benchReportCount, makeInboxData } from './inbox-data.ts';
import {
  adminQuery,
  Cleanup,
  createScratchDatabase,
  freePort,
  mergeResults,
  PG_ADMIN_URL,
  startServer,
  tail,
} from './support.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REPORTS = Number(process.env.INBOX_BENCH_REPORTS ?? 1_000_000);
const REQUESTS = Number(process.env.INBOX_BENCH_REQUESTS ?? 200);
const KEPT_DATABASE = process.env.INBOX_BENCH_DATABASE;
const WARMUP = 20;
const TARGET_P95_MS = 100;

const cleanup = new Cleanup();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanup.runAll().then(() => process.exit(130));
  });
}

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  /** Rows on the page, or the counts' total ("80000+" more than, "~87000" about). */
  answer: string;
}

interface Query {
  /** The key in bench/results/latest.json. */
  key: string;
  name: string;
  path: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

type Answer = { items?: unknown[]; total?: { count: number; accuracy: string } };

function answerOf(body: Answer): string {
  if (body.items) return String(body.items.length);
  const total = body.total;
  if (!total) return '?';
  return `${total.accuracy === 'about' ? '~' : ''}${total.count}${total.accuracy === 'moreThan' ? '+' : ''}`;
}

async function measure(baseUrl: string, path: string, cookie: string): Promise<Stats> {
  let answer = '';
  const once = async () => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie, 'accept-encoding': 'gzip' } });
    const body = (await response.json()) as Answer;
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    answer = answerOf(body);
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), answer };
}

/** The database to measure in: a scratch one (dropped afterwards), or the kept one named. */
async function benchDatabase(): Promise<{ url: string; secretsKey: string }> {
  if (!KEPT_DATABASE) {
    // A throwaway key: the scratch database is dropped after the run.
    return { url: await createScratchDatabase(cleanup, 'inbox'), secretsKey: generateKey() };
  }
  if (!/^[a-z0-9_]{1,63}$/.test(KEPT_DATABASE)) throw new Error('INBOX_BENCH_DATABASE: a-z, 0-9 and _ only');
  const { rows } = await (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      return await client.query('select 1 from pg_database where datname = $1', [KEPT_DATABASE]);
    } finally {
      await client.end();
    }
  })();
  if (rows.length === 0) await adminQuery(`create database "${KEPT_DATABASE}"`);
  // The same key on every run, so the secrets the first run stored still open. It guards nothing
  // but generated bench data, and is derived here rather than written down anywhere.
  const secretsKey = createHash('sha256').update(`meldepunkt inbox bench ${KEPT_DATABASE}`).digest('hex');
  return { url: PG_ADMIN_URL.replace(/\/postgres$/, `/${KEPT_DATABASE}`), secretsKey };
}

async function main(): Promise<void> {
  const { url, secretsKey } = await benchDatabase();
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: url,
    SECRETS_KEY: secretsKey,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
  };
  for (const name of ['DATA_DIR', 'PUBLIC_URL']) delete env[name];
  const server = startServer(cleanup, 'inbox server', 'src/main.ts', env, port, ROOT);
  // A kept database may get new indexes on a million rows from a migration first.
  await server.waitReady(KEPT_DATABASE ? 600_000 : 120_000);

  const handle = await openDatabase({ kind: 'server', url, poolMax: 2 });
  cleanup.defer('close pool', () => handle.close());
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanup.defer('close client', () => client.end());

  const existing = await benchReportCount(client);
  if (existing === 0) {
    console.log(
      `inbox bench: making ${REPORTS.toLocaleString('en')} reports (+${(REPORTS / 20).toLocaleString('en')} elsewhere)`,
    );
    await makeInboxData(client, handle.db, REPORTS);
  } else {
    console.log(`inbox bench: ${KEPT_DATABASE} has ${existing.toLocaleString('en')} reports already`);
    await client.query('analyze reports');
  }

  const login = await fetch(`${server.baseUrl}/api/v1/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_LOGIN, password: BENCH_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const ids = await client.query<{ team: string; category: string; ref: string }>(
    `select (select id from teams where kommunenummer = '4001' and code = 'vei-og-park') as team,
            (select id from categories where kommunenummer = '4001' and code = 'avlop-tett') as category,
            (select ref from reports where kommunenummer = '4001' order by created_at desc offset 5000 limit 1) as ref`,
  );
  const { team, category, ref } = ids.rows[0] ?? { team: '', category: '', ref: '' };
  const base = '/api/v1/staff/m/4001/reports';
  const first = (await (
    await fetch(`${server.baseUrl}${base}?status=open`, { headers: { cookie } })
  ).json()) as {
    nextCursor: string;
  };
  const lastMonth = new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10);

  const queries: Query[] = [
    { key: 'list-all', name: 'all, newest first', path: base },
    { key: 'list-open', name: 'open, newest first', path: `${base}?status=open` },
    {
      key: 'list-open-page-2',
      name: 'open, page 2 (cursor)',
      path: `${base}?status=open&cursor=${first.nextCursor}`,
    },
    { key: 'list-team', name: 'by team', path: `${base}?team=${team}` },
    { key: 'list-team-open', name: 'by team, open', path: `${base}?team=${team}&status=open` },
    { key: 'list-planlagt', name: 'by status (planlagt)', path: `${base}?status=planlagt` },
    { key: 'list-mine-open', name: 'assigned to me, open', path: `${base}?assignee=me&status=open` },
    { key: 'list-overdue', name: 'overdue', path: `${base}?overdue=true` },
    { key: 'list-open-due', name: 'open, by due date', path: `${base}?status=open&sort=due` },
    { key: 'list-open-priority', name: 'open, by priority', path: `${base}?status=open&sort=-priority` },
    { key: 'list-text-word', name: 'free text "kloakklukt"', path: `${base}?q=kloakklukt` },
    { key: 'list-text-words', name: 'free text "storgata 12"', path: `${base}?q=storgata%2012` },
    { key: 'list-reference', name: 'reference', path: `${base}?q=${ref}` },
    {
      key: 'list-category-dates',
      name: 'category + date range',
      path: `${base}?category=${category}&from=2024-03-01&to=2024-06-30`,
    },
    { key: 'counts', name: 'counts', path: `${base}/counts` },
    { key: 'counts-team', name: 'counts, by team', path: `${base}/counts?team=${team}` },
    { key: 'counts-last-30-days', name: 'counts, last 30 days', path: `${base}/counts?from=${lastMonth}` },
    { key: 'counts-text-word', name: 'counts, free text "kloakklukt"', path: `${base}/counts?q=kloakklukt` },
    {
      key: 'counts-text-words',
      name: 'counts, free text "storgata 12"',
      path: `${base}/counts?q=storgata%2012`,
    },
    { key: 'counts-mine', name: 'counts, assigned to me', path: `${base}/counts?assignee=me` },
    { key: 'counts-overdue', name: 'counts, overdue', path: `${base}/counts?overdue=true` },
  ];
  const results: [Query, Stats][] = [];
  for (const query of queries) {
    results.push([query, await measure(server.baseUrl, query.path, cookie)]);
    console.log(`  measured ${query.name}`);
  }

  console.log(`\nInbox over HTTP, ${REQUESTS} sequential requests each after ${WARMUP} warm-up (ms):`);
  console.log(
    `${'query'.padEnd(32)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'rows'.padStart(8)}`,
  );
  const misses: string[] = [];
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const inbox: Record<string, { p50: number; p95: number; p99: number }> = {};
  for (const [query, s] of results) {
    const flag = s.p95 < TARGET_P95_MS ? '' : '  > target';
    if (flag) misses.push(query.name);
    inbox[query.key] = { p50: round(s.p50), p95: round(s.p95), p99: round(s.p99) };
    console.log(
      `${query.name.padEnd(32)} ${s.p50.toFixed(1).padStart(7)} ${s.p95.toFixed(1).padStart(7)} ${s.p99.toFixed(1).padStart(7)} ${s.answer.padStart(8)}`,
    );
  }
  console.log('(rows: items on the page; for counts the total, "+" more than, "~" an estimate)');
  if (server.problems.length) console.log(`\nserver problems:\n${tail(server.problems)}`);
  const file = await mergeResults(ROOT, { inbox });
  console.log(`wrote inbox.* into ${file}`);
  console.log(
    misses.length
      ? `\nMISSED p95 < ${TARGET_P95_MS} ms: ${misses.join(', ')}`
      : `\nAll inbox requests p95 < ${TARGET_P95_MS} ms.`,
  );
  process.exitCode = misses.length ? 1 : 0;
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup.runAll();
}

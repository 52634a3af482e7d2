// `node bench/notice-fanout.ts`: a notice to 30,000 of 100,000 subscribers, on PostgreSQL (a
// scratch database on 127.0.0.1:5432). This process makes the data (subscribers with
// generate_series, scattered over a 0.1° square in Porsgrunn; the notice a triangle over the
// square's south part, whose bounding box holds about 60,000 of them, so half the candidates fail
// the exact test) and runs a web app on a real port, through which a case worker publishes it. The
// measured process is a worker (bench/notifications-worker.ts: the worker role as src/assemble.ts
// builds it, with the notice fan-out and the send workers), sending to a local SMTP server
// (bench/smtp-sink.ts). Measured: seconds from the publish request to the fan-out finished (every
// message written; target under 2 s), to the last message accepted by the SMTP server, and the
// worker's peak RSS. Merged into bench/results/latest.json under `fanout`.
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { assemble } from '../src/assemble.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, queryRows } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createStaffUser } from '../src/modules/accounts/create-staff-user.ts';
import { createKeyring } from '../src/modules/secrets/keyring.ts';
import { porsgrunn } from '../src/modules/tenants/demo/porsgrunn.ts';
import { seedMunicipality } from '../src/modules/tenants/seed-municipality.ts';
import {
  Cleanup,
  createScratchDatabase,
  mergeResults,
  npmScriptEnv,
  npmScriptNodeArgs,
  withTimeout,
} from './support.ts';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
const TIME_LIMIT_MS = 10 * 60_000;
const TARGETS = { maxCreatedSeconds: 2 } as const;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench password that is long enough';
/** The notice: a triangle over the south 60 % of the square, 30 % of its area. */
const TRIANGLE = [
  [9.6, 59.1],
  [9.7, 59.1],
  [9.6, 59.16],
  [9.6, 59.1],
];

type Message = { type: string } & Record<string, unknown>;

interface Child {
  process: ChildProcess;
  next(type: string, timeoutMs: number): Promise<Message>;
  onMessage(listener: (message: Message) => void): void;
}

function forkChild(
  cleanup: Cleanup,
  script: string,
  env: Record<string, string>,
  execArgv: string[] = [],
): Child {
  const child = fork(path.join(ROOT, 'bench', script), {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    execArgv,
  });
  const waiting = new Map<string, Message>();
  const listeners = new Set<(message: Message) => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (message: Message) => {
    waiting.set(message.type, message);
    for (const listener of listeners) listener(message);
  });
  cleanup.defer(`stop ${script}`, async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.send('stop');
    await withTimeout(exited, 20_000, `${script} stop`).catch(() => child.kill('SIGKILL'));
  });
  return {
    process: child,
    onMessage: (listener) => listeners.add(listener),
    next(type, timeoutMs) {
      return withTimeout(
        new Promise<Message>((resolve, reject) => {
          const take = (message: Message) => {
            if (message.type === 'error') reject(new Error(`${script}: ${String(message.message)}`));
            if (message.type !== type) return;
            listeners.delete(take);
            resolve(message);
          };
          const already = waiting.get(type);
          if (already) take(already);
          else listeners.add(take);
          child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
        }),
        timeoutMs,
        `${script}: ${type}`,
      );
    },
  };
}

/** The municipality, a case worker and the subscribers; deterministic scatter, no random(). */
async function makeData(url: string): Promise<string> {
  const handle = await openDatabase({ kind: 'server', url, poolMax: 2 });
  try {
    await migrateDatabase(handle);
    await seedMunicipality(handle.db, porsgrunn);
    const email = 'bench-saksbehandler@kommune.test';
    await createStaffUser(handle.db, {
      email,
      name: 'Bench',
      password: PASSWORD,
      roles: [{ kommunenummer: porsgrunn.kommunenummer, role: 'saksbehandler' }],
    });
    await handle.db.execute(
      sql`insert into subscribers (kommunenummer, lat, lon, language, email, email_confirmed_at, source, vulnerable)
          select ${porsgrunn.kommunenummer}, 59.1 + 0.1 * ((n * 69621) % 100019) / 100019.0,
                 9.6 + 0.1 * ((n * 48271) % 100003) / 100003.0, (array['nb','nn','en'])[1 + n % 3],
                 'sub' || n || '@example.no', now(), 'import', n % 50 = 0
            from generate_series(1::bigint, ${SUBSCRIBERS}::bigint) n`,
    );
    await handle.db.execute(sql`analyze subscribers`);
    return email;
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  try {
    const url = await createScratchDatabase(cleanup, 'fanout');
    const key = randomBytes(32);
    const staffEmail = await makeData(url);

    // The web process: a real port, as staff reach it.
    const photoDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-bench-'));
    cleanup.defer('remove photo dir', () => rm(photoDir, { recursive: true, force: true }));
    const webDb = await openDatabase({ kind: 'server', url, poolMax: 4 });
    cleanup.defer('close web database', () => webDb.close());
    const web = await assemble(
      { ...loadConfig({}), logLevel: 'silent', photoDir },
      { role: 'web', database: webDb, keyring: createKeyring([key]) },
    );
    cleanup.defer('stop web', () => web.stop());
    const app = await buildApp(web.ctx, false);
    cleanup.defer('close app', () => app.close());
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

    const sink = forkChild(cleanup, 'smtp-sink.ts', {});
    const port = Number((await sink.next('ready', 20_000)).port);
    let unique = 0;
    let lastNewAt = 0;
    sink.onMessage((message) => {
      if (message.type === 'progress' || message.type === 'final') {
        unique = Number(message.unique);
        lastNewAt = Number(message.lastNewAt);
      }
    });
    const worker = forkChild(
      cleanup,
      'notifications-worker.ts',
      {
        ...(await npmScriptEnv(ROOT, 'start:worker')),
        BENCH_DATABASE_URL: url,
        BENCH_SMTP_URL: `smtp://127.0.0.1:${port}`,
        BENCH_KEY: key.toString('hex'),
      },
      await npmScriptNodeArgs(ROOT, 'start:worker'),
    );
    await worker.next('ready', 60_000);

    const login = await fetch(`${baseUrl}/api/v1/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: staffEmail, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login: ${login.status}`);
    const headers = {
      'content-type': 'application/json',
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
    };
    const notices = `${baseUrl}/api/v1/staff/m/${porsgrunn.kommunenummer}/notices`;
    const created = await fetch(notices, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        type: 'boil_water',
        title: { nb: 'Kokevarsel' },
        body: { nb: 'Kok vannet før du drikker det.' },
        area: { type: 'Polygon', coordinates: [TRIANGLE] },
        startsAt: new Date().toISOString(),
      }),
    });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };

    const startedAt = Date.now();
    const published = await fetch(`${notices}/${id}/publish`, { method: 'POST', headers, body: '{}' });
    if (published.status !== 200) throw new Error(`publish: ${published.status} ${await published.text()}`);
    let targeted = 0;
    let createdSeconds = 0;
    await withTimeout(
      (async () => {
        for (;;) {
          const [row] = await queryRows<{ targeted: number; finished: boolean }>(
            webDb.db,
            sql`select targeted, finished_at is not null as finished from notice_fanouts where notice_id = ${id}::uuid`,
          );
          if (row?.finished) {
            createdSeconds = (Date.now() - startedAt) / 1000;
            targeted = row.targeted;
            return;
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      })(),
      TIME_LIMIT_MS,
      'the fan-out',
    );
    await withTimeout(
      new Promise<void>((resolve) => {
        const check = () => {
          if (unique >= targeted) resolve();
        };
        sink.onMessage(check);
        check();
      }),
      TIME_LIMIT_MS,
      `${targeted} messages at the SMTP server`,
    );
    const sentSeconds = (lastNewAt - startedAt) / 1000;
    worker.process.send('stats');
    const stats = await worker.next('stats', 10_000);
    const [inside] = await queryRows<{ n: number }>(
      webDb.db,
      sql`select count(*)::int as n from messages where notice_id = ${id}::uuid`,
    );
    const fanout = {
      subscribers: SUBSCRIBERS,
      targeted,
      createdSeconds: Number(createdSeconds.toFixed(2)),
      sentSeconds: Number(sentSeconds.toFixed(2)),
      messagesPerSecond: Math.round(targeted / sentSeconds),
      workerPeakRssMiB: Math.round(Number(stats.peakRssMiB)),
      workerRssAtStartMiB: Math.round(Number(stats.rssAtStartMiB)),
      targets: TARGETS,
      targetsMet: { createdSeconds: createdSeconds < TARGETS.maxCreatedSeconds },
      valid: inside?.n === targeted,
      measuredAt: new Date().toISOString(),
    };
    console.log(JSON.stringify(fanout, null, 2));
    const file = await mergeResults(ROOT, { fanout });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
    if (!fanout.valid) {
      console.error(`BENCHMARK INVALID: ${inside?.n} messages stored, ${targeted} counted`);
      process.exitCode = 1;
    }
  } finally {
    await cleanup.runAll();
  }
}

await main();

// /healthz per role over real HTTP: what each role depends on, a database that is closed or never
// answers, a job queue that stopped. Each test serves the health routes alone, on its own database
// handle, so it can break that handle without touching anything else.
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { openDatabase } from '../../db/client.ts';
import { type JobQueue, startJobQueue } from '../../jobs/queue.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { type MetricsServer, startMetricsServer } from '../metrics/metrics-server.ts';
import { createHealthCheck, type HealthCheckOptions } from './health-check.ts';
import { healthRoutes } from './routes.ts';

/** Short timings, so a failure shows within a fraction of a second. */
const TIMING = { cacheMs: 100, timeoutMs: 300 };

async function serveHealth(options: HealthCheckOptions): Promise<{ url: string; app: FastifyInstance }> {
  const app = Fastify({ logger: false });
  await app.register(healthRoutes, {
    ctx: { db: options.db },
    role: options.role,
    health: createHealthCheck({ ...TIMING, ...options }),
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app };
}

async function healthOf(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: await response.json() };
}

describe.each(databaseKinds())('health per role on %s', (kind) => {
  let database: TestDatabase;
  const cleanup: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  afterAll(() => database?.close());

  /** A second handle on this file's database (or a PGlite of its own), for the test to close. */
  async function ownHandle() {
    if (kind === 'postgres' && database.url) {
      return openDatabase({ kind: 'server', url: database.url, poolMax: 2 });
    }
    return (await createTestDatabase('pglite')).handle;
  }

  it('a web process is healthy with its database alone: it runs no job queue', async () => {
    const served = await serveHealth({ db: database.handle, boss: undefined, role: 'web' });
    cleanup.push(() => served.app.close());
    expect(await healthOf(served.url)).toEqual({
      status: 200,
      body: { status: 'ok', role: 'web', checks: { database: 'ok', jobQueue: 'notRunning' } },
    });
  });

  it('answers 503 once its database is closed', async () => {
    const handle = await ownHandle();
    const served = await serveHealth({ db: handle, boss: undefined, role: 'web' });
    cleanup.push(() => served.app.close());
    expect((await healthOf(served.url)).status).toBe(200);
    await handle.close();
    await expect
      .poll(() => healthOf(served.url), { timeout: 5000 })
      .toEqual({
        status: 503,
        body: { status: 'fail', role: 'web', checks: { database: 'fail', jobQueue: 'notRunning' } },
      });
  });

  it('a worker needs its job queue: 503 once the queue has stopped', async () => {
    let jobs: JobQueue | undefined = await startJobQueue(database.handle, { supervise: false });
    cleanup.push(async () => jobs?.stop());
    const served = await serveHealth({ db: database.handle, boss: jobs.boss, role: 'worker' });
    cleanup.push(() => served.app.close());
    expect(await healthOf(served.url)).toEqual({
      status: 200,
      body: { status: 'ok', role: 'worker', checks: { database: 'ok', jobQueue: 'ok' } },
    });
    await jobs.stop();
    jobs = undefined;
    expect(await healthOf(served.url)).toEqual({
      status: 503,
      body: { status: 'fail', role: 'worker', checks: { database: 'ok', jobQueue: 'fail' } },
    });
  });
});

describe('health of the embedded process', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('an embedded process that runs everything stays healthy while its database is busy', async () => {
    const database = await createTestDatabase('pglite');
    cleanup.push(() => database.close());
    const jobs = await startJobQueue(database.handle, { supervise: false });
    cleanup.push(() => jobs.stop());
    const served = await serveHealth({ db: database.handle, boss: jobs.boss, role: 'all' });
    cleanup.push(() => served.app.close());
    // Statements queued in the embedded database (db/query-gate.ts runs them one at a time and
    // lets the event loop in between), together longer than a probe may take (300 ms): the job
    // queue's `select 1` would wait behind them all and take the only process out of the balancer.
    const busy = Promise.all(
      Array.from({ length: 80 }, () => database.handle.db.execute(sql`select pg_sleep(0.01)`)),
    );
    try {
      const asked = performance.now();
      expect(await healthOf(served.url)).toEqual({
        status: 200,
        body: { status: 'ok', role: 'all', checks: { database: 'ok', jobQueue: 'ok' } },
      });
      expect(performance.now() - asked).toBeLessThan(TIMING.timeoutMs);
    } finally {
      await busy;
    }
  });
});

describe('health with a database that never answers', () => {
  let silent: Server;
  let port: number;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Takes connections and says nothing: a PostgreSQL server that hangs, or a full network path.
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    port = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    silent.close();
    await once(silent, 'close');
  });

  it('answers 503 within the probe timeout instead of waiting with it, on the web port and METRICS_PORT', async () => {
    const handle = await openDatabase({ kind: 'server', url: `postgres://postgres@127.0.0.1:${port}/none` });
    const served = await serveHealth({ db: handle, boss: undefined, role: 'web' });
    let metricsServer: MetricsServer | undefined;
    try {
      const started = performance.now();
      expect(await healthOf(served.url)).toEqual({
        status: 503,
        body: { status: 'fail', role: 'web', checks: { database: 'fail', jobQueue: 'notRunning' } },
      });
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(TIMING.timeoutMs - 20);
      expect(elapsed).toBeLessThan(TIMING.timeoutMs + 1000);
      // Asked again at once: the failed result is reused, nothing new waits.
      const again = performance.now();
      expect((await healthOf(served.url)).status).toBe(503);
      expect(performance.now() - again).toBeLessThan(TIMING.timeoutMs);

      metricsServer = await startMetricsServer({
        metrics: createMetrics({ processMetrics: false }),
        host: '127.0.0.1',
        port: 0,
        token: undefined,
        health: createHealthCheck({ ...TIMING, db: handle, boss: undefined, role: 'worker' }),
      });
      const response = await fetch(`http://127.0.0.1:${metricsServer.port}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'fail',
        role: 'worker',
        checks: { database: 'fail', jobQueue: 'fail' },
      });
    } finally {
      await metricsServer?.close();
      await served.app.close();
      // The pool's connection attempts hang on the silent server; closing the sockets ends them.
      for (const socket of sockets) socket.destroy();
      await handle.close().catch(() => {});
    }
  });
});

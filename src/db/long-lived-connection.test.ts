// The connections a process keeps open outside the pool (the LISTEN connection, the announcer's
// lock) against a real PostgreSQL server: the server is told to probe the client, a server that
// never answers is given up on in time, and a LISTEN connection that goes silent is noticed by its
// heartbeat and made again. "Silent" is a TCP relay in this process that stops passing bytes
// without closing anything, as a firewall that forgot the flow would.
import { once } from 'node:events';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../test/support/databases.ts';
import { startReportChangeAnnouncer } from '../modules/cases/report-change-announcer.ts';
import { createReportChangeFeed, REPORT_CHANGES_CHANNEL } from '../modules/cases/report-change-feed.ts';
import { openDatabase } from './client.ts';
import { longLivedClientConfig } from './long-lived-connection.ts';

const log = pino({ level: 'silent' });
const SHORT = { connectMs: 300, queryMs: 300 };

/** Relays connections to `target`; `freeze()` stops passing bytes on the open ones. */
async function startRelay(target: URL): Promise<{ port: number; freeze(): void; close(): Promise<void> }> {
  const open = new Set<{ client: Socket; upstream: Socket; frozen: boolean }>();
  const server: Server = createServer((client) => {
    const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
    const pair = { client, upstream, frozen: false };
    open.add(pair);
    client.on('data', (chunk) => {
      if (!pair.frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!pair.frozen) client.write(chunk);
    });
    const end = () => {
      open.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as { port: number }).port,
    freeze() {
      for (const pair of open) pair.frozen = true;
    },
    async close() {
      for (const pair of open) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      server.close();
      await once(server, 'close');
    },
  };
}

// The settings and connections below are a PostgreSQL server's (PGlite has none of them). Without
// a server (a machine without TEST_DATABASE_URL) they are skipped; CI sets it and fails without one.
describe.runIf(databaseKinds().includes('postgres'))('long-lived connections on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(() => database?.close());

  it('asks the server to probe the client, so a vanished worker loses its lock within a minute', async () => {
    const client = new pg.Client(longLivedClientConfig(database.url ?? '', 'meldepunkt-test'));
    await client.connect();
    try {
      const show = async (name: string) => (await client.query(`show ${name}`)).rows[0]?.[name];
      expect(await show('tcp_keepalives_idle')).toBe('30');
      expect(await show('tcp_keepalives_interval')).toBe('10');
      expect(await show('tcp_keepalives_count')).toBe('3');
      expect(await show('application_name')).toBe('meldepunkt-test');
    } finally {
      await client.end();
    }
  });

  it('gives up on a server that never answers, and stops at once', async () => {
    const silent = createServer(() => {});
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const port = (silent.address() as { port: number }).port;
    const handle = await openDatabase({ kind: 'server', url: `postgres://postgres@127.0.0.1:${port}/none` });
    const announcer = startReportChangeAnnouncer(handle, log, { intervalMs: 60_000, timeouts: SHORT });
    const feed = createReportChangeFeed(handle, log, { timeouts: SHORT });
    try {
      const started = performance.now();
      await expect(announcer.pollNow()).rejects.toThrow();
      await expect(feed.subscribe('4001', () => {})).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      await announcer.stop();
      await feed.stop();
      await handle.close().catch(() => {});
      silent.close();
    }
  });

  it('notices a LISTEN connection gone silent and listens again on a new one', async () => {
    const url = new URL(database.url ?? '');
    const relay = await startRelay(url);
    const relayed = new URL(url);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port);
    const handle = await openDatabase({ kind: 'server', url: relayed.toString(), poolMax: 1 });
    const feed = createReportChangeFeed(handle, log, {
      initialBackoffMs: 50,
      heartbeatMs: 200,
      timeouts: SHORT,
    });
    const seen: string[] = [];
    const notify = async (ref: string) => {
      const payload = JSON.stringify([
        {
          op: 'update',
          id: '00000000-0000-4000-8000-000000000001',
          ref,
          kommunenummer: '4001',
          status: 'planlagt',
        },
      ]);
      await database.handle.db.execute(sql`select pg_notify(${REPORT_CHANGES_CHANNEL}, ${payload})`);
    };
    try {
      await feed.subscribe('4001', (change) => {
        if (change.op !== 'incident') seen.push(change.ref);
      });
      await notify('before');
      await expect.poll(() => seen).toEqual(['before']);
      // The path goes silent: nothing arrives, nothing is closed.
      relay.freeze();
      await notify('lost');
      // The heartbeat's statement times out, the connection is dropped and made again (new
      // connections through the relay pass), and what is announced from then on arrives.
      await expect
        .poll(
          async () => {
            await notify('after');
            return seen.includes('after');
          },
          { timeout: 10_000, interval: 250 },
        )
        .toBe(true);
    } finally {
      await feed.stop();
      await handle.close();
      await relay.close();
    }
  });
});

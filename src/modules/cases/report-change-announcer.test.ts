// The announcer reads report history rows and NOTIFYs them in batches, outside the transactions
// that wrote them. Rows that commit out of id order (a transaction holding a lower id commits
// after a higher one was announced) must still be announced; one worker announces at a time.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { openDatabase, queryRows } from '../../db/client.ts';
import { changePayloads, startReportChangeAnnouncer } from './report-change-announcer.ts';
import { createReportChangeFeed, type LiveChange, type ReportChange } from './report-change-feed.ts';

const log = pino({ level: 'silent' });

describe('changePayloads', () => {
  it('splits changes into JSON arrays under the NOTIFY limit, keeping every change', () => {
    const changes: ReportChange[] = Array.from({ length: 300 }, (_, i) => ({
      op: 'insert',
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      ref: `4001-2026-${String(i).padStart(5, '0')}`,
      kommunenummer: '4001',
      status: 'mottatt',
    }));
    const payloads = changePayloads(changes);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(payloads.flatMap((p) => JSON.parse(p) as ReportChange[])).toEqual(changes);
  });
});

describe.each(databaseKinds())('the report change announcer on %s', (kind) => {
  let t: TestApp;
  let database: TestDatabase;

  beforeAll(async () => {
    // Role web: no announcer of its own, so this test's announcer is the only one.
    t = await startTestApp(kind, {}, { prepare: (d) => buildPorsgrunn(d.handle.db) });
    database = t.database;
  });
  afterAll(() => t?.close());

  async function insertEvent(id: string): Promise<void> {
    await database.handle.db.execute(
      sql`insert into report_events (report_id, kind, public, status, actor)
          values (${id}::uuid, 'status_changed', false, 'under_behandling', 'system')`,
    );
  }

  it('announces new reports and changes to the feed, per municipality, as one change per report', async () => {
    const feed = createReportChangeFeed(database.handle, log);
    const seen: LiveChange[] = [];
    await feed.subscribe('4001', (change) => seen.push(change));
    const announcer = startReportChangeAnnouncer(database.handle, log, { intervalMs: 50, takeoverMs: 100 });
    try {
      await expect.poll(() => announcer.pollNow(), { timeout: 20_000 }).toBe(0);
      const created = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
      expect(created.status).toBe(201);
      await expect
        .poll(() => seen.map((c) => [c.op, c.id]), { timeout: 20_000 })
        .toContainEqual(['insert', created.body.id]);
      await insertEvent(created.body.id);
      await insertEvent(created.body.id);
      await expect
        .poll(() => seen.filter((c) => c.op === 'update' && c.id === created.body.id).length, {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      // Two events of one report in a batch are one change, and nothing is announced twice.
      await announcer.pollNow();
      expect(seen.filter((c) => c.id === created.body.id).length).toBeLessThanOrEqual(3);
    } finally {
      await announcer.stop();
      await feed.stop();
    }
  });

  // Concurrent connections and a second worker exist only on a PostgreSQL server (PGlite is one
  // connection in one process): registered for that kind only, rather than skipped on PGlite.
  if (kind !== 'postgres') return;
  it('announces a row that commits after a higher id was announced; another worker takes over', async () => {
    const url = database.url ?? '';
    const other = await openDatabase({ kind: 'server', url, poolMax: 2 });
    const feed = createReportChangeFeed(database.handle, log);
    const seen: LiveChange[] = [];
    await feed.subscribe('4001', (change) => seen.push(change));
    const first = startReportChangeAnnouncer(database.handle, log, { intervalMs: 50, takeoverMs: 100 });
    const second = startReportChangeAnnouncer(other, log, { intervalMs: 50, takeoverMs: 100 });
    const client = await other.pool.connect();
    try {
      const [report] = await queryRows<{ id: string }>(
        database.handle.db,
        sql`select id from reports limit 1`,
      );
      const id = report?.id ?? '';
      // Transaction A takes an id and waits; B takes the next id and commits first.
      await client.query('begin');
      await client.query(
        `insert into report_events (report_id, kind, public, status, actor)
           values ($1::uuid, 'status_changed', false, 'under_behandling', 'system')`,
        [id],
      );
      const before = seen.length;
      await insertEvent(id);
      await expect.poll(() => seen.length, { timeout: 20_000 }).toBeGreaterThan(before);
      const afterB = seen.length;
      await client.query('commit');
      await expect.poll(() => seen.length, { timeout: 20_000 }).toBeGreaterThan(afterB);
      // The first stops (its connection, and so the lock, goes): the second takes over.
      await first.stop();
      const afterA = seen.length;
      await insertEvent(id);
      await expect.poll(() => seen.length, { timeout: 20_000 }).toBeGreaterThan(afterA);
    } finally {
      client.release();
      await first.stop();
      await second.stop();
      await feed.stop();
      await other.close();
    }
  });
});

// The public statistics' cache on both databases: within its time the same result; after it the
// stale result at once while one refresh runs, then the fresh one; the 12 months' bounds.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createStatisticsCache, publicStatisticsRange } from './public-statistics.ts';

describe('the public statistics period', () => {
  it('is this month so far and the 11 before, in Norwegian time', () => {
    // 31 December 23:30 UTC is already 1 January in Oslo.
    expect(publicStatisticsRange(new Date('2026-12-31T23:30:00Z'))).toEqual({
      from: '2026-02-01',
      to: '2027-01-01',
    });
    expect(publicStatisticsRange(new Date('2026-03-15T12:00:00Z'))).toEqual({
      from: '2025-04-01',
      to: '2026-03-15',
    });
  });
});

describe.each(databaseKinds())('the public statistics cache on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t?.close());

  const total = async (value: ReturnType<ReturnType<typeof createStatisticsCache>['get']>) =>
    (await value).series[0]?.months.reduce((sum, m) => sum + m.received, 0);

  it('serves the stale result while one refresh runs, then the fresh one', async () => {
    let now = new Date();
    const cache = createStatisticsCache(60_000, () => now);
    const db = t.ctx.db.db;
    expect(await total(cache.get(db, '4001'))).toBe(0);
    const res = await t.request('POST', '/api/v1/reports', { body: buildReportBody({ answers: {} }) });
    expect(res.status).toBe(201);
    await db.execute(
      sql`update reports set created_at = now() - interval '1 minute' where id = ${res.body.id}::uuid`,
    );
    // Within its minute: the same result.
    expect(await total(cache.get(db, '4001'))).toBe(0);
    // After it: the stale result at once, and the fresh one once the refresh is done.
    now = new Date(now.getTime() + 61_000);
    expect(await total(cache.get(db, '4001'))).toBe(0);
    await expect.poll(() => total(cache.get(db, '4001'))).toBe(1);
  });
});

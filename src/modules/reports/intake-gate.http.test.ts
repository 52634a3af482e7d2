import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp, type TestResponse } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { createIntakeGate, INTAKE_RETRY_AFTER_SECONDS, intakeGateFor, useIntakeGate } from './intake-gate.ts';

// Embedded mode only: a PostgreSQL server has no intake gate (see intake-gate.ts).
describe('report intake on PGlite under more load than the database can take', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  async function storedReports(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(t.ctx.db.db, sql`select count(*)::int as n from reports`);
    return row?.n ?? -1;
  }

  it('refuses at once with 503 and Retry-After when the queue is full, answers /healthz, and stores every report it accepted', async () => {
    if (t.ctx.db.kind !== 'pglite') throw new Error('an embedded database has a query gate');
    const queryGate = t.ctx.db.queryGate;
    const before = await storedReports();
    useIntakeGate(t.ctx.db, createIntakeGate(1, 2));
    // Hold the database: whatever needs it now waits, as behind a long statement.
    let release: () => void = () => {};
    const held = queryGate.run(() => new Promise<void>((resolve) => (release = resolve)));
    try {
      const answeredWhileHeld: TestResponse[] = [];
      const posts = Array.from({ length: 6 }, (_, i) =>
        t
          .request('POST', '/api/v1/reports', {
            body: buildReportBody({ description: `Vann renner opp av asfalten, nummer ${i}.` }),
          })
          .then((response) => {
            answeredWhileHeld.push(response);
            return response;
          }),
      );
      // One works (waiting on the database), two wait their turn, three are refused without
      // waiting for the database.
      await expect.poll(() => answeredWhileHeld.length, { timeout: 10_000 }).toBe(3);
      expect(intakeGateFor(t.ctx.db)?.waiting).toBe(2);
      expect(answeredWhileHeld.map((r) => r.status)).toEqual([503, 503, 503]);
      for (const r of answeredWhileHeld) {
        expect(r.headers.get('retry-after')).toBe(String(INTAKE_RETRY_AFTER_SECONDS));
        expect(r.body.error.code).toBe('intake_busy');
      }
      // Liveness does not queue for the database.
      const health = await t.request('GET', '/healthz');
      expect(health.status).toBe(200);
      expect(queryGate.busy).toBe(true);

      release();
      await held;
      const all = await Promise.all(posts);
      const accepted = all.filter((r) => r.status === 201);
      expect(all.map((r) => r.status).sort()).toEqual([201, 201, 201, 503, 503, 503]);
      expect(new Set(accepted.map((r) => r.body.ref)).size).toBe(3);
      expect(await storedReports()).toBe(before + 3);
    } finally {
      release();
      useIntakeGate(t.ctx.db, createIntakeGate());
    }
  });

  it('stores every one of 40 reports sent at once with the default limits', async () => {
    const before = await storedReports();
    const all = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.request('POST', '/api/v1/reports', {
          body: buildReportBody({ description: `Kummen renner over, melding ${i}.` }),
        }),
      ),
    );
    expect(all.map((r) => r.status)).toEqual(Array(40).fill(201));
    expect(await storedReports()).toBe(before + 40);
  });
});

import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueryGate, gatePglite, type QueryGate } from './query-gate.ts';

/** A statement that keeps PGlite (and so the event loop) busy for some milliseconds. */
const HEAVY = 'select count(*)::int as n from generate_series(1, 100000)';

describe('the PGlite query gate', () => {
  let pglite: PGlite;
  let gate: QueryGate;
  beforeAll(async () => {
    pglite = new PGlite();
    await pglite.waitReady;
    gate = gatePglite(pglite);
  });
  afterAll(() => pglite.close());

  it('lets the event loop turn between queued statements', async () => {
    let done = 0;
    const statements = Array.from({ length: 10 }, () =>
      pglite.query<{ n: number }>(HEAVY).then((result) => {
        done += 1;
        return result.rows[0]?.n;
      }),
    );
    expect(gate.waiting).toBeGreaterThan(0);
    // A timer stands for a socket wanting an answer: it must not wait for the whole queue.
    const doneWhenTimerRan = await new Promise<number>((resolve) => setTimeout(() => resolve(done), 0));
    expect(doneWhenTimerRan).toBeLessThan(5);
    expect(await Promise.all(statements)).toEqual(Array(10).fill(100000));
    expect(gate.waiting).toBe(0);
    expect(gate.busy).toBe(false);
  });

  it('keeps a transaction whole: queued statements run after its commit, in order', async () => {
    await pglite.exec('create table gate_order (n int)');
    const order: string[] = [];
    const tx = pglite.transaction(async (t) => {
      await t.query('insert into gate_order values (1)');
      // Statements queued from outside while the transaction is open must not join it.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await t.query('insert into gate_order values (2)');
      order.push('tx');
    });
    const after = pglite.query<{ n: number }>('select count(*)::int as n from gate_order').then((r) => {
      order.push('count');
      return r.rows[0]?.n;
    });
    const rolledBack = pglite
      .transaction(async (t) => {
        await t.query('insert into gate_order values (3)');
        throw new Error('changed my mind');
      })
      .catch((error: Error) => error.message);
    await tx;
    expect(await after).toBe(2);
    expect(await rolledBack).toBe('changed my mind');
    expect(order).toEqual(['tx', 'count']);
    expect((await pglite.query<{ n: number }>('select count(*)::int as n from gate_order')).rows[0]?.n).toBe(
      2,
    );
  });

  it('answers a failing statement with its error and goes on with the next', async () => {
    const failing = pglite
      .query('select * from no_such_table')
      .catch((error: { code?: string }) => error.code);
    const next = pglite.query<{ one: number }>('select 1 as one');
    expect(await failing).toBe('42P01');
    expect((await next).rows).toEqual([{ one: 1 }]);
  });

  it('runs work first come, first served', async () => {
    const own = createQueryGate();
    const order: number[] = [];
    await Promise.all(
      [3, 1, 2].map((ms, i) =>
        own.run(async () => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2]);
  });
});

// Embedded PostgreSQL (PGlite) runs every statement synchronously on the event loop, one at a
// time. PGlite queues callers behind a promise mutex, and a promise hands over in a microtask: 50
// waiting queries then run back to back without the event loop ever reaching its I/O phase, so
// /healthz, new connections and every response already computed wait for the whole queue (p99 of
// seconds under load). This gate takes PGlite's place as the queue: one statement (or one
// transaction) at a time, first come first served, and the next one starts from setImmediate, so
// between any two statements the event loop answers sockets.
import type { PGlite } from '@electric-sql/pglite';

export interface QueryGate {
  /** Runs `work` alone, after everything queued before it; the next starts in a later loop turn. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Statements (or transactions) waiting for their turn. */
  readonly waiting: number;
  readonly busy: boolean;
}

export function createQueryGate(): QueryGate {
  let busy = false;
  const queue: (() => void)[] = [];

  function acquire(): Promise<void> | undefined {
    if (!busy) {
      busy = true;
      return undefined;
    }
    return new Promise<void>((resolve) => queue.push(resolve));
  }

  function release(): void {
    if (queue.length === 0) {
      busy = false;
      return;
    }
    // Handed over in the check phase of the next loop turn, after the poll phase has run: this is
    // the whole point of the gate. `busy` stays true meanwhile, so nobody overtakes the queue.
    setImmediate(() => queue.shift()?.());
  }

  return {
    async run(work) {
      const wait = acquire();
      if (wait) await wait;
      try {
        return await work();
      } finally {
        release();
      }
    },
    get waiting() {
      return queue.length;
    },
    get busy() {
      return busy;
    },
  };
}

/**
 * Puts PGlite's public entry points (query, exec, transaction) behind `gate`, in place, so every
 * user of the instance (Drizzle, pg-boss, the migrator, LISTEN) queues there. The statements of a
 * transaction run on its own `tx` object and are not gated again; PGlite's `sql` and `listen` call
 * the gated `query` and `exec`.
 */
export function gatePglite(pglite: PGlite, gate: QueryGate = createQueryGate()): QueryGate {
  const query = pglite.query.bind(pglite);
  const exec = pglite.exec.bind(pglite);
  const transaction = pglite.transaction.bind(pglite);
  pglite.query = ((...args: Parameters<PGlite['query']>) =>
    gate.run(() => query(...args))) as PGlite['query'];
  pglite.exec = (...args: Parameters<PGlite['exec']>) => gate.run(() => exec(...args));
  pglite.transaction = ((...args: Parameters<PGlite['transaction']>) =>
    gate.run(() => transaction(...args))) as PGlite['transaction'];
  return gate;
}

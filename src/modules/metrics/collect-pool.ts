// The PostgreSQL connection pool of this process, read when scraped (no query: the pool counts
// its clients itself). Requests waiting for a connection are the sign of a pool too small for the
// load or of slow queries holding connections. pg-boss keeps a small pool of its own (3
// connections), not counted here.
//
// PGlite has no pool: it runs one query at a time in this process and keeps no queue it could
// report, so in embedded mode these gauges are absent (the event loop lag of the process metrics
// is what shows an embedded database that cannot keep up).
import type pg from 'pg';
import { Gauge } from 'prom-client';
import type { Metrics } from './metrics.ts';

export function watchPool(metrics: Metrics, pool: pg.Pool): void {
  const registers = [metrics.registry];
  new Gauge({
    name: 'meldepunkt_db_pool_connections',
    help: 'Database connections of this process by state (busy: running a query or held by a transaction)',
    labelNames: ['state'] as const,
    registers,
    collect() {
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'busy' }, pool.totalCount - pool.idleCount);
    },
  });
  new Gauge({
    name: 'meldepunkt_db_pool_waiting_requests',
    help: 'Queries waiting for a free database connection in this process',
    registers,
    collect() {
      this.set(pool.waitingCount);
    },
  });
  new Gauge({
    name: 'meldepunkt_db_pool_max_connections',
    help: 'The most connections this process opens (DATABASE_POOL_MAX)',
    registers,
    collect() {
      // pg's own default when the pool was made without `max`.
      this.set(pool.options.max ?? 10);
    },
  });
}

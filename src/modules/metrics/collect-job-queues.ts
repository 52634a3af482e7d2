// How many background jobs wait, per pg-boss queue, and how long the oldest has waited: read from
// pgboss.job when scraped. One grouped statement over the live states only, which pg-boss indexes
// (name, state, blocked, start_after), so it reads index entries of unfinished jobs, never the
// completed ones it keeps for a while. Every queue pg-boss knows is listed, with 0 when empty, so
// a graph shows zero rather than a gap.
import { sql } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Metrics } from './metrics.ts';

interface QueueRow {
  queue: string;
  waiting: number;
  deferred: number;
  active: number;
  oldest_waiting_seconds: number;
}

export async function readJobQueues(db: Queryable): Promise<QueueRow[]> {
  return queryRows<QueueRow>(
    db,
    sql`select q.name as queue,
               count(j.id) filter (where j.state in ('created', 'retry') and j.start_after <= now())::int as waiting,
               count(j.id) filter (where j.state in ('created', 'retry') and j.start_after > now())::int as deferred,
               count(j.id) filter (where j.state = 'active')::int as active,
               coalesce(extract(epoch from now() - min(j.start_after)
                          filter (where j.state in ('created', 'retry') and j.start_after <= now())), 0)::float8
                 as oldest_waiting_seconds
          from pgboss.queue q
          left join pgboss.job j on j.name = q.name and j.state in ('created', 'retry', 'active')
         group by q.name`,
  );
}

export function watchJobQueues(metrics: Metrics, db: Queryable): void {
  const registers = [metrics.registry];
  const jobs = new Gauge({
    name: 'meldepunkt_job_queue_jobs',
    help: 'Background jobs by queue and state (waiting: due, not started; deferred: due later, such as a retry; active: running)',
    labelNames: ['queue', 'state'] as const,
    registers,
  });
  const oldest = new Gauge({
    name: 'meldepunkt_job_queue_oldest_waiting_seconds',
    help: 'Seconds since the oldest waiting job of a queue became due (0 when none waits)',
    labelNames: ['queue'] as const,
    registers,
  });
  metrics.addCollector({
    name: 'job_queues',
    gauges: [jobs, oldest],
    async collect() {
      const rows = await readJobQueues(db);
      jobs.reset();
      oldest.reset();
      for (const row of rows) {
        jobs.set({ queue: row.queue, state: 'waiting' }, row.waiting);
        jobs.set({ queue: row.queue, state: 'deferred' }, row.deferred);
        jobs.set({ queue: row.queue, state: 'active' }, row.active);
        oldest.set({ queue: row.queue }, row.oldest_waiting_seconds);
      }
    },
  });
}

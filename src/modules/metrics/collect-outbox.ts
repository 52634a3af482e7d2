// Outbox lag: how long the oldest public report event has waited to be turned into messages by
// the notification relay (report_events.notified_at still null), and how many wait. Both read the
// partial index report_events_to_notify, which holds exactly the events not yet relayed; the count
// stops at COUNT_CAP so a large backlog costs no more than that many index entries.
import { sql } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Metrics } from './metrics.ts';

const COUNT_CAP = 100_000;

export function watchOutbox(metrics: Metrics, db: Queryable): void {
  const registers = [metrics.registry];
  const lag = new Gauge({
    name: 'meldepunkt_outbox_lag_seconds',
    help: 'Age of the oldest public report event not yet turned into messages (0 when none waits)',
    registers,
  });
  const pending = new Gauge({
    name: 'meldepunkt_outbox_pending_events',
    help: `Public report events not yet turned into messages (counted up to ${COUNT_CAP})`,
    registers,
  });
  metrics.addCollector({
    name: 'outbox',
    gauges: [lag, pending],
    async collect() {
      const [row] = await queryRows<{ lag_seconds: number; pending: number }>(
        db,
        sql`select coalesce((select extract(epoch from now() - created_at)::float8 from report_events
                              where public and notified_at is null order by id limit 1), 0) as lag_seconds,
                   (select count(*)::int from (select 1 from report_events
                     where public and notified_at is null limit ${COUNT_CAP}) waiting) as pending`,
      );
      lag.set(Math.max(0, row?.lag_seconds ?? 0));
      pending.set(row?.pending ?? 0);
    },
  });
}

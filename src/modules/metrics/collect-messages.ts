// Messages waiting to be sent, by channel, read from the messages table when scraped. Only the
// queued ones: the partial index messages_due holds exactly those, while counting sent or failed
// messages would read the whole table. Rates of sending and failing come from the counters that
// count as it happens (instrument-channels.ts); the count stops at COUNT_CAP.
import { sql } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { MessageChannel } from '../notifications/schema.ts';
import type { Metrics } from './metrics.ts';

const COUNT_CAP = 100_000;
const CHANNELS: readonly MessageChannel[] = ['email', 'sms'];

export function watchMessages(metrics: Metrics, db: Queryable): void {
  const queued = new Gauge({
    name: 'meldepunkt_messages_queued',
    help: `Messages waiting to be sent (status queued, including those held for SMS quiet hours), by channel (counted up to ${COUNT_CAP})`,
    labelNames: ['channel'] as const,
    registers: [metrics.registry],
  });
  metrics.addCollector({
    name: 'messages',
    gauges: [queued],
    async collect() {
      const rows = await queryRows<{ channel: MessageChannel; queued: number }>(
        db,
        sql`select channel, count(*)::int as queued
              from (select channel from messages where status = 'queued' limit ${COUNT_CAP}) waiting
             group by channel`,
      );
      const counts = new Map(rows.map((row) => [row.channel, row.queued]));
      queued.reset();
      for (const channel of CHANNELS) queued.set({ channel }, counts.get(channel) ?? 0);
    },
  });
}

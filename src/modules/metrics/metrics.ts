// One Prometheus registry per process (never prom-client's global one: a test builds several
// apps in one process, and each must count only its own). It holds the default process metrics,
// the metrics other modules update as things happen (HTTP requests, messages sent), and gauges
// read when scraped: some from memory (live streams), some from the database (collectors). The
// database collectors run at most once at a time, in parallel, each within a deadline, so a slow
// database makes a scrape late by the deadline at most and never piles queries up.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { within } from '../../shared/deadline.ts';

export interface Collector {
  /** Names the collector in meldepunkt_metrics_collector_errors_total. */
  name: string;
  /** Its gauges: emptied when it fails, so a scrape never shows an old value as current. */
  gauges: Gauge[];
  /** Reads what it measures and sets its gauges. */
  collect(): Promise<void>;
}

export interface Metrics {
  readonly registry: Registry;
  /** HTTP request durations by method, route pattern and status code (see http-metrics.ts). */
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Messages a provider accepted, by channel (see instrument-channels.ts). */
  readonly messagesSent: Counter<'channel'>;
  /** Tries to send that failed, by channel and kind (transient: retried; permanent: not). */
  readonly messageSendErrors: Counter<'channel' | 'kind'>;
  /** Counts a source of live streams (a report change feed) until the returned function is called. */
  trackLiveStreams(count: () => number): () => void;
  addCollector(collector: Collector): void;
  /** Runs the collectors and returns the text exposition format. */
  render(): Promise<string>;
  readonly contentType: string;
}

export interface MetricsOptions {
  /** How long one database collector may take before it counts as failed (default 2 s). */
  collectorTimeoutMs?: number;
  /** Node.js process metrics (CPU, memory, event loop, GC); default true. */
  processMetrics?: boolean;
}

/** Seconds. From 5 ms (a cached page) to 10 s (a photo upload on a slow line). */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const timeoutMs = options.collectorTimeoutMs ?? 2000;

  const liveSources = new Set<() => number>();
  new Gauge({
    name: 'meldepunkt_live_streams',
    help: 'Open live inbox streams (Server-Sent Events) this process serves',
    registers,
    collect() {
      let total = 0;
      for (const count of liveSources) total += count();
      this.set(total);
    },
  });

  const collectorErrors = new Counter({
    name: 'meldepunkt_metrics_collector_errors_total',
    help: 'Scrapes in which a collector failed or took too long (its gauges are then absent)',
    labelNames: ['collector'] as const,
    registers,
  });
  const collectors: Collector[] = [];
  // A collector whose query is still running from an earlier scrape is not started again.
  const running = new Map<Collector, Promise<void>>();
  let collecting: Promise<void> | undefined;

  async function runCollector(collector: Collector): Promise<void> {
    let work = running.get(collector);
    if (!work) {
      work = collector.collect().finally(() => running.delete(collector));
      running.set(collector, work);
    }
    try {
      await within(work, timeoutMs, `metrics collector ${collector.name}`);
    } catch {
      collectorErrors.inc({ collector: collector.name });
      for (const gauge of collector.gauges) gauge.reset();
    }
  }

  function collectAll(): Promise<void> {
    // Scrapes at the same moment share one run.
    collecting ??= Promise.all(collectors.map(runCollector))
      .then(() => undefined)
      .finally(() => {
        collecting = undefined;
      });
    return collecting;
  }

  return {
    registry,
    httpDuration: new Histogram({
      name: 'meldepunkt_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern (never the address asked for) and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: HTTP_BUCKETS,
      registers,
    }),
    messagesSent: new Counter({
      name: 'meldepunkt_messages_sent_total',
      help: 'Messages the mail server or SMS gateway accepted, by channel',
      labelNames: ['channel'] as const,
      registers,
    }),
    messageSendErrors: new Counter({
      name: 'meldepunkt_message_send_errors_total',
      help: 'Tries to send a message that failed, by channel and kind (transient: retried later; permanent: not)',
      labelNames: ['channel', 'kind'] as const,
      registers,
    }),
    trackLiveStreams(count) {
      liveSources.add(count);
      return () => {
        liveSources.delete(count);
      };
    },
    addCollector(collector) {
      collectors.push(collector);
    },
    async render() {
      await collectAll();
      return registry.metrics();
    },
    contentType: registry.contentType,
  };
}

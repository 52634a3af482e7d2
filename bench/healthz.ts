// /healthz latency while a scenario runs: the embedded target is that liveness keeps answering
// (p99 < 100 ms) however busy the database is.
import { setTimeout as sleep } from 'node:timers/promises';

export interface HealthzSamples {
  samples: number;
  p50: number;
  p99: number;
  max: number;
  /** Samples with no answer within 5 s, or not 200. */
  failed: number;
}

/** Asks /healthz one request after the other (10 ms apart) until `stop` resolves. */
export async function sampleHealthz(baseUrl: string, stop: Promise<void>): Promise<HealthzSamples> {
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  const times: number[] = [];
  let failed = 0;
  while (!stopped) {
    const started = performance.now();
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) times.push(performance.now() - started);
      else failed += 1;
    } catch {
      failed += 1;
    }
    await sleep(10);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 10) / 10;
  return { samples: times.length, p50: at(0.5), p99: at(0.99), max: at(1), failed };
}

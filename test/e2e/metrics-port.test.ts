// The server as `npm start` runs it, with METRICS_PORT and METRICS_TOKEN: the wiring of the
// metrics server, the token on both ports, and /healthz on both.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildReportBody } from '../support/factories.ts';
import { parseMetrics, sampleValue } from '../support/prometheus.ts';
import { freePort, type ServerProcess, startServerProcess } from '../support/server-process.ts';

// Real server processes start in seconds alone, but much slower on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const TOKEN = 'e2e-scrape-token-0123456789';

describe('the server process with METRICS_PORT and METRICS_TOKEN', () => {
  let dataDir: string;
  let server: ServerProcess;
  let metricsUrl: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-e2e-metrics-'));
    const metricsPort = await freePort();
    metricsUrl = `http://127.0.0.1:${metricsPort}`;
    server = await startServerProcess({
      DATA_DIR: dataDir,
      METRICS_PORT: String(metricsPort),
      METRICS_TOKEN: TOKEN,
    });
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves /metrics on both ports to the token only, with what a running process reports', async () => {
    const posted = await fetch(`${server.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(buildReportBody()),
    });
    expect(posted.status).toBe(201);

    for (const base of [server.url, metricsUrl]) {
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      const samples = parseMetrics(await response.text());
      expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(
        sampleValue(samples, 'meldepunkt_http_request_duration_seconds_count', {
          method: 'POST',
          route: '/api/v1/reports',
          status_code: '201',
        }),
      ).toBe(1);
      expect(
        sampleValue(samples, 'meldepunkt_job_queue_jobs', { queue: 'message.send', state: 'active' }),
      ).toBeGreaterThanOrEqual(0);
      expect(sampleValue(samples, 'meldepunkt_live_streams')).toBe(0);
    }
  });

  it('answers /healthz with role and checks on both ports', async () => {
    const expected = { status: 'ok', role: 'all', checks: { database: 'ok', jobQueue: 'ok' } };
    for (const base of [server.url, metricsUrl]) {
      const response = await fetch(`${base}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(expected);
    }
  });

  it('stops on SIGTERM with a scraper connection still open, and the metrics port closes', async () => {
    // A kept-alive connection to the metrics port, as a scraper holds one between scrapes.
    expect((await fetch(`${metricsUrl}/healthz`)).status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    await expect(fetch(`${metricsUrl}/healthz`)).rejects.toThrow();
  });
});

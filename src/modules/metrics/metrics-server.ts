// METRICS_PORT: a small HTTP server of its own for Prometheus, on HOST:METRICS_PORT, so the
// metrics need not pass the public web port at all (a firewall keeps the port internal). It also
// answers /healthz, so a worker process that serves no web port can still be checked. When
// METRICS_TOKEN is set, /metrics asks for it here too.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthCheck } from '../health/health-check.ts';
import { bearerMatches } from './bearer-token.ts';
import type { Metrics } from './metrics.ts';
import { METRICS_PATH } from './metrics-routes.ts';

export interface MetricsServerOptions {
  metrics: Metrics;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  token: string | undefined;
  health?: HealthCheck;
  onError?: (error: unknown) => void;
}

export interface MetricsServer {
  /** The port it listens on. */
  readonly port: number;
  close(): Promise<void>;
}

function answer(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const { metrics, token, health } = options;
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      answer(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
      return;
    }
    if (path === METRICS_PATH) {
      if (token && !bearerMatches(req.headers.authorization, token)) {
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        answer(res, 401, 'text/plain; charset=utf-8', 'Unauthorized\n');
        return;
      }
      answer(res, 200, metrics.contentType, await metrics.render());
      return;
    }
    if (path === '/healthz' && health) {
      const report = await health.check();
      answer(res, report.status === 'ok' ? 200 : 503, 'application/json', JSON.stringify(report));
      return;
    }
    answer(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) answer(res, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      else res.destroy();
    });
  });
  // Scrapers keep connections alive; they must not hold the process open at shutdown.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

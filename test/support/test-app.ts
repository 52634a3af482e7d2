// The real application on a real port, with its own database, for HTTP tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, loggerOptions } from '../../src/app.ts';
import type { AppContext } from '../../src/app-context.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { type JobQueue, startJobQueue } from '../../src/jobs/queue.ts';
import { createIntakeCatalog } from '../../src/modules/categories/intake-catalog.ts';
import {
  loadMunicipalityLocator,
  type MunicipalityLocator,
} from '../../src/modules/geo/municipality-locator.ts';
import { createMetrics } from '../../src/modules/metrics/metrics.ts';
import { watchDatabase } from '../../src/modules/metrics/watch-database.ts';
import { createLocalPhotoStorage } from '../../src/modules/photos/storage.ts';
import { loadAppSecret } from '../../src/modules/tenants/app-secret.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';
import { testKeyring, testKeys } from './secrets.ts';

let locatorPromise: Promise<MunicipalityLocator> | undefined;
/** The boundaries are read once per test file. */
export function sharedLocator(): Promise<MunicipalityLocator> {
  locatorPromise ??= loadMunicipalityLocator();
  return locatorPromise;
}

export interface TestApp {
  kind: DatabaseKind;
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  baseUrl: string;
  request(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  /** Sends a multipart/form-data body; fetch sets the boundary. */
  requestForm(
    method: string,
    path: string,
    form: FormData,
    headers?: Record<string, string>,
  ): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON and assert on it
  body: any;
  text: string;
}

export async function startTestApp(
  kind: DatabaseKind,
  overrides: Partial<Config> = {},
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  // Each app keeps its photos in its own directory, removed on close.
  const photoDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-photos-'));
  let jobs: JobQueue | undefined;
  try {
    jobs = await startJobQueue(database.handle, { supervise: false });
    const config: Config = {
      ...loadConfig({}),
      secretsKeys: testKeys(),
      publicUrl: 'http://meld.test',
      reportRateLimitPerMinute: 10_000,
      logLevel: 'silent',
      photoDir,
      ...overrides,
    };
    const keyring = testKeyring();
    // Each app its own registry, measured as a process of role 'all' is.
    const metrics = createMetrics();
    watchDatabase(metrics, database.handle, 'all');
    const ctx: AppContext = {
      config,
      db: database.handle,
      jobs,
      locator: await sharedLocator(),
      catalog: createIntakeCatalog(database.handle.db),
      photos: createLocalPhotoStorage(config.photoDir),
      secret: await loadAppSecret(database.handle.db, keyring),
      keyring,
      metrics,
    };
    const app = await buildApp(ctx, options.logStream ? loggerOptions('info', options.logStream) : false);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const stop = jobs;
    return {
      kind,
      app,
      ctx,
      database,
      baseUrl: address,
      async request(method, path, options = {}) {
        const headers: Record<string, string> = { ...options.headers };
        let body: string | undefined;
        if (options.body !== undefined) {
          body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
          headers['content-type'] ??= 'application/json';
        }
        return readResponse(await fetch(`${address}${path}`, { method, headers, body }));
      },
      async requestForm(method, path, form, headers = {}) {
        return readResponse(await fetch(`${address}${path}`, { method, headers, body: form }));
      },
      async close() {
        await app.close();
        await stop.stop();
        await database.close();
        await rm(photoDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await jobs?.stop().catch(() => {});
    await database.close();
    await rm(photoDir, { recursive: true, force: true });
    throw error;
  }
}

async function readResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON; keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

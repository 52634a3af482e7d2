// The real application on a real port, with its own database, for HTTP tests. Assembled as the
// entry point does it (src/assemble.ts): role `web` by default (no background work, as most tests
// want to drive it themselves), `all` for tests that need the worker's parts (live feed, relay).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, loggerOptions } from '../../src/app.ts';
import type { AppContext } from '../../src/app-context.ts';
import { type AssembleOptions, type Assembly, assemble } from '../../src/assemble.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import {
  loadMunicipalityLocator,
  type MunicipalityLocator,
} from '../../src/modules/geo/municipality-locator.ts';
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
  /** The assembled parts; `worker` is set in role `all`. */
  assembly: Assembly;
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

export interface TestAppOptions
  extends Pick<AssembleOptions, 'notifications' | 'noticeFanout' | 'staffAlerts' | 'announcer'> {
  logStream?: NodeJS.WritableStream;
  /** `web` (default): no workers, relay or announcer; `all`: with them, as the embedded server runs. */
  role?: 'web' | 'all';
  /** Runs on the database before the app is assembled (e.g. the demo municipality). */
  prepare?: (database: TestDatabase) => Promise<unknown>;
}

/** The configuration tests run with: test keys, a fixed public URL, no rate limit in the way. */
export function testConfig(photoDir: string, overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    secretsKeys: testKeys(),
    publicUrl: 'http://meld.test',
    reportRateLimitPerMinute: 10_000,
    logLevel: 'silent',
    photoDir,
    ...overrides,
  };
}

export async function startTestApp(
  kind: DatabaseKind,
  overrides: Partial<Config> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  // Each app keeps its photos in its own directory, removed on close.
  const photoDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-photos-'));
  let assembly: Assembly | undefined;
  try {
    await options.prepare?.(database);
    assembly = await assemble(testConfig(photoDir, overrides), {
      role: options.role ?? 'web',
      database: database.handle,
      keyring: testKeyring(),
      locator: await sharedLocator(),
      // Tests drive schedules themselves; the relay and send workers still poll.
      supervise: false,
      notifications: options.notifications,
      noticeFanout: options.noticeFanout,
      staffAlerts: options.staffAlerts,
      announcer: options.announcer,
    });
    const ctx = assembly.ctx;
    const app = await buildApp(ctx, options.logStream ? loggerOptions('info', options.logStream) : false);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const parts = assembly;
    return {
      kind,
      app,
      ctx,
      assembly: parts,
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
        await parts.stop();
        await database.close();
        await rm(photoDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await assembly?.stop().catch(() => {});
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

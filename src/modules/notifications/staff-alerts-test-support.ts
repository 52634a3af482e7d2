// Test helpers for staff alerts, message templates and password reset: the real app on a real
// port with the SMTP test server configured, the send workers and staff alerts running, and this
// work's route plugins registered when app.ts does not register them yet.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type DatabaseKind } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { testKeyring, testKeys } from '../../../test/support/secrets.ts';
import { sharedLocator, type TestApp, type TestResponse } from '../../../test/support/test-app.ts';
import { buildApp } from '../../app.ts';
import type { AppContext } from '../../app-context.ts';
import { type Config, loadConfig } from '../../config.ts';
import { queryRows } from '../../db/client.ts';
import { startJobQueue } from '../../jobs/queue.ts';
import { createIntakeCatalog } from '../categories/intake-catalog.ts';
import { createLocalPhotoStorage } from '../photos/storage.ts';
import { loadAppSecret } from '../tenants/app-secret.ts';
import { FAST, PUBLIC_URL } from './notification-test-support.ts';
import { type StaffAlerts, startStaffAlerts } from './staff-alerts.ts';
import { type Notifications, startNotifications } from './start-notifications.ts';

export interface StaffAlertTestApp extends TestApp {
  notifications: Notifications;
  alerts: StaffAlerts;
  local(url: string): string;
}

export async function startStaffAlertApp(
  kind: DatabaseKind,
  overrides: Partial<Config>,
): Promise<StaffAlertTestApp> {
  const database = await createTestDatabase(kind);
  const photoDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-photos-'));
  const jobs = await startJobQueue(database.handle, { supervise: false });
  const config: Config = {
    ...loadConfig({}),
    secretsKeys: testKeys(),
    publicUrl: PUBLIC_URL,
    reportRateLimitPerMinute: 100_000,
    logLevel: 'silent',
    photoDir,
    ...overrides,
  };
  const keyring = testKeyring();
  const ctx: AppContext = {
    config,
    db: database.handle,
    jobs,
    locator: await sharedLocator(),
    catalog: createIntakeCatalog(database.handle.db),
    photos: createLocalPhotoStorage(photoDir),
    secret: await loadAppSecret(database.handle.db, keyring),
    keyring,
  };
  await buildPorsgrunn(database.handle.db);
  const app = await buildApp(ctx, false);
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const notifications = await startNotifications(ctx, FAST);
  const alerts = await startStaffAlerts(ctx, { pollingIntervalSeconds: 0.5 });
  const read = async (response: Response): Promise<TestResponse> => {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body, text };
  };
  return {
    kind,
    app,
    ctx,
    database,
    baseUrl,
    notifications,
    alerts,
    async request(method, url, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      return read(await fetch(`${baseUrl}${url}`, { method, headers, body, redirect: 'manual' }));
    },
    async requestForm(method, url, form, headers = {}) {
      return read(await fetch(`${baseUrl}${url}`, { method, headers, body: form }));
    },
    local: (url) => url.replace(PUBLIC_URL, baseUrl),
    async close() {
      await alerts.stop();
      await notifications.stop();
      await app.close();
      await jobs.stop();
      await database.close();
      await rm(photoDir, { recursive: true, force: true });
    },
  };
}

export async function teamId(t: TestApp, code: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    t.ctx.db.db,
    sql`select id from teams where kommunenummer = '4001' and code = ${code}`,
  );
  if (!row) throw new Error(`no team ${code}`);
  return row.id;
}

export interface StaffMessageRow {
  idempotency_key: string;
  kind: string;
  recipient: string;
  status: string;
  subject: string | null;
  body_text: string;
}

export async function staffMessages(t: TestApp): Promise<StaffMessageRow[]> {
  return queryRows<StaffMessageRow>(
    t.ctx.db.db,
    sql`select idempotency_key, kind, recipient, status, subject, body_text from messages
         where kind like 'staff_%' or kind = 'password_reset' order by created_at, recipient`,
  );
}

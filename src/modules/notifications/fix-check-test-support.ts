// Test helpers for "is it really fixed?": the notification test app (real port, real SMTP server,
// relay and workers running), with the fix-check routes registered when src/app.ts does not (yet)
// register them; a case handler in the report's team who marks reports done through the staff
// API; and the link read back from the reporter's email.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { createTestDatabase, type DatabaseKind } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { sharedLocator, type TestResponse } from '../../../test/support/test-app.ts';
import { buildApp } from '../../app.ts';
import type { AppContext } from '../../app-context.ts';
import { type Config, loadConfig } from '../../config.ts';
import { queryRows } from '../../db/client.ts';
import { startJobQueue } from '../../jobs/queue.ts';
import { createIntakeCatalog } from '../categories/intake-catalog.ts';
import { createLocalPhotoStorage } from '../photos/storage.ts';
import { loadAppSecret } from '../tenants/app-secret.ts';
import { FAST, type NotificationTestApp, PUBLIC_URL } from './notification-test-support.ts';
import { startNotifications } from './start-notifications.ts';

export async function startFixCheckApp(
  kind: DatabaseKind,
  overrides: Partial<Config>,
): Promise<NotificationTestApp> {
  const database = await createTestDatabase(kind);
  const photoDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-photos-'));
  const jobs = await startJobQueue(database.handle, { supervise: false });
  const config: Config = {
    ...loadConfig({}),
    publicUrl: PUBLIC_URL,
    reportRateLimitPerMinute: 100_000,
    logLevel: 'silent',
    photoDir,
    ...overrides,
  };
  const ctx: AppContext = {
    config,
    db: database.handle,
    jobs,
    locator: await sharedLocator(),
    catalog: createIntakeCatalog(database.handle.db),
    photos: createLocalPhotoStorage(photoDir),
    secret: await loadAppSecret(database.handle.db),
  };
  await buildPorsgrunn(database.handle.db);
  const app = await buildApp(ctx, false);
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const notifications = await startNotifications(ctx, FAST);
  const request = async (
    method: string,
    url: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...init.headers };
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    return readResponse(await fetch(`${baseUrl}${url}`, { method, headers, body, redirect: 'manual' }));
  };
  return {
    kind,
    app,
    ctx,
    database,
    baseUrl,
    notifications,
    request,
    async requestForm(method, url, form, headers = {}) {
      return readResponse(await fetch(`${baseUrl}${url}`, { method, headers, body: form }));
    },
    local: (url) => url.replace(PUBLIC_URL, baseUrl),
    async close() {
      await notifications.stop();
      await app.close();
      await jobs.stop();
      await database.close();
      await rm(photoDir, { recursive: true, force: true });
    },
  };
}

async function readResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** A case handler in the team the report is routed to, as the staff API sees them. */
export async function handlerInTeamOf(
  t: NotificationTestApp,
  reportId: string,
  email: string,
): Promise<{ client: StaffClient; teamId: string }> {
  const [row] = await queryRows<{ team_id: string }>(
    t.ctx.db.db,
    sql`select team_id from reports where id = ${reportId}::uuid`,
  );
  const teamId = row?.team_id ?? '';
  expect(teamId, 'the report has a team').toBeTruthy();
  const user = await buildStaffUser(t.ctx.db.db, {
    kommunenummer: '4001',
    roles: ['saksbehandler'],
    teamIds: [teamId],
    email,
  });
  return { client: await logInAs(t, user), teamId };
}

/** Changes the status through the staff API, as the case view does. */
export async function setStatus(
  client: StaffClient,
  reportId: string,
  status: string,
  reply?: string,
): Promise<TestResponse> {
  const base = `/api/v1/staff/m/4001/reports/${reportId}`;
  const view = await client.request('GET', base);
  expect(view.status, view.text).toBe(200);
  const res = await client.request('POST', `${base}/status`, {
    status,
    version: view.body.version,
    ...(reply ? { reply } : {}),
  });
  expect(res.status, res.text).toBe(200);
  return res;
}

/** The "is it fixed?" link in a message's text. */
export function fixLinkIn(text: string): string {
  const match =
    /(https?:\/\/\S+\/api\/v1\/notifications\/fixed\?token=[A-Za-z0-9_-]{43}(?:&lang=[a-z]{2})?)/.exec(text);
  if (!match?.[1]) throw new Error(`no fix-check link in:\n${text}`);
  return match[1];
}

// Test helpers for notifications: the real app on a real port (role `all`: the worker's relay,
// send workers and announcer run too) with the mail server and SMS gateway stand-ins configured,
// short retry delays, and reports made through the public API.
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Config } from '../../src/config.ts';
import { queryRows } from '../../src/db/client.ts';
import type {
  NotificationOptions,
  Notifications,
} from '../../src/modules/notifications/start-notifications.ts';
import type { DatabaseKind } from './databases.ts';
import { buildPorsgrunn, buildReportBody } from './factories.ts';
import { startTestApp, type TestApp, type TestResponse } from './test-app.ts';

export const PUBLIC_URL = 'http://meld.test';
export const DELIVERY_TOKEN = 'delivery-report-secret-0123456789';

export interface NotificationTestApp extends TestApp {
  notifications: Notifications;
  /** A link from a message, pointed at the test app instead of PUBLIC_URL. */
  local(url: string): string;
}

/** Fast retries for tests: no backoff, 1 s apart, 3 retries; the relay every 200 ms. */
export const FAST: NotificationOptions = {
  retryLimit: 3,
  retryDelaySeconds: 1,
  retryBackoff: false,
  relayIntervalMs: 200,
  pollingIntervalSeconds: 0.5,
  smsTimeoutMs: 500,
};

export async function startNotificationApp(
  kind: DatabaseKind,
  overrides: Partial<Config>,
  options: NotificationOptions = FAST,
): Promise<NotificationTestApp> {
  const t = await startTestApp(
    kind,
    {
      publicUrl: PUBLIC_URL,
      reportRateLimitPerMinute: 100_000,
      smsDeliveryReportToken: DELIVERY_TOKEN,
      // follow() speaks from a client address of its own (X-Forwarded-For), so a file that follows
      // many reports does not run into the hourly follow cap per client (tested on its own).
      trustProxy: true,
      ...overrides,
    },
    { role: 'all', notifications: options, prepare: (database) => buildPorsgrunn(database.handle.db) },
  );
  const notifications = t.assembly.worker?.notifications;
  if (!notifications) throw new Error('the notification test app runs the worker parts');
  const extras = { notifications, local: (url: string) => url.replace(PUBLIC_URL, t.baseUrl) };
  return withManualRedirects(t, extras);
}

/** The test app with these extras, its requests not following redirects (tests look at them). */
export function withManualRedirects<T extends object>(t: TestApp, extras: T): TestApp & T {
  return {
    ...t,
    ...extras,
    async request(method, url, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      return readResponse(await fetch(`${t.baseUrl}${url}`, { method, headers, body, redirect: 'manual' }));
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

export async function postReport(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; ref: string; trackingToken: string }> {
  const response = await t.request('POST', '/api/v1/reports', { body: buildReportBody(overrides) });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

/**
 * "Follow it instead" on the report's public page, as a resident does it (in `language`), and the
 * confirmation after it: the link from the confirmation email posted, or the code from the SMS
 * typed, both read from the stored message (whether or not a provider sent it on).
 */
export async function follow(
  t: TestApp,
  ref: string,
  contact: { email?: string; phone?: string },
  language = 'nb',
): Promise<void> {
  const page = await t.request('GET', `/porsgrunn/meldinger/${ref}?lang=${language}`);
  const token = /name="_token" value="([^"]+)"/.exec(page.text)?.[1];
  expect(token, 'follow form token').toBeTruthy();
  const form = new URLSearchParams({ _token: token ?? '', ...contact });
  const response = await fetch(`${t.baseUrl}/porsgrunn/meldinger/${ref}/folg?lang=${language}`, {
    method: 'POST',
    body: form.toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
    },
    redirect: 'manual',
  });
  expect(response.status, await response.text()).toBe(303);
  const pending = response.headers.get('location') ?? '';
  // Stored as typed (email, lower case) or as +47 and the digits (phone).
  const recipient = contact.email
    ? sql`recipient = ${contact.email.toLowerCase()}`
    : sql`recipient like ${`%${(contact.phone ?? '').replace(/\D/g, '').slice(-8)}`}`;
  const [message] = await queryRows<{ body_text: string }>(
    t.ctx.db.db,
    sql`select body_text from messages where kind = 'follow_confirm' and ${recipient}
         order by created_at desc limit 1`,
  );
  expect(message, 'the confirmation message').toBeTruthy();
  const text = message?.body_text ?? '';
  if (contact.email) {
    const link = /https?:\/\/\S+\/folg\/bekreft\?\S+/.exec(text)?.[0] ?? '';
    const confirmed = await fetch(link.replace(PUBLIC_URL, t.baseUrl), {
      method: 'POST',
      redirect: 'manual',
    });
    expect(confirmed.status).toBe(303);
    return;
  }
  const code = /(?:Koden din er|Your code is) (\d{6})/.exec(text)?.[1] ?? '';
  const codePage = await t.request('GET', pending);
  const formToken = /name="_token" value="([^"]+)"/.exec(codePage.text)?.[1] ?? '';
  const confirmed = await fetch(`${t.baseUrl}${pending}`, {
    method: 'POST',
    body: new URLSearchParams({ _token: formToken, code }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  expect(confirmed.status).toBe(303);
}

/** A public event as a case handler's action writes it (the staff API is tested elsewhere). */
export async function addEvent(
  t: TestApp,
  reportId: string,
  event: { kind: string; public: boolean; status?: string; message?: string },
): Promise<void> {
  await t.ctx.db.db.execute(
    sql`insert into report_events (report_id, kind, public, status, message, actor)
        values (${reportId}::uuid, ${event.kind}, ${event.public}, ${event.status ?? null}, ${event.message ?? null}, 'system')`,
  );
}

export interface StoredMessage {
  id: string;
  kind: string;
  channel: string;
  recipient: string;
  status: string;
  attempts: number;
  last_error: string | null;
  body_text: string;
  send_after: Date;
}

export async function storedMessages(t: TestApp): Promise<StoredMessage[]> {
  const rows = await queryRows<StoredMessage>(
    t.ctx.db.db,
    sql`select id, kind, channel, recipient, status, attempts, last_error, body_text, send_after
          from messages order by created_at, recipient`,
  );
  return rows.map((row) => ({ ...row, send_after: new Date(row.send_after) }));
}

export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until no `message.send` job is waiting, retrying or running. After that nothing more can
 * be sent, so a test that checks "nothing else arrived" waits on this instead of a fixed pause.
 * The relay runs first, so public events not yet turned into messages are turned now.
 */
export async function waitForSendQueueDrained(t: NotificationTestApp, timeoutMs = 60_000): Promise<void> {
  await t.notifications.relayNow();
  await waitUntil(
    'the send queue to drain',
    async () => {
      const [row] = await queryRows<{ n: number }>(
        t.ctx.db.db,
        sql`select count(*)::int as n from pgboss.job
             where name in ('message.send', 'message.send-group') and state in ('created', 'retry', 'active')`,
      );
      return row?.n === 0;
    },
    timeoutMs,
  );
}

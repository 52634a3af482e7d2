// Test helpers for staff alerts, message templates and password reset: the real app on a real
// port (role `all`) with the SMTP test server configured, the relay, send workers and staff alerts
// running.
import { sql } from 'drizzle-orm';
import type { Config } from '../../src/config.ts';
import { queryRows } from '../../src/db/client.ts';
import type { StaffAlerts } from '../../src/modules/notifications/staff-alerts.ts';
import type { Notifications } from '../../src/modules/notifications/start-notifications.ts';
import type { DatabaseKind } from './databases.ts';
import { buildPorsgrunn } from './factories.ts';
import { FAST, PUBLIC_URL, withManualRedirects } from './notifications.ts';
import { startTestApp, type TestApp } from './test-app.ts';

export interface StaffAlertTestApp extends TestApp {
  notifications: Notifications;
  alerts: StaffAlerts;
  local(url: string): string;
}

export async function startStaffAlertApp(
  kind: DatabaseKind,
  overrides: Partial<Config>,
): Promise<StaffAlertTestApp> {
  const t = await startTestApp(
    kind,
    { publicUrl: PUBLIC_URL, reportRateLimitPerMinute: 100_000, ...overrides },
    {
      role: 'all',
      notifications: FAST,
      staffAlerts: { pollingIntervalSeconds: 0.5 },
      prepare: (database) => buildPorsgrunn(database.handle.db),
    },
  );
  const worker = t.assembly.worker;
  if (!worker) throw new Error('the staff alert test app runs the worker parts');
  return withManualRedirects(t, {
    notifications: worker.notifications,
    alerts: worker.staffAlerts,
    local: (url: string) => url.replace(PUBLIC_URL, t.baseUrl),
  });
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

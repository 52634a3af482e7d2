// Test helpers for "is it really fixed?": the notification test app (real port, real SMTP server,
// relay and workers running); a case handler in the report's team who marks reports done through
// the staff API; and the link read back from the reporter's email.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Config } from '../../src/config.ts';
import { queryRows } from '../../src/db/client.ts';
import type { DatabaseKind } from './databases.ts';
import { FAST, type NotificationTestApp, startNotificationApp } from './notifications.ts';
import { buildStaffUser, logInAs, type StaffClient } from './staff.ts';
import type { TestResponse } from './test-app.ts';

/** The notification test app, as the other notification tests use it. */
export function startFixCheckApp(
  kind: DatabaseKind,
  overrides: Partial<Config>,
): Promise<NotificationTestApp> {
  return startNotificationApp(kind, overrides, FAST);
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

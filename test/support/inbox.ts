// Test helpers for the inbox tests: reports made through the public API, then placed in the
// state a test is about (status, team, times…) with plain SQL, as a case handler would leave them.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { buildReportBody } from './factories.ts';
import type { TestApp } from './test-app.ts';

export interface PostedReport {
  id: string;
  ref: string;
}

export async function postReport(t: TestApp, overrides: Record<string, unknown> = {}): Promise<PostedReport> {
  const response = await t.request('POST', '/api/v1/reports', { body: buildReportBody(overrides) });
  expect(response.status, response.text).toBe(201);
  return { id: response.body.id, ref: response.body.ref };
}

export interface ReportState {
  status?: string;
  teamId?: string | null;
  assigneeId?: string | null;
  dueAt?: string | null;
  priority?: string;
  channel?: string;
  createdAt?: string;
  updatedAt?: string;
  acute?: boolean;
}

export async function setReportState(t: TestApp, id: string, state: ReportState): Promise<void> {
  const sets = [];
  if (state.status !== undefined) sets.push(sql`status = ${state.status}`);
  if (state.teamId !== undefined) sets.push(sql`team_id = ${state.teamId}::uuid`);
  if (state.assigneeId !== undefined) sets.push(sql`assignee_id = ${state.assigneeId}::uuid`);
  if (state.dueAt !== undefined) sets.push(sql`due_at = ${state.dueAt}::timestamptz`);
  if (state.priority !== undefined) sets.push(sql`priority = ${state.priority}`);
  if (state.channel !== undefined) sets.push(sql`channel = ${state.channel}`);
  if (state.createdAt !== undefined) sets.push(sql`created_at = ${state.createdAt}::timestamptz`);
  if (state.updatedAt !== undefined) sets.push(sql`updated_at = ${state.updatedAt}::timestamptz`);
  if (state.acute !== undefined) sets.push(sql`acute = ${state.acute}`);
  if (sets.length === 0) return;
  await t.ctx.db.db.execute(sql`update reports set ${sql.join(sets, sql`, `)} where id = ${id}::uuid`);
}

export async function teamIdOf(t: TestApp, code: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    t.ctx.db.db,
    sql`select id from teams where kommunenummer = '4001' and code = ${code}`,
  );
  if (!row) throw new Error(`no team ${code}`);
  return row.id;
}

export async function categoryOf(t: TestApp, code: string): Promise<{ id: string; groupId: string }> {
  const [row] = await queryRows<{ id: string; group_id: string }>(
    t.ctx.db.db,
    sql`select id, group_id from categories where kommunenummer = '4001' and code = ${code}`,
  );
  if (!row) throw new Error(`no category ${code}`);
  return { id: row.id, groupId: row.group_id };
}

export const INBOX = '/api/v1/staff/m/4001';

/** How many live inbox streams the app holds open now (its `meldepunkt_live_streams` gauge). */
export async function liveStreamCount(t: TestApp): Promise<number | undefined> {
  const gauge = t.ctx.metrics?.registry.getSingleMetric('meldepunkt_live_streams');
  return (await gauge?.get())?.values[0]?.value;
}

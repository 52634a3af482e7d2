import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  buildCategory,
  buildMunicipality,
  buildPorsgrunn,
  buildReportBody,
  PLACES,
} from '../../../test/support/factories.ts';
import { addFollower } from '../../../test/support/followers.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import type { StaffRole } from '../accounts/roles.ts';

const base = '/api/v1/staff/m/4001/reports';

describe.each(databaseKinds())('merging and bulk actions on %s', (kind) => {
  let t: TestApp;
  let handler: StaffClient;
  let teamId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
    const user = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['saksbehandler'],
      name: 'Siri',
    });
    handler = await logInAs(t, user);
    const [team] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from teams where kommunenummer = '4001' and code = 'vei-og-park'`,
    );
    teamId = team?.id ?? '';
  });
  afterAll(() => t.close());

  async function submit(overrides: Record<string, unknown> = {}) {
    const res = await t.request('POST', '/api/v1/reports', { body: buildReportBody(overrides) });
    expect(res.status).toBe(201);
    return res.body as { id: string; ref: string; trackingToken: string };
  }

  async function submitInSkien() {
    const category = await buildCategory(t.ctx.db.db, { kommunenummer: '4003' });
    return submit({ category: category.code, location: PLACES.skien, answers: {} });
  }

  async function staff(roles: StaffRole[], kommunenummer = '4001'): Promise<StaffClient> {
    return logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer, roles }));
  }

  async function version(id: string): Promise<string> {
    const res = await handler.request('GET', `${base}/${id}`);
    expect(res.status).toBe(200);
    return res.body.version;
  }

  async function act(path: string, id: string, body: Record<string, unknown>, client = handler) {
    return client.request('POST', `${base}/${id}/${path}`, { ...body, version: await version(id) });
  }

  function tracking(created: { ref: string; trackingToken: string }) {
    return t.request('GET', `/api/v1/reports/${created.ref}?token=${created.trackingToken}`);
  }

  it('merges duplicates: they point to the primary, their people follow it, their public pages say so', async () => {
    const primary = await submit();
    const dupA = await submit({ contact: { email: 'a@example.no', notify: 'email' } });
    const dupB = await submit({ contact: { phone: '912 00 001', notify: 'sms' } });
    const quiet = await submit({ contact: { email: 'stille@example.no', notify: 'none' } });
    await addFollower(t.ctx.db.db, dupA.id, { email: 'nabo@example.no' });
    // Only asked to follow, never confirmed: not copied, since anyone may type any address.
    await addFollower(t.ctx.db.db, dupA.id, { email: 'ubekreftet@example.no', confirmed: false });
    // Asked to follow the primary too, not yet confirmed: confirmed on the duplicate, so now here.
    await addFollower(t.ctx.db.db, primary.id, { email: 'nabo@example.no', confirmed: false });

    const field = await staff(['feltarbeider']);
    const refused = await act('merge', primary.id, { duplicateIds: [dupA.id] }, field);
    expect(refused.status).toBe(403);

    const res = await act('merge', primary.id, { duplicateIds: [dupA.id, dupB.id, quiet.id] });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('mottatt');
    expect(res.body.duplicates.map((d: { id: string }) => d.id).sort()).toEqual(
      [dupA.id, dupB.id, quiet.id].sort(),
    );
    expect(res.body.history.filter((e: { kind: string }) => e.kind === 'merged')).toHaveLength(3);
    const followers = await queryRows<{ email: string | null; phone: string | null; confirmed: boolean }>(
      t.ctx.db.db,
      sql`select email, phone, confirmed_at is not null as confirmed from report_followers
           where report_id = ${primary.id}::uuid order by email, phone`,
    );
    expect(followers.map((f) => f.email ?? f.phone)).toEqual([
      'a@example.no',
      'nabo@example.no',
      expect.stringContaining('91200001'),
    ]);
    expect(followers.every((f) => f.confirmed)).toBe(true);
    expect(res.body.followersCount).toBe(3);

    const dup = await handler.request('GET', `${base}/${dupA.id}`);
    expect(dup.body).toMatchObject({ status: 'duplikat', mergedInto: { id: primary.id, ref: primary.ref } });
    const page = await tracking(dupA);
    expect(page.body.status).toBe('duplikat');
    expect(page.body.history.at(-1)).toMatchObject({
      kind: 'merged_into',
      status: 'duplikat',
      message: `Slått sammen med ${primary.ref}`,
    });

    const again = await act('merge', primary.id, { duplicateIds: [dupA.id] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_merged');
    const self = await act('merge', primary.id, { duplicateIds: [primary.id] });
    expect(self.body.error.code).toBe('merge_into_itself');
    const intoDuplicate = await act('merge', dupA.id, { duplicateIds: [(await submit()).id] });
    expect(intoDuplicate.body.error.code).toBe('primary_merged');
  });

  it('refuses to merge a report of another municipality', async () => {
    const primary = await submit();
    const skien = await submitInSkien();
    const res = await act('merge', primary.id, { duplicateIds: [skien.id] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('duplicate_not_found');
    expect((await handler.request('GET', `${base}/${primary.id}`)).body.history).toHaveLength(1);
  });

  it('applies bulk actions report by report and lists what failed', async () => {
    const [a, b] = [await submit(), await submit()];
    const skien = await submitInSkien();
    const missing = '00000000-0000-4000-8000-000000000000';
    const ids = [a.id, skien.id, b.id, missing];
    const status = await handler.request('POST', `${base}/bulk`, {
      ids,
      action: { type: 'status', status: 'planlagt' },
    });
    expect(status.status).toBe(200);
    expect(status.body.updated).toBe(2);
    expect(status.body.failed).toEqual([
      { id: skien.id, code: 'report_not_found', message: expect.any(String) },
      { id: missing, code: 'report_not_found', message: expect.any(String) },
    ]);
    const assign = await handler.request('POST', `${base}/bulk`, {
      ids: [a.id, b.id],
      action: { type: 'assign', teamId, assigneeId: null },
    });
    expect(assign.body).toEqual({ updated: 2, failed: [] });
    const reply = await handler.request('POST', `${base}/bulk`, {
      ids: [a.id, b.id],
      action: { type: 'reply', message: 'Vi jobber med det.' },
    });
    expect(reply.body.updated).toBe(2);
    const page = await tracking(b);
    expect(page.body.status).toBe('planlagt');
    expect(page.body.history.map((e: { kind: string }) => e.kind)).toEqual([
      'received',
      'status_changed',
      'public_reply',
    ]);
    const skienView = await t.request('GET', `/api/v1/reports/${skien.ref}`);
    expect(skienView.body.status).toBe('mottatt');

    const tooMany = Array.from({ length: 201 }, () => missing);
    expect(
      (
        await handler.request('POST', `${base}/bulk`, {
          ids: tooMany,
          action: { type: 'status', status: 'lukket' },
        })
      ).status,
    ).toBe(400);
    const field = await staff(['feltarbeider']);
    expect(
      (
        await field.request('POST', `${base}/bulk`, {
          ids: [a.id],
          action: { type: 'status', status: 'lukket' },
        })
      ).status,
    ).toBe(403);
  });
});

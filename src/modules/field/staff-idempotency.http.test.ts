// The field app's offline queue retries staff actions with an Idempotency-Key: a retry returns the
// first answer (and changes nothing), the same key on another request is refused, two copies sent
// at once act once, and a change on a stale version says who changed the case and when.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { forgetOldReceipts } from './staff-receipts.ts';

const base = '/api/v1/staff/m/4001/reports';

describe.each(databaseKinds())('idempotent staff actions on %s', (kind) => {
  let t: TestApp;
  let crew: StaffClient;
  let crewId: string;
  let colleague: StaffClient;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['feltarbeider'] });
    crewId = user.id;
    crew = await logInAs(t, user);
    colleague = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, {
        kommunenummer: '4001',
        roles: ['saksbehandler'],
        name: 'Siri Saksbehandler',
      }),
    );
  });
  afterAll(() => t.close());

  async function submit(): Promise<string> {
    const res = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  }

  async function versionOf(id: string): Promise<string> {
    const res = await crew.request('GET', `${base}/${id}`);
    expect(res.status).toBe(200);
    return res.body.version as string;
  }

  async function events(id: string, kind: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from report_events where report_id = ${id}::uuid and kind = ${kind}`,
    );
    return row?.n ?? 0;
  }

  it('replays a status change: same answer, replay header, one history entry, not 409', async () => {
    const id = await submit();
    const body = { status: 'under_behandling', version: await versionOf(id) };
    const key = 'status-0001-aaaa';
    const first = await crew.request('POST', `${base}/${id}/status`, body, { 'idempotency-key': key });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    expect(first.body.status).toBe('under_behandling');
    // The answer was lost; the app sends the same request again, with a version now stale.
    const again = await crew.request('POST', `${base}/${id}/status`, body, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await events(id, 'status_changed')).toBe(1);
    // Without the key the same stale request is a conflict, as before.
    const stale = await crew.request('POST', `${base}/${id}/status`, body);
    expect(stale.status).toBe(409);
  });

  it('replays a note once, and refuses the same key with another request (422)', async () => {
    const id = await submit();
    const key = 'note-0001';
    const first = await crew.request(
      'POST',
      `${base}/${id}/notes`,
      { message: 'Kum åpnet, tett rør' },
      { 'idempotency-key': key },
    );
    expect(first.status).toBe(200);
    const again = await crew.request(
      'POST',
      `${base}/${id}/notes`,
      { message: 'Kum åpnet, tett rør' },
      { 'idempotency-key': key },
    );
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await events(id, 'internal_note')).toBe(1);

    const other = await crew.request(
      'POST',
      `${base}/${id}/notes`,
      { message: 'Noe annet' },
      { 'idempotency-key': key },
    );
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect(other.body.error.message).toMatch(/Idempotency-Key/);
    // The same key on another report is another request too.
    const elsewhere = await crew.request(
      'POST',
      `${base}/${await submit()}/notes`,
      { message: 'Kum åpnet, tett rør' },
      { 'idempotency-key': key },
    );
    expect(elsewhere.status).toBe(422);
    expect(await events(id, 'internal_note')).toBe(1);

    // Keys are per person: a colleague may use the same key for their own note.
    const theirs = await colleague.request(
      'POST',
      `${base}/${id}/notes`,
      { message: 'Kum åpnet, tett rør' },
      { 'idempotency-key': key },
    );
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('idempotency-replayed')).toBeNull();
    expect(await events(id, 'internal_note')).toBe(2);
  });

  it('acts once when two copies arrive at the same time', async () => {
    const id = await submit();
    const body = { message: 'Sendt to ganger samtidig' };
    const headers = { 'idempotency-key': 'same-time-1' };
    const results = await Promise.all([
      crew.request('POST', `${base}/${id}/notes`, body, headers),
      crew.request('POST', `${base}/${id}/notes`, body, headers),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.filter((r) => r.headers.get('idempotency-replayed') === 'true')).toHaveLength(1);
    expect(await events(id, 'internal_note')).toBe(1);
  });

  it('refuses a malformed key, and does not keep an answer to a failed action', async () => {
    const id = await submit();
    const bad = await crew.request(
      'POST',
      `${base}/${id}/notes`,
      { message: 'x' },
      { 'idempotency-key': 'has space' },
    );
    expect(bad.status).toBe(400);
    const long = await crew.request(
      'POST',
      `${base}/${id}/notes`,
      { message: 'x' },
      { 'idempotency-key': 'a'.repeat(101) },
    );
    expect(long.status).toBe(400);
    // A blank note fails; the key is not used up by it, so the same request fails the same way.
    const blank = await crew.request(
      'POST',
      `${base}/${id}/notes`,
      { message: '   ' },
      { 'idempotency-key': 'blank-1' },
    );
    expect(blank.status).toBe(400);
    const [kept] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from staff_action_receipts where idempotency_key = 'blank-1'`,
    );
    expect(kept?.n).toBe(0);
  });

  it('says who changed the case and when on a stale version', async () => {
    const id = await submit();
    const seen = await versionOf(id);
    const theirs = await colleague.request('POST', `${base}/${id}/status`, {
      status: 'planlagt',
      version: seen,
    });
    expect(theirs.status).toBe(200);
    const mine = await crew.request(
      'POST',
      `${base}/${id}/status`,
      { status: 'utfort', version: seen },
      { 'idempotency-key': 'stale-1' },
    );
    expect(mine.status).toBe(409);
    expect(mine.body.error.code).toBe('conflict');
    expect(mine.body.error.message).toContain('Siri Saksbehandler');
    expect(mine.body.error.message).toMatch(/\d{2}[.:]\d{2}/);
    const [row] = await queryRows<{ status: string }>(
      t.ctx.db.db,
      sql`select status from reports where id = ${id}::uuid`,
    );
    expect(row?.status).toBe('planlagt');
  });

  it('lets a field worker change the status, but not send a public reply with it', async () => {
    const id = await submit();
    const withReply = await crew.request('POST', `${base}/${id}/status`, {
      status: 'planlagt',
      version: await versionOf(id),
      reply: 'Vi kommer i morgen',
    });
    expect(withReply.status).toBe(403);
    expect(await events(id, 'status_changed')).toBe(0);
    const plain = await crew.request('POST', `${base}/${id}/status`, {
      status: 'planlagt',
      version: await versionOf(id),
      reply: '  ',
    });
    expect(plain.status).toBe(200);
    const handler = await colleague.request('POST', `${base}/${id}/status`, {
      status: 'under_behandling',
      version: await versionOf(id),
      reply: 'Vi ser på det',
    });
    expect(handler.status).toBe(200);
  });

  it('forgets answers after 14 days', async () => {
    const id = await submit();
    await crew.request('POST', `${base}/${id}/notes`, { message: 'gammel' }, { 'idempotency-key': 'old-1' });
    await t.ctx.db.db.execute(
      sql`update staff_action_receipts set created_at = now() - interval '15 days' where idempotency_key = 'old-1' and user_id = ${crewId}::uuid`,
    );
    expect(await forgetOldReceipts(t.ctx.db.db)).toBeGreaterThanOrEqual(1);
    const [left] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from staff_action_receipts where idempotency_key = 'old-1'`,
    );
    expect(left?.n).toBe(0);
  });
});

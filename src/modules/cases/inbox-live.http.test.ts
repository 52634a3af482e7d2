import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildCategory, buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { INBOX, liveStreamCount, postReport } from '../../../test/support/inbox.ts';
import { openSse } from '../../../test/support/sse-client.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe.each(databaseKinds())('live inbox updates (SSE) on %s', (kind) => {
  let t: TestApp;
  let staff: StaffClient;
  let outsider: StaffClient;
  let skienCode: string;

  beforeAll(async () => {
    // Role `all`: the worker's announcer is what tells the web part about changes.
    t = await startTestApp(kind, {}, { role: 'all' });
    const db = t.ctx.db.db;
    await buildPorsgrunn(db);
    await buildMunicipality(db, { kommunenummer: '4003', name: 'Skien', slug: 'skien-live' });
    skienCode = (await buildCategory(db, { kommunenummer: '4003', code: 'skien-live' })).code;
    staff = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4001', roles: ['feltarbeider'] }));
    outsider = await logInAs(t, await buildStaffUser(db, { kommunenummer: '4003', roles: ['leser'] }));
  });
  afterAll(() => t?.close());

  it('streams a report posted through the public API, and not another municipality’s', async () => {
    const stream = await openSse(`${t.baseUrl}${INBOX}/events`, {
      cookie: staff.cookie,
      'accept-encoding': 'gzip, br',
    });
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.response.headers.get('cache-control')).toBe('no-store');
      expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
      expect(stream.response.headers.get('content-encoding')).toBeNull();
      const skien = await postReport(t, {
        category: skienCode,
        answers: {},
        location: undefined,
        municipality: '4003',
        address: 'Torget 1, Skien',
      });
      const ours = await postReport(t);
      const event = await stream.next((e) => e.event === 'report' && JSON.parse(e.data).id === ours.id);
      expect(JSON.parse(event.data)).toEqual({ op: 'insert', id: ours.id, ref: ours.ref, status: 'mottatt' });
      expect(stream.raw()).not.toContain(skien.id);
      expect(stream.raw()).not.toContain('4003');

      // A status change by a case handler is announced too: every change writes a history entry
      // with it (as case-changes.ts does), and the history is what the announcer reads.
      await t.ctx.db.db.transaction(async (tx) => {
        await tx.execute(sql`update reports set status = 'under_behandling' where id = ${ours.id}::uuid`);
        await tx.execute(
          sql`insert into report_events (report_id, kind, public, status, actor)
              values (${ours.id}::uuid, 'status_changed', false, 'under_behandling', 'system')`,
        );
      });
      const update = await stream.next((e) => e.event === 'report' && JSON.parse(e.data).op === 'update');
      expect(JSON.parse(update.data)).toMatchObject({ id: ours.id, status: 'under_behandling' });
    } finally {
      await stream.close();
    }
  });

  it('forgets a screen that disconnected', async () => {
    const route = t.app;
    const liveStreams = () => liveStreamCount(t);
    // The screens of the tests before are gone too.
    await expect.poll(liveStreams).toBe(0);
    const stream = await openSse(`${t.baseUrl}${INBOX}/events`, { cookie: staff.cookie });
    await expect.poll(liveStreams).toBe(1);
    await stream.close();
    // The server notices the closed socket and unsubscribes; the next report must not fail.
    await expect.poll(liveStreams).toBe(0);
    await postReport(t);
    expect(route.server.listening).toBe(true);
  });

  it('checks login and role when the stream opens', async () => {
    const anonymous = await fetch(`${t.baseUrl}${INBOX}/events`);
    expect(anonymous.status).toBe(401);
    const refused = await fetch(`${t.baseUrl}${INBOX}/events`, { headers: { cookie: outsider.cookie } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });
});

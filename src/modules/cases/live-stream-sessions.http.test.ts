// Live inbox streams belong to the session that opened them: at most four per session, and they
// end when the session ends (at once on log out, log out everywhere or deactivation in this
// process) or expires, or when the role no longer allows reading the inbox. Real HTTP, real SSE.
import { connect } from 'node:net';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { INBOX, liveStreamCount, postReport } from '../../../test/support/inbox.ts';
import { openSse, type SseStream } from '../../../test/support/sse-client.ts';
import {
  type BuiltStaffUser,
  buildStaffUser,
  logInAs,
  type StaffClient,
} from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const EVENTS = `${INBOX}/events`;

/** The stream's request as raw HTTP, for clients that leave at once or never read. */
function streamRequest(who: StaffClient): string {
  return `GET ${EVENTS} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: ${who.cookie}\r\n\r\n`;
}

async function open(t: TestApp, who: StaffClient): Promise<SseStream> {
  const stream = await openSse(`${t.baseUrl}${EVENTS}`, { cookie: who.cookie });
  expect(stream.response.status).toBe(200);
  // The stream is live once the server said so: from then on it is in the session's registry.
  await vi.waitFor(() => expect(stream.raw()).toContain(': connected'), { timeout: 5000, interval: 20 });
  return stream;
}

describe.each(databaseKinds())('live streams and their session on %s', (kind) => {
  // Rechecks every 30 s (the default): whatever ends a stream within a second is not the recheck.
  let t: TestApp;
  let admin: StaffClient;
  const streams: SseStream[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind, {}, { role: 'all' });
    await buildPorsgrunn(t.ctx.db.db);
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
  });
  afterAll(async () => {
    for (const stream of streams) await stream.close();
    await t?.close();
  });

  async function reader(): Promise<{ user: BuiltStaffUser; client: StaffClient }> {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    return { user, client: await logInAs(t, user) };
  }

  async function track(stream: Promise<SseStream>): Promise<SseStream> {
    const opened = await stream;
    streams.push(opened);
    return opened;
  }

  it('holds four streams per session and refuses a fifth with 429, until one closes', async () => {
    const { user, client } = await reader();
    const four = [];
    for (let i = 0; i < 4; i++) four.push(await track(open(t, client)));
    const fifth = await fetch(`${t.baseUrl}${EVENTS}`, {
      headers: { cookie: client.cookie, accept: 'text/event-stream', 'accept-language': 'en' },
    });
    expect(fifth.status).toBe(429);
    const body = (await fifth.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too_many_streams');
    expect(body.error.message).toBe(
      'This login already has 4 live update streams open (tabs). Close a tab and reload the page.',
    );
    // Another login of the same person has places of its own.
    const elsewhere = await logInAs(t, user);
    await track(open(t, elsewhere));
    // A closed tab gives its place back (once the server has seen the socket close).
    await four[0]?.close();
    const again = await vi.waitFor(
      async () => {
        const stream = await openSse(`${t.baseUrl}${EVENTS}`, { cookie: client.cookie });
        if (stream.response.status === 200) return stream;
        await stream.close();
        throw new Error(`answered ${stream.response.status}`);
      },
      { timeout: 5000, interval: 50 },
    );
    streams.push(again);
  });

  it('ends the stream at once on log out, and it carries nothing after', async () => {
    const { client } = await reader();
    const stream = await track(open(t, client));
    const out = await client.request('DELETE', '/api/v1/staff/session');
    expect(out.status).toBe(204);
    await stream.ended(1000);
    const late = await postReport(t);
    expect(stream.raw()).not.toContain(late.id);
  });

  it('ends every stream of the account on log out everywhere', async () => {
    const { user, client } = await reader();
    const phone = await logInAs(t, user);
    const here = await track(open(t, client));
    const there = await track(open(t, phone));
    const bystander = await track(open(t, admin));
    const out = await client.request('POST', '/api/v1/staff/session/logout-everywhere');
    expect(out.status).toBe(204);
    await Promise.all([here.ended(1000), there.ended(1000)]);
    // Someone else's stream goes on.
    const report = await postReport(t);
    await bystander.next((e) => e.event === 'report' && JSON.parse(e.data).id === report.id);
  });

  it('ends the streams of an account an administrator deactivates', async () => {
    const { user, client } = await reader();
    const stream = await track(open(t, client));
    const res = await admin.request('PUT', `/api/v1/staff/m/4001/admin/users/${user.id}`, { active: false });
    expect(res.status).toBe(200);
    await stream.ended(1000);
  });
});

describe.each(databaseKinds())('live streams asked again on a timer on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  const streams: SseStream[] = [];

  beforeAll(async () => {
    // Short, so the test need not wait 30 s; the default and the longest allowed is 30 s.
    t = await startTestApp(kind, { liveRecheckMs: 200 }, { role: 'all' });
    await buildPorsgrunn(t.ctx.db.db);
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
  });
  afterAll(async () => {
    for (const stream of streams) await stream.close();
    await t?.close();
  });

  async function readerStream() {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const client = await logInAs(t, user);
    const stream = await open(t, client);
    streams.push(stream);
    return { user, client, stream };
  }

  it('ends the stream when the role that allowed it is taken away, and only that one', async () => {
    const stays = await readerStream();
    const { user, stream } = await readerStream();
    const res = await admin.request('PUT', `/api/v1/staff/m/4001/admin/users/${user.id}`, { roles: [] });
    expect(res.status).toBe(200);
    await stream.ended(5000);
    // The other stream, opened first, has been asked again by now too, and goes on.
    const report = await postReport(t);
    await stays.stream.next((e) => e.event === 'report' && JSON.parse(e.data).id === report.id);
  });

  it('ends the stream when the session expires, and asking again does not keep it alive', async () => {
    const { user, stream } = await readerStream();
    // Idle long enough that any use would extend it; it expires in a second unless something does.
    await t.ctx.db.db.execute(
      sql`update staff_sessions set last_seen_at = now() - interval '1 hour',
            expires_at = now() + interval '1 second' where user_id = ${user.id}::uuid`,
    );
    await stream.ended(5000);
  });
});

describe.each(databaseKinds())('live streams whose client left or stopped reading on %s', (kind) => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    t = await startTestApp(kind, {}, { role: 'all', logStream });
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t?.close());

  it('gives its place back when the client left before the stream started', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const client = await logInAs(t, user);
    const { port } = new URL(t.baseUrl);
    // Four requests sent and the sockets closed at once: each is gone while its session is checked.
    for (let i = 0; i < 4; i++) {
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(streamRequest(client), () => socket.destroy());
        });
        socket.once('close', () => resolve());
        socket.once('error', reject);
      });
    }
    // On PostgreSQL the session check takes a round trip, and each request's socket is closed
    // by the time its handler runs: the server says so for all four (before, their places stayed
    // taken until a restart). Embedded, the check can finish first; those streams start and
    // end on the socket's close like any other.
    if (kind === 'postgres') {
      await expect
        .poll(() => lines.filter((line) => line.includes('the client left before it started')).length)
        .toBe(4);
    }
    const streams: SseStream[] = [];
    try {
      // All four places are free again.
      for (let i = 0; i < 4; i++) {
        streams.push(await vi.waitFor(() => open(t, client), { timeout: 5000, interval: 50 }));
      }
      await expect.poll(() => liveStreamCount(t)).toBe(4);
    } finally {
      for (const stream of streams) await stream.close();
    }
  });

  it('drops the stream of a screen that stopped reading, and keeps the others', async () => {
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] });
    const client = await logInAs(t, user);
    const reading = await open(t, client);
    const liveStreams = () => liveStreamCount(t);
    const { port } = new URL(t.baseUrl);
    // A client that sends its request and then never reads.
    const stalled = connect(Number(port), '127.0.0.1');
    stalled.on('error', () => {});
    stalled.write(streamRequest(client));
    stalled.pause();
    try {
      await expect.poll(liveStreams).toBe(2);
      // Changes until the server gives up on the stalled screen: the kernel's socket buffers on
      // loopback take a few MB before MAX_UNSENT_BYTES is reached (at most about 20 MB here), 50
      // changes per notification as the announcer sends them.
      const refOf = (change: number) => `4001-2026-${String(change).padStart(6, '0')}`;
      const payload = (n: number) =>
        JSON.stringify(
          Array.from({ length: 50 }, (_, i) => ({
            op: 'update',
            id: `00000000-0000-4000-8000-${String(n * 50 + i).padStart(12, '0')}`,
            ref: refOf(n * 50 + i),
            kommunenummer: '4001',
            status: 'under_behandling',
          })),
        );
      let sent = 0;
      while (sent < 3000 && (await liveStreams()) === 2) {
        await t.ctx.db.db.execute(sql`select pg_notify('report_changes', ${payload(sent)})`);
        sent += 1;
        // The reading client lives in this process: it reads each notification's changes before
        // the next is sent, so only the stalled one falls behind however busy the machine is.
        const last = refOf(sent * 50 - 1);
        while (!reading.raw().slice(-20_000).includes(last) && (await liveStreams()) === 2) {
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      console.info(`${sent} notifications of 50 changes sent while both streams were open`);
      // The stalled screen's stream was dropped; the reading one is still open and received.
      await expect.poll(liveStreams).toBe(1);
      await vi.waitFor(() => expect(reading.raw()).toContain(refOf(sent * 50 - 1)), { timeout: 5000 });
      expect(reading.response.status).toBe(200);
    } finally {
      stalled.destroy();
      await reading.close();
    }
  });
});

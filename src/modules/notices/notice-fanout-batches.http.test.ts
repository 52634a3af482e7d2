// The fan-out's batches, driven by hand on both databases (role web: no worker runs it meanwhile):
// vulnerable subscribers first, a fan-out stopped between batches resumes where it was, running it
// again (or two at once) writes nothing twice, and memory is bounded by the batch size.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import {
  insertSubscriber,
  noticeMessages,
  publishNotice,
  square,
} from '../../../test/support/notice-fanout.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { type FanoutDeps, fanOutBatch, fanOutPending } from './fan-out-notice.ts';

const OWN = '4001';
const AREA = { type: 'Polygon', coordinates: [square(9.6, 59.1, 9.62, 59.12)] };
const VULNERABLE = 5;
const OTHERS = 25;

describe.each(databaseKinds())('notice fan-out batches on %s', (kind) => {
  let t: TestApp;
  let staff: StaffClient;
  let deps: FanoutDeps;
  const vulnerableIds = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    staff = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: OWN, roles: ['saksbehandler'] }),
    );
    deps = {
      db: t.ctx.db.db,
      boss: t.ctx.jobs.boss,
      publicUrl: 'http://meld.test',
      configured: { email: true, sms: true },
    };
    for (let i = 0; i < VULNERABLE + OTHERS; i++) {
      const id = await insertSubscriber(t.ctx.db.db, {
        lat: 59.101 + i * 0.0005,
        lon: 9.601 + i * 0.0005,
        email: `s${i}@example.no`,
        vulnerable: i % 6 === 0,
      });
      if (i % 6 === 0) vulnerableIds.add(id);
    }
  });
  afterAll(() => t?.close());

  const draft = (title: string) => ({
    type: 'unplanned_shutoff',
    title: { nb: title },
    body: { nb: 'Vannet er borte.' },
    area: AREA,
    startsAt: '2026-12-02T07:00:00.000Z',
  });

  async function progress(noticeId: string) {
    const [row] = await queryRows<{
      vulnerable_done: boolean;
      after_subscriber_id: string | null;
      targeted: number;
      finished_at: Date | null;
    }>(
      t.ctx.db.db,
      sql`select vulnerable_done, after_subscriber_id, targeted, finished_at from notice_fanouts
           where notice_id = ${noticeId}::uuid`,
    );
    return row;
  }

  it('does the vulnerable first, resumes after a stop between batches, and writes nothing twice', async () => {
    expect(vulnerableIds.size).toBe(VULNERABLE);
    const noticeId = await publishNotice(staff, OWN, draft('Vannbrudd'));
    // Two batches of 3: the vulnerable pass (5) is done after the second, nobody else yet.
    await fanOutBatch(deps, { subscribers: 3 });
    expect(await progress(noticeId)).toMatchObject({
      vulnerable_done: false,
      targeted: 3,
      finished_at: null,
    });
    await fanOutBatch(deps, { subscribers: 3 });
    const afterVulnerable = await noticeMessages(t.ctx.db.db, noticeId);
    expect(afterVulnerable).toHaveLength(VULNERABLE);
    expect(afterVulnerable.every((m) => vulnerableIds.has(m.subscriber_id))).toBe(true);
    expect(await progress(noticeId)).toMatchObject({ vulnerable_done: true, after_subscriber_id: null });
    // The others, one batch, then "the worker stops": what is committed stays, the rest waits.
    await fanOutBatch(deps, { subscribers: 7 });
    const stopped = await progress(noticeId);
    expect(stopped).toMatchObject({ vulnerable_done: true, targeted: VULNERABLE + 7, finished_at: null });
    expect(stopped?.after_subscriber_id).toEqual(expect.any(String));
    // Another worker resumes where it was.
    const resumed = await fanOutPending(deps, { subscribers: 7 });
    expect(resumed.messages).toBe(OTHERS - 7);
    const all = await noticeMessages(t.ctx.db.db, noticeId);
    expect(all).toHaveLength(VULNERABLE + OTHERS);
    expect(new Set(all.map((m) => m.subscriber_id)).size).toBe(VULNERABLE + OTHERS);
    expect(all.every((m) => m.kind === 'notice_published' && m.channel === 'email')).toBe(true);
    expect((await progress(noticeId))?.finished_at).not.toBeNull();

    // Run again: nothing left. Run the whole fan-out again from the start: the keys stop every copy.
    expect((await fanOutPending(deps)).messages).toBe(0);
    await t.ctx.db.db.execute(
      sql`update notice_fanouts set finished_at = null, vulnerable_done = false, after_subscriber_id = null
           where notice_id = ${noticeId}::uuid`,
    );
    expect((await fanOutPending(deps, { subscribers: 4 })).messages).toBe(0);
    expect(await noticeMessages(t.ctx.db.db, noticeId)).toHaveLength(VULNERABLE + OTHERS);
    // Every message is in exactly one send job (a group of up to a hundred).
    const [jobs] = await queryRows<{ n: number; distinct_ids: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n, count(distinct id)::int as distinct_ids
            from (select jsonb_array_elements_text(data->'messageIds') as id
                    from pgboss.job where name = 'message.send-group') grouped
           where id in (select id::text from messages where notice_id = ${noticeId}::uuid)`,
    );
    expect(jobs).toEqual({ n: VULNERABLE + OTHERS, distinct_ids: VULNERABLE + OTHERS });
  });

  it('two workers at once share a fan-out and write each message once', async () => {
    const noticeId = await publishNotice(staff, OWN, draft('Vannbrudd 2'));
    const second = { ...deps };
    const [a, b] = await Promise.all([
      fanOutPending(deps, { subscribers: 4 }),
      fanOutPending(second, { subscribers: 4 }),
    ]);
    expect(a.messages + b.messages).toBe(VULNERABLE + OTHERS);
    const rows = await noticeMessages(t.ctx.db.db, noticeId);
    expect(rows).toHaveLength(VULNERABLE + OTHERS);
    expect(new Set(rows.map((m) => m.idempotency_key)).size).toBe(VULNERABLE + OTHERS);
  });
});

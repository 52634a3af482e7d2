// "Is it really fixed?" end to end: a case handler marks a report done through the staff API, the
// relay mails the reporter a link (followers get no link), the resident answers on the page, and
// a reopening reaches the team by email and the followers by the normal relay. Real SMTP server.
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { fixLinkIn, handlerInTeamOf, setStatus, startFixCheckApp } from '../../../test/support/fix-check.ts';
import { jpeg, textPretendingToBeJpeg } from '../../../test/support/images.ts';
import {
  follow,
  type NotificationTestApp,
  postReport,
  waitUntil,
} from '../../../test/support/notifications.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { queryRows } from '../../db/client.ts';

function mailsTo(smtp: TestSmtpServer, address: string): ParsedMail[] {
  return smtp.mails.filter((m) => m.envelopeTo.includes(address)).map((m) => m.parsed);
}

interface CheckRow {
  id: string;
  outcome: string | null;
  answered_at: Date | null;
  reminded_at: Date | null;
  comment: string | null;
}

describe.each(databaseKinds())('is it really fixed? (%s)', (kind) => {
  let t: NotificationTestApp;
  let smtp: TestSmtpServer;
  let n = 0;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startFixCheckApp(kind, { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const checksOf = (reportId: string) =>
    queryRows<CheckRow>(
      t.ctx.db.db,
      sql`select id, outcome, answered_at, reminded_at, comment from fix_checks
           where report_id = ${reportId}::uuid order by asked_at`,
    );

  /** A report by a reporter (email) with one follower, marked done by a handler in its team. */
  async function doneReport(language = 'nb') {
    n += 1;
    const reporter = `reporter${n}@example.no`;
    const follower = `follower${n}@example.no`;
    const report = await postReport(t, {
      contact: { name: 'Kari Hemmelig', email: reporter, notify: 'email', language },
    });
    await follow(t, report.ref, { email: follower }, 'en');
    const { client } = await handlerInTeamOf(t, report.id, `handler${n}@kommune.test`);
    await setStatus(client, report.id, 'utfort', 'Vi har tettet lekkasjen og asfaltert.');
    const [done] = await waitUntil('the done mails', async () => {
      const mine = mailsTo(smtp, reporter).filter(
        (m) => m.subject?.startsWith('Arbeidet er utført') || m.subject?.startsWith('Work done'),
      );
      const theirs = mailsTo(smtp, follower).filter((m) => m.subject?.startsWith('Work done'));
      return mine.length === 1 && theirs.length === 1 ? mine : undefined;
    });
    const link = fixLinkIn(done?.text ?? '');
    return { report, reporter, follower, client, link, path: t.local(link).replace(t.baseUrl, '') };
  }

  it('asks only the reporter, in the done email, once per event', async () => {
    const { report, reporter, follower, link } = await doneReport();
    const [mail] = mailsTo(smtp, reporter).filter((m) => m.subject?.startsWith('Arbeidet er utført'));
    expect(mail?.text).toContain(`Er det fikset? Svar her: ${link}`);
    expect(link).toMatch(/^http:\/\/meld\.test\/api\/v1\/notifications\/fixed\?token=[A-Za-z0-9_-]{43}$/);
    expect(mail?.html).toContain(`href="${link}"`);
    for (const m of mailsTo(smtp, follower))
      expect(`${m.text}${m.html}`).not.toContain('/notifications/fixed');
    expect(await checksOf(report.id)).toHaveLength(1);

    // The relay runs again on the same event (a retry after a crash): no second message, no second check.
    await t.ctx.db.db.execute(
      sql`update report_events set notified_at = null where report_id = ${report.id}::uuid and kind = 'status_changed'`,
    );
    expect((await t.notifications.relayNow()).messages).toBe(0);
    expect(await checksOf(report.id)).toHaveLength(1);
  });

  it('shows the report and the two choices in nb and en, and GET changes nothing', async () => {
    const { report, path } = await doneReport();
    const nb = await t.request('GET', path);
    expect(nb.status).toBe(200);
    expect(nb.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(nb.headers.get('cache-control')).toBe('no-store');
    expect(nb.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(nb.headers.get('x-frame-options')).toBe('DENY');
    expect(nb.text).toContain('<html lang="nb"');
    expect(nb.text).toContain(report.ref);
    expect(nb.text).toContain('Vi har tettet lekkasjen og asfaltert.');
    expect(nb.text).toContain('Ja, det er fikset');
    expect(nb.text).toContain('Nei, det er ikke fikset');
    expect(nb.text).toContain('/api/v1/notifications/fixed/confirm?token=');
    expect(nb.text).not.toContain('Kari Hemmelig');

    const en = await t.request('GET', `${path}&lang=en`);
    expect(en.text).toContain('<html lang="en"');
    expect(en.text).toContain('Yes, it is fixed');
    const form = await t.request('GET', `${path}&lang=en&answer=no`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('enctype="multipart/form-data"');
    expect(form.text).toMatch(/<textarea[^>]*id="comment"/);
    expect(form.text).toContain('<label for="comment">What is not fixed?');

    const [check] = await checksOf(report.id);
    expect(check?.answered_at).toBeNull();
    const [row] = await queryRows<{ status: string }>(
      t.ctx.db.db,
      sql`select status from reports where id = ${report.id}::uuid`,
    );
    expect(row?.status).toBe('utfort');
  });

  it('records a confirmation once, as an internal history entry, and shows it on a second answer', async () => {
    const { report, path } = await doneReport();
    const confirmPath = path.replace('/fixed?', '/fixed/confirm?');
    const first = await t.request('POST', confirmPath, {
      body: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(first.status).toBe(200);
    expect(first.text).toContain('Takk! Vi har registrert at det er fikset.');
    const again = await t.request('POST', confirmPath, {
      body: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(again.text).toMatch(/Du svarte .* at det er fikset\./);
    const reopen = new FormData();
    reopen.append('comment', 'Likevel ikke');
    const late = await t.requestForm('POST', path.replace('/fixed?', '/fixed/reopen?'), reopen);
    expect(late.status).toBe(200);
    expect(late.text).toMatch(/Du svarte .* at det er fikset\./);

    const checks = await checksOf(report.id);
    expect(checks.map((c) => c.outcome)).toEqual(['confirmed']);
    const events = await queryRows<{ kind: string; public: boolean; actor: string }>(
      t.ctx.db.db,
      sql`select kind, public, actor from report_events where report_id = ${report.id}::uuid and kind like 'fix%'`,
    );
    expect(events).toEqual([{ kind: 'fix_confirmed', public: false, actor: 'reporter' }]);
    const [row] = await queryRows<{ status: string }>(
      t.ctx.db.db,
      sql`select status from reports where id = ${report.id}::uuid`,
    );
    expect(row?.status).toBe('utfort');
  });

  it('reopens with a comment and a photo: history, team email, followers told, errors next to fields', async () => {
    const { report, reporter, follower, client, path } = await doneReport();
    // Team colleagues: an active one gets the email, a deactivated one does not; nor does staff outside the team.
    const { teamId } = await handlerInTeamOf(t, report.id, `colleague${n}@kommune.test`);
    await handlerInTeamOf(t, report.id, `gone${n}@kommune.test`);
    await t.ctx.db.db.execute(
      sql`update staff_users set active = false where email = ${`gone${n}@kommune.test`}`,
    );
    expect(teamId).toBeTruthy();
    const reopenPath = path.replace('/fixed?', '/fixed/reopen?');
    const comment = 'Hullet er der fortsatt ved nr. 12, naboen Ola Nordmann snublet i går.';

    const empty = new FormData();
    empty.append('comment', '   ');
    const missing = await t.requestForm('POST', reopenPath, empty);
    expect(missing.status).toBe(422);
    expect(missing.text).toContain(
      '<p class="field-error" id="comment-error">Skriv hva som ikke er fikset.</p>',
    );
    expect(missing.text).toContain('aria-invalid="true"');

    const badPhoto = new FormData();
    badPhoto.append('comment', comment);
    badPhoto.append(
      'photo',
      new Blob([new Uint8Array(textPretendingToBeJpeg())], { type: 'image/jpeg' }),
      'x.jpg',
    );
    const refused = await t.requestForm('POST', reopenPath, badPhoto);
    expect(refused.status).toBe(415);
    expect(refused.text).toContain('id="photo-error"');
    expect(refused.text).toContain('Hullet er der fortsatt ved nr. 12');
    expect((await checksOf(report.id))[0]?.answered_at).toBeNull();

    const good = new FormData();
    good.append('comment', comment);
    good.append(
      'photo',
      new Blob([new Uint8Array(await jpeg(800, 600))], { type: 'image/jpeg' }),
      'hull.jpg',
    );
    const answered = await t.requestForm('POST', reopenPath, good);
    expect(answered.status, answered.text).toBe(200);
    expect(answered.text).toContain('Takk! Saken er åpnet igjen');

    const [row] = await queryRows<{ status: string; done_at: Date | null; photos: number }>(
      t.ctx.db.db,
      sql`select status, done_at, (select count(*)::int from report_photos p where p.report_id = r.id) as photos
            from reports r where id = ${report.id}::uuid`,
    );
    expect(row).toMatchObject({ status: 'under_behandling', photos: 1 });
    expect(row?.done_at).not.toBeNull();
    const [check] = await checksOf(report.id);
    expect(check).toMatchObject({ outcome: 'reopened', comment });

    // The history as staff see it: a public neutral entry and the comment, internal.
    const view = await client.request('GET', `/api/v1/staff/m/4001/reports/${report.id}`);
    const history = view.body.history as {
      kind: string;
      public: boolean;
      message: string | null;
      status: string | null;
    }[];
    expect(history.find((e) => e.kind === 'reopened')).toMatchObject({
      public: true,
      status: 'under_behandling',
      message: 'Innbygger melder at det ikke er fikset; saken er gjenåpnet.',
    });
    expect(history.find((e) => e.kind === 'reopen_comment')).toMatchObject({
      public: false,
      message: comment,
    });
    // The public page shows the neutral entry, never the comment.
    const tracking = await t.request('GET', `/porsgrunn/meldinger/${report.ref}`);
    expect(tracking.text).toContain('Innbygger melder at det ikke er fikset; saken er gjenåpnet.');
    expect(tracking.text).not.toContain('Ola Nordmann');

    // The team hears by email with a link to the case; the follower by the relay; the reporter not again.
    const teamMails = await waitUntil('the team emails', async () => {
      const mails = [
        ...mailsTo(smtp, `handler${n}@kommune.test`),
        ...mailsTo(smtp, `colleague${n}@kommune.test`),
      ];
      return mails.length >= 2 ? mails : undefined;
    });
    for (const mail of teamMails) {
      expect(mail.subject).toBe(`Gjenåpnet av innbygger: ${report.ref}`);
      expect(mail.text).toContain(`http://meld.test/admin/m/4001/reports/${report.id}`);
      expect(`${mail.text}${mail.html}`).not.toContain('Ola Nordmann');
    }
    const [followerMail] = await waitUntil('the follower update', async () => {
      const mails = mailsTo(smtp, follower).filter(
        (m) => m.subject === `Report ${report.ref} has been reopened`,
      );
      return mails.length > 0 ? mails : undefined;
    });
    expect(`${followerMail?.text}${followerMail?.html}`).not.toContain('Ola Nordmann');
    expect(mailsTo(smtp, `gone${n}@kommune.test`)).toHaveLength(0);
    expect(mailsTo(smtp, reporter).filter((m) => m.subject?.includes('åpnet igjen'))).toHaveLength(0);

    // A second answer changes nothing and mails nobody again.
    const twice = new FormData();
    twice.append('comment', 'Igjen');
    const second = await t.requestForm('POST', reopenPath, twice);
    expect(second.text).toMatch(/Du svarte .* at det ikke er fikset/);
    const reopenedMessages = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from messages where kind = 'fix_reopened' and report_id = ${report.id}::uuid`,
    );
    // Every active member of the team (the handlers of the earlier tests are in it too), once.
    const [members] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from team_members m join staff_users u on u.id = m.user_id
           where m.team_id = ${teamId}::uuid and u.active`,
    );
    expect(reopenedMessages[0]?.n).toBe(members?.n);

    // Done again after the reopening: a new question, one open at a time.
    await setStatus(client, report.id, 'utfort', 'Nå er det ordnet.');
    await waitUntil('a second check', async () => (await checksOf(report.id)).length === 2);
    const checks = await checksOf(report.id);
    expect(checks.map((c) => c.outcome)).toEqual(['reopened', null]);
  });

  it('reminds once after the configured days, with the same link', async () => {
    const { report, reporter, link } = await doneReport();
    await t.ctx.db.db.execute(
      sql`insert into notification_settings (kommunenummer, fix_reminder_days) values ('4001', 3)
          on conflict (kommunenummer) do update set fix_reminder_days = 3`,
    );
    const moveBack = (days: number) =>
      t.ctx.db.db.execute(
        sql`update fix_checks set asked_at = now() - make_interval(days => ${days}) where report_id = ${report.id}::uuid`,
      );
    expect((await t.notifications.remindNow()).checks).toBe(0);
    await moveBack(2);
    expect((await t.notifications.remindNow()).checks).toBe(0);
    await moveBack(4);
    expect(await t.notifications.remindNow()).toEqual({ checks: 1, messages: 1 });
    const [reminder] = await waitUntil('the reminder', async () => {
      const mails = mailsTo(smtp, reporter).filter((m) => m.subject === `Er det fikset? ${report.ref}`);
      return mails.length > 0 ? mails : undefined;
    });
    expect(fixLinkIn(reminder?.text ?? '')).toBe(link);
    expect((await checksOf(report.id))[0]?.reminded_at).not.toBeNull();
    await moveBack(20);
    expect((await t.notifications.remindNow()).checks).toBe(0);
  });

  it('answers an unknown link with 404 and an old one with 410, as pages', async () => {
    const unknown = await t.request('GET', `/api/v1/notifications/fixed?token=${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('text/html');
    expect(unknown.text).toContain('Lenken er ikke gyldig');
    expect((await t.request('GET', '/api/v1/notifications/fixed?token=short')).status).toBe(404);
    const { report, path } = await doneReport();
    await t.ctx.db.db.execute(
      sql`update fix_checks set asked_at = now() - interval '61 days' where report_id = ${report.id}::uuid`,
    );
    const old = await t.request('GET', path);
    expect(old.status).toBe(410);
    expect(old.text).toContain('Lenken er for gammel');
    const confirm = await t.request('POST', path.replace('/fixed?', '/fixed/confirm?'), {
      body: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(confirm.status).toBe(410);
  });
});

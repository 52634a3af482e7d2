// Staff alerts end to end: preferences over HTTP, reports made through the public API, the
// relay (which alerts the team from the report's received event), the digest and the deadline
// check, each email sent through the real SMTP test server and read back.
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality } from '../../../test/support/factories.ts';
import { postReport, waitUntil } from '../../../test/support/notifications.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { type BuiltStaffUser, buildStaffUser, logInAs } from '../../../test/support/staff.ts';
import {
  type StaffAlertTestApp,
  staffMessages,
  startStaffAlertApp,
  teamId,
} from '../../../test/support/staff-alerts.ts';
import { queryRows } from '../../db/client.ts';
import { notifyStaffOfNewReport } from './notify-staff-new-report.ts';
import { osloDate } from './staff-alert-texts.ts';

const PREFS = '/api/v1/staff/m/4001/me/notification-preferences';
const REPORTER_DATA = ['Kari Nordmann', 'kari@example.no', '912 34 567', '91234567', 'Vann renner opp'];

describe.each(databaseKinds())('staff alerts (%s)', (kind) => {
  let t: StaffAlertTestApp;
  let smtp: TestSmtpServer;
  let immediate: BuiltStaffUser; // va-drift, new reports at once
  let digest: BuiltStaffUser; // va-drift, defaults (digest), nynorsk
  let off: BuiltStaffUser; // va-drift, new reports off
  let noAcute: BuiltStaffUser; // va-drift, immediate but no acute, no deadlines
  let otherTeam: BuiltStaffUser; // vei-og-park, immediate

  const mailsTo = (user: { email: string }): ParsedMail[] =>
    smtp.mails.filter((m) => m.envelopeTo.includes(user.email)).map((m) => m.parsed);

  async function setPrefs(user: BuiltStaffUser, prefs: object): Promise<void> {
    const client = await logInAs(t, user);
    const response = await client.request('PUT', PREFS, prefs);
    expect(response.status, response.text).toBe(200);
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startStaffAlertApp(kind, { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' });
    const db = t.ctx.db.db;
    const va = await teamId(t, 'va-drift');
    const park = await teamId(t, 'vei-og-park');
    const build = (email: string, roles: ('saksbehandler' | 'feltarbeider' | 'leser')[], team: string) =>
      buildStaffUser(db, { kommunenummer: '4001', roles, teamIds: [team], email });
    immediate = await build('straks@porsgrunn.kommune.test', ['saksbehandler'], va);
    digest = await build('samandrag@porsgrunn.kommune.test', ['saksbehandler'], va);
    off = await build('av@porsgrunn.kommune.test', ['feltarbeider'], va);
    noAcute = await build('ikkjeakutt@porsgrunn.kommune.test', ['leser'], va);
    otherTeam = await build('park@porsgrunn.kommune.test', ['saksbehandler'], park);
    await db.execute(sql`update staff_users set language = 'nn' where id = ${digest.id}::uuid`);
    await setPrefs(immediate, { newReports: 'immediate', acute: true, deadlines: true });
    await setPrefs(off, { newReports: 'off', acute: true, deadlines: true });
    await setPrefs(noAcute, { newReports: 'immediate', acute: false, deadlines: false });
    await setPrefs(otherTeam, { newReports: 'immediate', acute: true, deadlines: true });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('reads and sets each staff member’s own preferences, with defaults, for every role', async () => {
    const db = t.ctx.db.db;
    const reader = await buildStaffUser(db, { kommunenummer: '4001', roles: ['leser'] });
    const client = await logInAs(t, reader);
    const initial = await client.request('GET', PREFS);
    expect(initial.status).toBe(200);
    expect(initial.body).toEqual({ newReports: 'digest', acute: true, deadlines: true });
    const changed = await client.request('PUT', PREFS, { newReports: 'off', acute: false, deadlines: true });
    expect(changed.status).toBe(200);
    expect((await client.request('GET', PREFS)).body).toEqual({
      newReports: 'off',
      acute: false,
      deadlines: true,
    });
    // Only the caller's own row changed.
    expect((await (await logInAs(t, digest)).request('GET', PREFS)).body.newReports).toBe('digest');

    expect(
      (await client.request('PUT', PREFS, { newReports: 'sometimes', acute: true, deadlines: true })).status,
    ).toBe(400);
    expect(
      (
        await client.request(
          'PUT',
          PREFS,
          { newReports: 'off', acute: true, deadlines: true },
          { 'x-csrf-token': 'wrong' },
        )
      ).status,
    ).toBe(403);
    expect((await t.request('GET', PREFS)).status).toBe(401);

    await buildMunicipality(db, { kommunenummer: '3806', name: 'Skien' });
    const skien = await buildStaffUser(db, { kommunenummer: '3806', roles: ['admin'] });
    const stranger = await logInAs(t, skien);
    expect((await stranger.request('GET', PREFS)).status).toBe(403);
    expect(
      (await stranger.request('PUT', PREFS, { newReports: 'off', acute: true, deadlines: true })).status,
    ).toBe(403);
    expect(
      (await stranger.request('GET', '/api/v1/staff/m/3806/me/notification-preferences')).body.newReports,
    ).toBe('digest');
  });

  it('emails a new report at once to team members who want that, and to no one else', async () => {
    const report = await postReport(t);
    const [mail] = await waitUntil(
      'the immediate email',
      async () => mailsTo(immediate).length >= 1 && mailsTo(immediate),
    );
    expect(mail?.subject).toBe(`Ny melding ${report.ref}: Vannlekkasje`);
    expect(mail?.text).toContain(`http://meld.test/admin/m/4001/reports/${report.id}`);
    expect(mail?.text).toContain('VA drift');
    expect(mail?.html).toContain(`<a href="http://meld.test/admin/m/4001/reports/${report.id}">`);
    expect(mail?.from?.value[0]?.name).toBe('Porsgrunn kommune');
    await waitUntil('the second immediate email', async () => mailsTo(noAcute).length >= 1);
    // All of a report's emails are stored together: the others got none.
    const keys = (await staffMessages(t)).map((m) => m.idempotency_key);
    expect(keys.filter((k) => k.includes(report.id)).sort()).toEqual(
      [`staff_new:${report.id}:${immediate.id}`, `staff_new:${report.id}:${noAcute.id}`].sort(),
    );
    expect(mailsTo(digest)).toHaveLength(0);
    expect(mailsTo(off)).toHaveLength(0);
    expect(mailsTo(otherTeam)).toHaveLength(0);

    // Run again, the job sends nothing twice; hours later (a backlog) it sends nothing at all.
    const deps = {
      db: t.ctx.db.db,
      boss: t.ctx.jobs.boss,
      emailConfigured: true,
      publicUrl: 'http://meld.test',
    };
    expect(await notifyStaffOfNewReport(deps, report.id)).toBe(0);
    const late = await postReport(t);
    await waitUntil('the late report handled', async () =>
      (await staffMessages(t)).some((m) => m.idempotency_key.includes(late.id)),
    );
    await t.ctx.db.db.execute(
      sql`delete from messages where idempotency_key like ${`staff_new:${late.id}:%`}`,
    );
    expect(await notifyStaffOfNewReport(deps, late.id)).toBe(2);
    await t.ctx.db.db.execute(
      sql`delete from messages where idempotency_key like ${`staff_new:${late.id}:%`}`,
    );
    await t.ctx.db.db.execute(
      sql`update reports set created_at = now() - interval '7 hours' where id = ${late.id}::uuid`,
    );
    expect(await notifyStaffOfNewReport(deps, late.id)).toBe(0);
    // Back to today, so the digest below counts it whatever the time of day.
    await t.ctx.db.db.execute(sql`update reports set created_at = now() where id = ${late.id}::uuid`);
  });

  it('emails an acute report at once to everyone in the team who keeps acute alerts on', async () => {
    const report = await postReport(t, { answers: { mengde: 'fosser' } });
    await waitUntil('acute emails', async () => mailsTo(off).length >= 1 && mailsTo(digest).length >= 1);
    const rows = (await staffMessages(t)).filter((m) => m.idempotency_key.includes(report.id));
    expect(rows.map((m) => m.idempotency_key).sort()).toEqual(
      [
        `staff_acute:${report.id}:${immediate.id}`,
        `staff_acute:${report.id}:${digest.id}`,
        `staff_acute:${report.id}:${off.id}`,
        // No acute alerts, but new reports at once: the ordinary email.
        `staff_new:${report.id}:${noAcute.id}`,
      ].sort(),
    );
    const [nynorsk] = mailsTo(digest);
    expect(nynorsk?.subject).toBe(`AKUTT: ${report.ref} Vasslekkasje`);
    expect(nynorsk?.text).toContain('Ei akutt melding har kome til VA drift');
    expect(nynorsk?.html).toContain('<html lang="nn">');
    expect(mailsTo(otherTeam)).toHaveLength(0);
  });

  it('sends the digest of the day before once, to those who chose it, only when there is something', async () => {
    const [{ count } = { count: 0 }] = await queryRows<{ count: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as count from reports r join teams t on t.id = r.team_id where t.code = 'va-drift'`,
    );
    expect(count).toBeGreaterThanOrEqual(2);
    // Tomorrow at 07:00 the digest covers today.
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    expect(osloDate(new Date(tomorrow.getTime() - 24 * 3600_000))).toBe(osloDate(new Date()));
    expect(await t.alerts.digestNow(tomorrow)).toBe(1);
    expect(await t.alerts.digestNow(tomorrow)).toBe(0);
    await waitUntil('the digest', async () =>
      mailsTo(digest).some((m) => m.subject?.includes('nye meldingar')),
    );
    const digests = mailsTo(digest).filter((m) => m.subject?.includes('nye meldingar'));
    expect(digests).toHaveLength(1);
    const [mail] = digests;
    expect(mail?.subject).toContain(`${count} nye meldingar`);
    expect(mail?.subject).toContain('Porsgrunn kommune');
    const refs = await queryRows<{ ref: string; id: string }>(
      t.ctx.db.db,
      sql`select r.ref, r.id from reports r join teams t on t.id = r.team_id where t.code = 'va-drift'`,
    );
    for (const r of refs) {
      expect(mail?.text).toContain(r.ref);
      expect(mail?.text).toContain(`http://meld.test/admin/m/4001/reports/${r.id}`);
    }
    expect(mail?.text).toContain('AKUTT: ');
    // Immediate, off and the other team (whose day was empty) get no digest.
    const keys = (await staffMessages(t))
      .filter((m) => m.kind === 'staff_digest')
      .map((m) => m.idempotency_key);
    expect(keys).toEqual([`staff_digest:${digest.id}:4001:${osloDate(new Date())}`]);
    // The schedule runs at 07:00 Oslo time.
    const [schedule] = await queryRows<{ cron: string; timezone: string }>(
      t.ctx.db.db,
      sql`select cron, timezone from pgboss.schedule where name = 'staff.digest'`,
    );
    expect(schedule).toEqual({ cron: '0 7 * * *', timezone: 'Europe/Oslo' });
  });

  it('announces a deadline within a day and an overdue report once each, to those who want it', async () => {
    const soon = await postReport(t);
    const late = await postReport(t);
    const closed = await postReport(t);
    const old = await postReport(t);
    const db = t.ctx.db.db;
    await db.execute(sql`update reports set due_at = now() + interval '3 hours' where id = ${soon.id}::uuid`);
    await db.execute(sql`update reports set due_at = now() - interval '1 hour' where id = ${late.id}::uuid`);
    await db.execute(
      sql`update reports set due_at = now() - interval '1 hour', status = 'lukket' where id = ${closed.id}::uuid`,
    );
    await db.execute(sql`update reports set due_at = now() - interval '8 days' where id = ${old.id}::uuid`);
    const sent = await t.alerts.deadlinesNow();
    expect(sent).toBeGreaterThanOrEqual(6);
    expect(await t.alerts.deadlinesNow()).toBe(0);
    const rows = await staffMessages(t);
    const about = (id: string) =>
      rows
        .filter((m) => m.idempotency_key.includes(id) && /staff_(due_soon|overdue)/.test(m.kind))
        .map((m) => m.idempotency_key)
        .sort();
    const members = [immediate, digest, off];
    expect(about(soon.id)).toEqual(members.map((u) => `staff_due_soon:${soon.id}:${u.id}`).sort());
    expect(about(late.id)).toEqual(members.map((u) => `staff_overdue:${late.id}:${u.id}`).sort());
    expect(about(closed.id)).toEqual([]);
    expect(about(old.id)).toEqual([]);

    await waitUntil(
      'deadline emails',
      async () =>
        mailsTo(immediate).some((m) => m.subject === `Over fristen: ${late.ref} (Vannlekkasje)`) &&
        mailsTo(immediate).some((m) => m.subject === `Frist nærmer seg: ${soon.ref} (Vannlekkasje)`),
    );
    const overdue = mailsTo(immediate).find((m) => m.subject?.startsWith(`Over fristen: ${late.ref}`));
    expect(overdue?.text).toContain('Status er fortsatt «Mottatt»');
    expect(overdue?.text).toContain(`http://meld.test/admin/m/4001/reports/${late.id}`);
    expect(mailsTo(noAcute).some((m) => /Frist|Over fristen/.test(m.subject ?? ''))).toBe(false);
    expect(mailsTo(otherTeam)).toHaveLength(0);
  });

  it('never puts the reporter’s contact details or description in a staff email', async () => {
    await waitUntil('every staff email sent', async () => {
      const rows = await staffMessages(t);
      return rows.every((m) => m.status === 'sent');
    });
    const staff = [immediate, digest, off, noAcute];
    const mails = staff.flatMap(mailsTo);
    expect(mails.length).toBeGreaterThanOrEqual(10);
    for (const mail of mails) {
      const whole = `${mail.subject}\n${mail.text}\n${mail.html}`;
      for (const secret of REPORTER_DATA) expect(whole).not.toContain(secret);
    }
  });
});

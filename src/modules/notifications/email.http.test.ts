// Email end to end: reports and follows made over HTTP, events turned into messages by the relay,
// sent by the worker to a real SMTP server, read back with mailparser.
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  addEvent,
  follow,
  type NotificationTestApp,
  postReport,
  startNotificationApp,
  storedMessages,
  waitForSendQueueDrained,
  waitUntil,
} from '../../../test/support/notifications.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { queryRows } from '../../db/client.ts';

function mailsTo(smtp: TestSmtpServer, address: string): ParsedMail[] {
  return smtp.mails.filter((m) => m.envelopeTo.includes(address)).map((m) => m.parsed);
}

/** A new follower's first mail: the confirmation (follow.http.test.ts is about it). */
function isConfirmation(mail: ParsedMail): boolean {
  return /^(Bekreft at|Stadfest at|Confirm that) /.test(mail.subject ?? '');
}

/** The mails to an address about the report itself, without a follower's confirmation. */
function updatesTo(smtp: TestSmtpServer, address: string): ParsedMail[] {
  return mailsTo(smtp, address).filter((m) => !isConfirmation(m));
}

function linkAfter(text: string, label: string): string {
  const match = new RegExp(`${label}[^\\n]*?(https?://\\S+)`).exec(text);
  if (!match?.[1]) throw new Error(`no link after "${label}" in:\n${text}`);
  return match[1];
}

describe.each(databaseKinds())('email notifications (%s)', (kind) => {
  let t: NotificationTestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startNotificationApp(kind, { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('sends the receipt and every public update to the reporter and followers, each in their language', async () => {
    const kari = await postReport(t, {
      contact: { name: 'Kari Nordmann', email: 'kari@example.no', phone: '912 34 567', notify: 'email' },
    });
    // Someone else's report, in English: none of it may reach Kari or her followers.
    await postReport(t, {
      description: 'Kummelokk mangler ved Storgata 3.',
      contact: { name: 'Ola Hemmelig', email: 'ola@example.no', notify: 'email', language: 'en' },
    });
    await waitUntil('two receipts', async () => smtp.mails.length >= 2);
    const [receipt] = mailsTo(smtp, 'kari@example.no');
    expect(receipt?.subject).toBe(`Vi har mottatt meldingen din ${kari.ref}`);
    expect(receipt?.from?.value[0]).toEqual({ name: 'Porsgrunn kommune', address: 'meld@porsgrunn.example' });
    expect(receipt?.replyTo?.value[0]?.address).toBe('va-demo@porsgrunn.example');
    expect(receipt?.text).toContain(`http://meld.test/porsgrunn/meldinger/${kari.ref}`);
    const [olaReceipt] = mailsTo(smtp, 'ola@example.no');
    expect(olaReceipt?.subject).toMatch(/^We have received your report 4001-/);

    await follow(t, kari.ref, { email: 'per@example.no' }, 'nn');
    await follow(t, kari.ref, { email: 'kari@example.no' }, 'nb');
    await addEvent(t, kari.id, {
      kind: 'status_changed',
      public: true,
      status: 'under_behandling',
      message: 'Vi sender folk i morgon.',
    });
    await addEvent(t, kari.id, {
      kind: 'internal_note',
      public: false,
      message: 'Intern: naboen er vanskelig',
    });
    await waitUntil(
      'the status mails',
      // The confirmations too: they were stored before the updates, but the pool's connections
      // deliver in parallel, so one may reach the server after an update.
      async () =>
        updatesTo(smtp, 'per@example.no').length >= 1 &&
        updatesTo(smtp, 'kari@example.no').length >= 2 &&
        mailsTo(smtp, 'per@example.no').some(isConfirmation),
    );

    const karis = updatesTo(smtp, 'kari@example.no');
    expect(karis).toHaveLength(2);
    expect(karis[1]?.subject).toBe(`Ny status for meldingen din ${kari.ref}: Under behandling`);
    // Each follower was asked to confirm once, in their own language.
    expect(
      mailsTo(smtp, 'per@example.no')
        .filter(isConfirmation)
        .map((m) => m.subject),
    ).toEqual([`Stadfest at du vil følgje meldinga ${kari.ref}`]);
    const [pers] = updatesTo(smtp, 'per@example.no');
    expect(pers?.subject).toBe(`Ny status for meldinga di ${kari.ref}: Under handsaming`);
    expect(pers?.text).toContain('Vi sender folk i morgon.');
    expect(pers?.html).toContain('<html lang="nn">');
    for (const mail of [...karis, ...updatesTo(smtp, 'per@example.no')]) {
      const whole = `${mail.subject}\n${mail.text}\n${mail.html}`;
      for (const secret of [
        'Ola Hemmelig',
        'ola@example.no',
        'Kari Nordmann',
        '912',
        'Intern',
        'Kummelokk',
      ]) {
        expect(whole).not.toContain(secret);
      }
      expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(header(mail, 'list-unsubscribe')).toMatch(
        /^List-Unsubscribe:\s+<http:\/\/meld\.test\/api\/v1\/notifications\/stop\?token=/,
      );
    }
    expect(whole(pers)).not.toContain('kari@example.no');
    expect(whole(karis[1])).not.toContain('per@example.no');

    // The links work: the report's page (in Per's language) and the stop page.
    const page = await t.request(
      'GET',
      t.local(linkAfter(pers?.text ?? '', 'Sjå saka')).replace(t.baseUrl, ''),
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain(kari.ref);
    expect(page.text).toContain('lang="nn"');
    // The internal note made no message for anyone.
    const kinds = (await storedMessages(t)).map((m) => m.kind);
    expect(kinds.filter((k) => k === 'status_changed')).toHaveLength(2);
  });

  it('stops one report on the stop link (GET only asks), and all email on the unsubscribe link', async () => {
    const report = await postReport(t, { contact: { email: 'eva@example.no', notify: 'email' } });
    await follow(t, report.ref, { email: 'tor@example.no' }, 'en');
    await addEvent(t, report.id, { kind: 'public_reply', public: true, message: 'Takk, vi ser på det.' });
    await waitUntil(
      'replies',
      async () =>
        updatesTo(smtp, 'tor@example.no').length >= 1 && mailsTo(smtp, 'eva@example.no').length >= 2,
    );
    const [torMail] = updatesTo(smtp, 'tor@example.no');
    expect(torMail?.subject).toBe(`Reply to your report ${report.ref}`);
    const stop = t.local(linkAfter(torMail?.text ?? '', 'Stop updates about this report'));

    const asked = await fetch(stop);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('t***@example.no');
    expect(await followerCount(t, report.id)).toBe(1);
    const stopped = await fetch(stop, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(stopped.status).toBe(200);
    expect(await stopped.text()).toContain('You will get no more updates');
    expect(await followerCount(t, report.id)).toBe(0);

    // Eva unsubscribes from everything with her mail client's one-click POST.
    const evaMail = mailsTo(smtp, 'eva@example.no')[1];
    const unsubscribe = t.local(linkAfter(evaMail?.text ?? '', 'Meld deg av all e-post'));
    const oneClick = await fetch(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    // Whatever was already on its way has arrived; from here on, nothing more reaches Eva.
    await waitForSendQueueDrained(t);
    const before = mailsTo(smtp, 'eva@example.no').length;
    await addEvent(t, report.id, { kind: 'status_changed', public: true, status: 'utfort' });
    const other = await postReport(t, { contact: { email: 'eva@example.no', notify: 'email' } });
    await t.notifications.relayNow();
    await waitForSendQueueDrained(t);
    expect(mailsTo(smtp, 'eva@example.no').length).toBe(before);
    const stored = (await storedMessages(t)).filter((m) => m.recipient === 'eva@example.no');
    expect(stored.every((m) => !m.body_text.includes(other.ref))).toBe(true);
    expect(await badLink(t)).toBe(404);
  });

  it('tells the reporter when the work is done, forwarded or merged, in their words or the municipality’s', async () => {
    const report = await postReport(t, {
      contact: { email: 'liv@example.no', notify: 'email', language: 'en' },
    });
    const primary = await postReport(t, { contact: { email: 'ivar@example.no', notify: 'email' } });
    await t.ctx.db.db.execute(
      sql`insert into message_templates (kommunenummer, kind, channel, language, subject, body)
          values ('4001', 'done', 'email', 'en', 'Fixed: {ref}', 'All fixed, {category}. <b>{message}</b> {link}')`,
    );
    await addEvent(t, report.id, {
      kind: 'status_changed',
      public: true,
      status: 'utfort',
      message: 'New pipe <script>',
    });
    await t.ctx.db.db.execute(
      sql`update reports set forwarded_to = 'Statens vegvesen', forwarded_to_email = 'firmapost@vegvesen.example' where id = ${report.id}::uuid`,
    );
    await addEvent(t, report.id, {
      kind: 'forwarded',
      public: true,
      status: 'videresendt',
      message: 'Forwarded to Statens vegvesen',
    });
    await t.ctx.db.db.execute(
      sql`update reports set merged_into_id = ${primary.id}::uuid where id = ${report.id}::uuid`,
    );
    await addEvent(t, report.id, { kind: 'merged_into', public: true, status: 'duplikat' });
    await waitUntil('three updates', async () => mailsTo(smtp, 'liv@example.no').length >= 4);
    const livs = mailsTo(smtp, 'liv@example.no');
    const done = livs.find((m) => m.subject?.startsWith('Fixed'));
    const forwarded = livs.find((m) => m.subject?.includes('forwarded'));
    const merged = livs.find((m) => m.subject?.includes('merged'));
    expect(done?.subject).toBe(`Fixed: ${report.ref}`);
    expect(done?.html).toContain('&lt;b&gt;New pipe &lt;script&gt;&lt;/b&gt;');
    expect(done?.html).not.toContain('<script>');
    expect(forwarded?.subject).toBe(`Your report ${report.ref} has been forwarded to Statens vegvesen`);
    expect(forwarded?.text).toContain('firmapost@vegvesen.example');
    expect(merged?.subject).toBe(`Your report ${report.ref} has been merged with ${primary.ref}`);
    expect(merged?.text).toContain(`/porsgrunn/meldinger/${primary.ref}?lang=en`);
  });

  it('marks a refused address failed at once, with the reason, in the admin’s failed list', async () => {
    smtp.refused.add('nobody@example.no');
    const report = await postReport(t, { contact: { email: 'nobody@example.no', notify: 'email' } });
    const failed = await waitUntil('the failure', async () =>
      (await storedMessages(t)).find((m) => m.recipient === 'nobody@example.no' && m.status === 'failed'),
    );
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain('550');
    expect(report.ref).toBeTruthy();
  });
});

function header(mail: ParsedMail, key: string): string | undefined {
  return mail.headerLines.find((h) => h.key === key)?.line;
}

function whole(mail: ParsedMail | undefined): string {
  return `${mail?.subject}\n${mail?.text}\n${mail?.html}`;
}

async function followerCount(t: NotificationTestApp, reportId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.ctx.db.db,
    sql`select count(*)::int as n from report_followers where report_id = ${reportId}::uuid`,
  );
  return row?.n ?? 0;
}

async function badLink(t: NotificationTestApp): Promise<number> {
  const response = await t.request(
    'GET',
    '/api/v1/notifications/stop?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  );
  return response.status;
}

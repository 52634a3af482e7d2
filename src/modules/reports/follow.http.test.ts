// Following a report needs the owner of the address to confirm it (double opt-in): until then the
// address gets nothing but one confirmation, and is not counted. Requests are capped per client,
// per report and per address each hour. Real HTTP, a real SMTP server, the SMS gateway stand-in.
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  addEvent,
  type NotificationTestApp,
  postReport,
  startNotificationApp,
  storedMessages,
  waitUntil,
} from '../../../test/support/notifications.ts';
import { startSmsGateway, type TestSmsGateway } from '../../../test/support/sms-gateway.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { queryRows } from '../../db/client.ts';
import { forgetUnconfirmedFollowers } from './forget-unconfirmed-followers.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(databaseKinds())('following a report, confirmed by its owner (%s)', (kind) => {
  let t: NotificationTestApp;
  let smtp: TestSmtpServer;
  let gateway: TestSmsGateway;
  let client = 0;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    gateway = await startSmsGateway();
    t = await startNotificationApp(kind, {
      smtpUrl: smtp.url,
      mailFrom: 'meld@porsgrunn.example',
      smsGatewayUrl: gateway.url,
      smsSender: 'Porsgrunn',
      // Each test speaks from its own client address (X-Forwarded-For), so the caps of one test
      // do not spill into the next.
      trustProxy: true,
    });
    await t.ctx.db.db.execute(
      sql`insert into notification_settings (kommunenummer, sms_quiet_from, sms_quiet_until) values ('4001', 0, 0)`,
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await gateway?.stop();
  });

  const newClient = () => `10.0.0.${++client}`;
  const mailsTo = (address: string): ParsedMail[] =>
    smtp.mails.filter((m) => m.envelopeTo.includes(address)).map((m) => m.parsed);

  async function formToken(path: string): Promise<string> {
    const page = await t.request('GET', path);
    const token = /name="_token" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) throw new Error(`no form token on ${path}`);
    return token;
  }

  /** The follow form on the report's page, from `from`; answers as the server did. */
  async function askToFollow(
    ref: string,
    contact: { email?: string; phone?: string },
    from: string,
    language = 'nb',
  ): Promise<Response> {
    const _token = await formToken(`/porsgrunn/meldinger/${ref}`);
    return fetch(`${t.baseUrl}/porsgrunn/meldinger/${ref}/folg?lang=${language}`, {
      method: 'POST',
      headers: { ...FORM, 'x-forwarded-for': from },
      body: new URLSearchParams({ _token, ...contact }).toString(),
      redirect: 'manual',
    });
  }

  async function followers(reportId: string) {
    return queryRows<{ email: string | null; phone: string | null; confirmed: boolean }>(
      t.ctx.db.db,
      sql`select email, phone, confirmed_at is not null as confirmed from report_followers
           where report_id = ${reportId}::uuid order by created_at`,
    );
  }

  async function publicCount(ref: string): Promise<string | undefined> {
    const page = await t.request('GET', `/porsgrunn/meldinger/${ref}`);
    return /(\d+) (?:person følger|personer følger)/.exec(page.text)?.[1];
  }

  it('by email: nothing but one confirmation until the link is confirmed, then the updates', async () => {
    const report = await postReport(t, { contact: { email: 'melder@example.no', notify: 'email' } });
    const asked = await askToFollow(report.ref, { email: 'Per@Example.no' }, newClient());
    expect(asked.status).toBe(303);
    const pending = asked.headers.get('location') ?? '';
    expect(pending).toMatch(new RegExp(`^/porsgrunn/meldinger/${report.ref}/folg/[0-9a-f-]{36}$`));
    expect(pending).not.toContain('per');
    const check = await t.request('GET', pending);
    expect(check.status).toBe(200);
    expect(check.text).toContain('Sjekk e-posten din');
    expect(check.text).toContain('p***@example.no');
    expect(await followers(report.id)).toEqual([{ email: 'per@example.no', phone: null, confirmed: false }]);

    // An update before the confirmation reaches the reporter only.
    await addEvent(t, report.id, { kind: 'public_reply', public: true, message: 'Vi ser på saken.' });
    await waitUntil('the reply to the reporter', async () =>
      mailsTo('melder@example.no').some((m) => m.subject?.startsWith('Svar på')),
    );
    const [confirmation] = await waitUntil('the confirmation', async () => {
      const mails = mailsTo('per@example.no');
      return mails.length > 0 ? mails : undefined;
    });
    expect(confirmation?.subject).toBe(`Bekreft at du vil følge meldingen ${report.ref}`);
    expect(await publicCount(report.ref)).toBeUndefined();
    const link = /http:\/\/meld\.test(\/porsgrunn\/meldinger\/\S+\/folg\/bekreft\?token=[\w-]+&lang=nb)/.exec(
      confirmation?.text ?? '',
    )?.[1];
    expect(link).toBeTruthy();

    // Opening the link (as a mail scanner would) changes nothing; the button does.
    const opened = await t.request('GET', link ?? '');
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('Ja, jeg vil følge meldingen');
    expect((await followers(report.id))[0]?.confirmed).toBe(false);
    const confirmed = await t.request('POST', link ?? '');
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`/porsgrunn/meldinger/${report.ref}?ok=folg`);
    expect((await followers(report.id))[0]?.confirmed).toBe(true);
    expect(await publicCount(report.ref)).toBe('1');
    // Confirming again is harmless; the page says it is done.
    expect((await t.request('POST', link ?? '')).status).toBe(303);
    expect((await t.request('GET', link ?? '')).text).toContain('Du følger allerede denne meldingen.');

    await addEvent(t, report.id, { kind: 'public_reply', public: true, message: 'Nå er folk på vei.' });
    await waitUntil('the reply to the follower', async () =>
      mailsTo('per@example.no').some((m) => m.subject?.startsWith('Svar på')),
    );
    const perMails = mailsTo('per@example.no');
    expect(perMails.map((m) => m.subject)).toEqual([
      `Bekreft at du vil følge meldingen ${report.ref}`,
      `Svar på meldingen din ${report.ref}`,
    ]);
    expect(perMails[1]?.text).toContain('Nå er folk på vei.');
    // The confirmation went out exactly once.
    const stored = (await storedMessages(t)).filter((m) => m.kind === 'follow_confirm');
    expect(stored.filter((m) => m.recipient === 'per@example.no')).toHaveLength(1);
  });

  it('by SMS: a code typed on the page, wrong ones counted, five tries at most', async () => {
    const report = await postReport(t, { contact: { email: 'melder2@example.no', notify: 'email' } });
    const asked = await askToFollow(report.ref, { phone: '481 23 456' }, newClient(), 'en');
    expect(asked.status).toBe(303);
    const pending = asked.headers.get('location') ?? '';
    const page = await t.request('GET', `${pending}?lang=en`);
    expect(page.text).toContain('Type the code from the text message');
    expect(page.text).toContain('***456');
    const [sms] = await waitUntil('the code by SMS', async () => {
      const sent = gateway.accepted.filter((r) => r.body.recipient === '+4748123456');
      return sent.length > 0 ? sent : undefined;
    });
    const code = /Your code is (\d{6})/.exec(sms?.body.text ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    expect(sms?.body.text).toContain(report.ref);

    const post = async (typed: string) =>
      fetch(`${t.baseUrl}${pending}?lang=en`, {
        method: 'POST',
        headers: FORM,
        body: new URLSearchParams({ _token: await formToken(`${pending}?lang=en`), code: typed }).toString(),
        redirect: 'manual',
      });
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await post(wrongCode);
    expect(wrong.status).toBe(422);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain('The code is not right. You have 4 tries left.');
    expect(wrongPage).toContain('aria-invalid="true"');
    const malformed = await post('12');
    expect(malformed.status).toBe(422);
    expect(await malformed.text()).toContain('Type the six digits from the text message.');
    expect((await followers(report.id))[0]?.confirmed).toBe(false);

    const right = await post(code.replace(/(\d{3})/, '$1 '));
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe(`/porsgrunn/meldinger/${report.ref}?ok=folg`);
    expect(await followers(report.id)).toEqual([{ email: null, phone: '+4748123456', confirmed: true }]);

    // Another request by SMS: five wrong codes and even the right one no longer works.
    const other = await postReport(t);
    const again = await askToFollow(other.ref, { phone: '481 23 457' }, newClient());
    const otherPending = again.headers.get('location') ?? '';
    const [otherSms] = await waitUntil('the second code', async () => {
      const sent = gateway.accepted.filter((r) => r.body.recipient === '+4748123457');
      return sent.length > 0 ? sent : undefined;
    });
    const otherCode = /Koden din er (\d{6})/.exec(otherSms?.body.text ?? '')?.[1] ?? '';
    const guess = otherCode === '000000' ? '111111' : '000000';
    const tryCode = async (typed: string) =>
      fetch(`${t.baseUrl}${otherPending}`, {
        method: 'POST',
        headers: FORM,
        body: new URLSearchParams({ _token: await formToken(otherPending), code: typed }).toString(),
        redirect: 'manual',
      });
    for (let i = 0; i < 5; i++) expect((await tryCode(guess)).status).toBe(422);
    const late = await tryCode(otherCode);
    expect(late.status).toBe(422);
    expect(await late.text()).toContain('Koden virker ikke lenger.');
    expect((await followers(other.id))[0]?.confirmed).toBe(false);
  });

  it('refuses a code after 30 minutes and a link after a day, and forgets the unconfirmed', async () => {
    const report = await postReport(t);
    const bySms = await askToFollow(report.ref, { phone: '481 23 458' }, newClient());
    const pending = bySms.headers.get('location') ?? '';
    const [sms] = await waitUntil('the code', async () => {
      const sent = gateway.accepted.filter((r) => r.body.recipient === '+4748123458');
      return sent.length > 0 ? sent : undefined;
    });
    const code = /Koden din er (\d{6})/.exec(sms?.body.text ?? '')?.[1] ?? '';
    await t.ctx.db.db.execute(
      sql`update report_followers set confirm_expires_at = now() - interval '1 second' where phone = '+4748123458'`,
    );
    const late = await fetch(`${t.baseUrl}${pending}`, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({ _token: await formToken(pending), code }).toString(),
      redirect: 'manual',
    });
    expect(late.status).toBe(422);
    expect(await late.text()).toContain('Koden virker ikke lenger.');

    await askToFollow(report.ref, { email: 'sen@example.no' }, newClient());
    const [mail] = await waitUntil('the link', async () => {
      const mails = mailsTo('sen@example.no');
      return mails.length > 0 ? mails : undefined;
    });
    const link = /http:\/\/meld\.test(\S+folg\/bekreft\S+)/.exec(mail?.text ?? '')?.[1] ?? '';
    await t.ctx.db.db.execute(
      sql`update report_followers set confirm_expires_at = now() - interval '1 second' where email = 'sen@example.no'`,
    );
    const expired = await t.request('GET', link);
    expect(expired.status).toBe(410);
    expect(expired.headers.get('content-type')).toMatch(/^text\/html/);
    expect(expired.text).toContain('Lenken er for gammel.');
    expect((await t.request('POST', link)).status).toBe(410);
    const unknown = await t.request('GET', link.replace(/token=[\w-]+/, `token=${'A'.repeat(43)}`));
    expect(unknown.status).toBe(404);

    // A day later the requests nobody confirmed are gone; confirmed followers stay.
    await t.ctx.db.db.execute(
      sql`insert into report_followers (report_id, email, language, confirmed_at) values (${report.id}::uuid, 'bekreftet@example.no', 'nb', now())`,
    );
    const tomorrow = new Date(Date.now() + 25 * 3600_000);
    const { followers: forgotten } = await forgetUnconfirmedFollowers(t.ctx.db.db, tomorrow);
    expect(forgotten).toBeGreaterThanOrEqual(2);
    expect(await followers(report.id)).toEqual([
      { email: 'bekreftet@example.no', phone: null, confirmed: true },
    ]);
  });

  it('caps requests per client, per report and per address each hour, with a page that says so', async () => {
    const report = await postReport(t);
    const from = newClient();
    for (let i = 0; i < 5; i++) {
      expect((await askToFollow(report.ref, { email: `nabo${i}@example.no` }, from)).status).toBe(303);
    }
    const sixth = await askToFollow(report.ref, { email: 'nabo5@example.no' }, from, 'en');
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await sixth.text()).toContain('Too many requests to follow reports have come from here');

    // Per report: 20 an hour, whoever asks.
    const busy = await postReport(t);
    for (let i = 0; i < 20; i++) {
      expect((await askToFollow(busy.ref, { email: `mange${i}@example.no` }, newClient())).status).toBe(303);
    }
    const tooMany = await askToFollow(busy.ref, { email: 'mange20@example.no' }, newClient(), 'nn');
    expect(tooMany.status).toBe(429);
    expect(await tooMany.text()).toContain('Det er bede om å følgje for mange meldingar');

    // Per address: no one's inbox gets more than three confirmations an hour.
    const victim = 'offer@example.no';
    for (let i = 0; i < 3; i++) {
      const other = await postReport(t);
      expect((await askToFollow(other.ref, { email: victim }, newClient())).status).toBe(303);
    }
    const fourth = await postReport(t);
    expect((await askToFollow(fourth.ref, { email: victim }, newClient())).status).toBe(429);
    const stored = (await storedMessages(t)).filter(
      (m) => m.kind === 'follow_confirm' && m.recipient === victim,
    );
    expect(stored).toHaveLength(3);
  });

  it('answers a request for an address that already follows like any other, and sends it nothing', async () => {
    const report = await postReport(t);
    await t.ctx.db.db.execute(
      sql`insert into report_followers (report_id, email, language, confirmed_at) values (${report.id}::uuid, 'trofast@example.no', 'nb', now())`,
    );
    const asked = await askToFollow(report.ref, { email: 'trofast@example.no' }, newClient());
    expect(asked.status).toBe(303);
    const page = await t.request('GET', asked.headers.get('location') ?? '');
    expect(page.text).toContain('Sjekk e-posten din');
    const stored = (await storedMessages(t)).filter(
      (m) => m.kind === 'follow_confirm' && m.recipient === 'trofast@example.no',
    );
    expect(stored).toEqual([]);
    expect(await followers(report.id)).toEqual([
      { email: 'trofast@example.no', phone: null, confirmed: true },
    ]);
  });

  it('lets the owner of the address say no with the stop link in the confirmation', async () => {
    const report = await postReport(t);
    await askToFollow(report.ref, { email: 'nei@example.no' }, newClient());
    const [mail] = await waitUntil('the confirmation', async () => {
      const mails = mailsTo('nei@example.no');
      return mails.length > 0 ? mails : undefined;
    });
    const stop = /(http:\/\/meld\.test\/api\/v1\/notifications\/stop\?token=[\w-]+)/.exec(
      mail?.text ?? '',
    )?.[1];
    expect(stop).toBeTruthy();
    const stopped = await t.request('POST', t.local(stop ?? '').replace(t.baseUrl, ''));
    expect(stopped.status).toBe(200);
    expect(await followers(report.id)).toEqual([]);
  });
});

// Subscribing to notices through the real app on both databases: the form on the residents' site,
// the confirmation email through a real SMTP server (its link confirms only on POST), the SMS code
// through the gateway stand-in (five wrong codes lock it), expiry, refused input (4xx, never 5xx),
// and the stop link of a subscriber's message, which ends the subscription and clears its
// personal fields (also by the one-click List-Unsubscribe-Post).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { type NotificationTestApp, startNotificationApp } from '../../../test/support/notifications.ts';
import { startSmsGateway, type TestSmsGateway } from '../../../test/support/sms-gateway.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { queryRows } from '../../db/client.ts';
import { importAddresses } from '../geo/import-addresses.ts';
import { PORSGRUNN_SAMPLE_FILE } from '../geo/local-addresses.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const PAGE = '/porsgrunn/driftsmeldinger/abonner';

describe.each(databaseKinds())('subscribing to notices (%s)', (kind) => {
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
    });
    await importAddresses(t.ctx.db.db, PORSGRUNN_SAMPLE_FILE);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await gateway?.stop();
  });

  async function formToken(): Promise<string> {
    const page = await t.request('GET', PAGE);
    const token = /name="_token" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) throw new Error('no form token');
    return token;
  }

  async function post(path: string, fields: Record<string, string>, language = 'nb') {
    const response = await fetch(`${t.baseUrl}${path}?lang=${language}`, {
      method: 'POST',
      headers: { ...FORM, 'x-forwarded-for': `10.1.0.${++client}` },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  }

  async function subscribe(fields: Record<string, string>, language = 'nb') {
    return post(PAGE, { _token: await formToken(), ...fields }, language);
  }

  async function subscriber(where: { email?: string; phone?: string }) {
    const [row] = await queryRows<{
      id: string;
      address: string | null;
      email: string | null;
      phone: string | null;
      email_confirmed: boolean;
      phone_confirmed: boolean;
      unsubscribed: boolean;
      lat: number;
      confirm_attempts: number;
    }>(
      t.ctx.db.db,
      sql`select id, address, email, phone, email_confirmed_at is not null as email_confirmed,
                 phone_confirmed_at is not null as phone_confirmed, unsubscribed_at is not null as unsubscribed,
                 lat, confirm_attempts
            from subscribers
           where ${where.email ? sql`email = ${where.email}` : sql`phone = ${where.phone ?? ''}`}`,
    );
    return row;
  }

  const refOf = (text: string) => /name="ref" value="([^"]+)"/.exec(text)?.[1] ?? '';
  const mailTo = async (address: string) => {
    await smtp.waitForMails(1);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const mail = smtp.mails.find((m) => m.envelopeTo.includes(address));
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const smsTo = async (phone: string) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const sms = gateway.accepted.find((r) => r.body.recipient === phone);
      if (sms) return sms;
      if (Date.now() > deadline) throw new Error(`no SMS to ${phone}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('links the form from the notice list, in every language', async () => {
    const list = await t.request('GET', '/porsgrunn/driftsmeldinger');
    expect(list.text).toContain('href="/porsgrunn/driftsmeldinger/abonner?lang=nb"');
    expect(list.text).toContain('Få varsel på SMS/e-post');
    for (const [language, title] of [
      ['nb', 'Få driftsmeldinger på SMS eller e-post'],
      ['nn', 'Få driftsmeldingar på SMS eller e-post'],
      ['en', 'Get service notices by SMS or email'],
    ] as const) {
      const page = await t.request('GET', `${PAGE}?lang=${language}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(title);
    }
  });

  it('confirms an email address by the emailed link (POST only), and says what was confirmed', async () => {
    const answer = await subscribe({ adresse: 'storgata 12', epost: 'kari@example.no', sprak: 'nb' });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('k***@example.no');
    expect(answer.text).toContain('Abonnementet gjelder Storgata 12.');
    expect(answer.text).not.toContain('kari@example.no');
    const mail = await mailTo('kari@example.no');
    const link =
      /(http:\/\/meld\.test\/porsgrunn\/driftsmeldinger\/abonner\/bekreft\?token=[A-Za-z0-9_-]+&lang=nb)/.exec(
        mail.parsed.text ?? '',
      )?.[1];
    expect(link).toBeDefined();
    expect(mail.parsed.text).toContain('Storgata 12');
    const [message] = await queryRows<{ kind: string; subscriber_id: string }>(
      t.ctx.db.db,
      sql`select kind, subscriber_id from messages where recipient = 'kari@example.no'`,
    );
    const row = await subscriber({ email: 'kari@example.no' });
    expect(message).toEqual({ kind: 'subscription_confirm', subscriber_id: row?.id });
    expect(row).toMatchObject({ address: 'Storgata 12', email_confirmed: false });

    const opened = await t.request('GET', t.local(link ?? '').replace(t.baseUrl, ''));
    expect(opened.status).toBe(200);
    // One click here changes what a person receives: no other site may frame it (clickjacking),
    // while the subscribe form itself may be embedded like the report form.
    expect(opened.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(opened.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(answer.headers.get('x-frame-options')).toBeNull();
    expect((await subscriber({ email: 'kari@example.no' }))?.email_confirmed).toBe(false);
    const action =
      /<form method="post" action="([^"]+)"/.exec(opened.text)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const done = await fetch(`${t.baseUrl}${action}`, { method: 'POST', headers: FORM, body: '' });
    const text = await done.text();
    expect(done.status).toBe(200);
    expect(done.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(text).toContain('Du får nå driftsmeldinger på e-post for Storgata 12.');
    expect((await subscriber({ email: 'kari@example.no' }))?.email_confirmed).toBe(true);
  });

  it('confirms a mobile number by the SMS code, counting wrong codes', async () => {
    const answer = await subscribe({ adresse: 'Kirkegata 1', mobil: '912 34 567', sprak: 'en' }, 'en');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('***567');
    const sms = await smsTo('+4791234567');
    const code = /(\d{6})/.exec(sms.body.text)?.[1] ?? '';
    expect(sms.body.text).toContain('/api/v1/notifications/stop?token=');
    const ref = refOf(answer.text);
    const wrong = await post(
      `${PAGE}/kode`,
      { _token: await formToken(), ref, code: code === '000000' ? '111111' : '000000' },
      'en',
    );
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('You have 4 tries left.');
    const right = await post(`${PAGE}/kode`, { _token: await formToken(), ref, code }, 'en');
    expect(right.status).toBe(200);
    expect(right.text).toContain('You will now get service notices by SMS for Kirkegata 1.');
    expect((await subscriber({ phone: '+4791234567' }))?.phone_confirmed).toBe(true);
  });

  it('locks the code after five wrong ones', async () => {
    const answer = await subscribe({ adresse: 'Storgata 14', mobil: '41234567' });
    const code = /(\d{6})/.exec((await smsTo('+4741234567')).body.text)?.[1] ?? '';
    const wrongCode = code === '000000' ? '111111' : '000000';
    const ref = refOf(answer.text);
    for (let i = 0; i < 4; i++) {
      const wrong = await post(`${PAGE}/kode`, { _token: await formToken(), ref, code: wrongCode });
      expect(wrong.status).toBe(422);
    }
    const fifth = await post(`${PAGE}/kode`, { _token: await formToken(), ref, code: wrongCode });
    expect(fifth.text).toContain('prøvd for mange ganger');
    const late = await post(`${PAGE}/kode`, { _token: await formToken(), ref, code });
    expect(late.status).toBe(422);
    expect(late.text).toContain('prøvd for mange ganger');
    expect(await subscriber({ phone: '+4741234567' })).toMatchObject({
      phone_confirmed: false,
      confirm_attempts: 5,
    });
  });

  it('refuses an expired link with 410 and a forged reference with 404', async () => {
    await subscribe({ adresse: 'Storgata 1', epost: 'ola@example.no' });
    const mail = await mailTo('ola@example.no');
    const token = /abonner\/bekreft\?token=([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')?.[1];
    await t.ctx.db.db.execute(
      sql`update subscribers set confirm_expires_at = now() - interval '1 minute' where email = 'ola@example.no'`,
    );
    const expired = await t.request('GET', `${PAGE}/bekreft?token=${token}`);
    expect(expired.status).toBe(410);
    const forged = await post(`${PAGE}/kode`, {
      _token: await formToken(),
      ref: 'A'.repeat(43),
      code: '123456',
    });
    expect(forged.status).toBe(404);
  });

  it('refuses control characters, oversized fields, a missing token and bad values with 4xx', async () => {
    const control = await subscribe({ adresse: 'Storgata\u0007 12', epost: 'a@example.no' });
    expect(control.status).toBe(400);
    const long = await subscribe({ adresse: 'x'.repeat(5000), epost: 'a@example.no' });
    expect(long.status).toBe(400);
    const noToken = await post(PAGE, { adresse: 'Storgata 12', epost: 'a@example.no' });
    expect(noToken.status).toBe(400);
    const bad = await subscribe({ adresse: 'Finnesikkeveien 99', epost: 'not-an-email', mobil: '12' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Fant ikke adressen i kommunen');
    expect(bad.text).toContain('E-postadressen ser ikke riktig ut.');
    expect(bad.text).toContain('Mobilnummeret ser ikke riktig ut.');
    const nothing = await subscribe({});
    expect(nothing.status).toBe(422);
    const huge = await fetch(`${t.baseUrl}${PAGE}`, {
      method: 'POST',
      headers: FORM,
      body: `adresse=${'x'.repeat(200_000)}`,
    });
    expect(huge.status).toBe(413);
  });

  it('takes a point instead of an address', async () => {
    const answer = await subscribe({ lat: '59.1405', lon: '9.6561', epost: 'punkt@example.no' });
    expect(answer.status).toBe(200);
    expect(await subscriber({ email: 'punkt@example.no' })).toMatchObject({ address: null, lat: 59.1405 });
  });

  it('refuses a point outside the municipality, saying so next to the map', async () => {
    // Skien's centre: a real place, but not Porsgrunn's.
    const answer = await subscribe({ lat: '59.2096', lon: '9.6090', epost: 'skien@example.no' });
    expect(answer.status).toBe(422);
    expect(answer.text).toContain('href="#punkt"');
    expect(answer.text).toContain('Punktet ligger ikke i kommunen.');
    // The point stays in the form, to move rather than choose again.
    expect(answer.text).toContain('name="lat" id="lat" value="59.2096"');
    expect(await subscriber({ email: 'skien@example.no' })).toBeUndefined();
  });

  it("ends the subscription from its message's stop link and clears the personal fields", async () => {
    await subscribe({ adresse: 'Storgata 2', epost: 'stopp@example.no', mobil: '98765432' });
    const mail = await mailTo('stopp@example.no');
    const stop = /(\/api\/v1\/notifications\/stop\?token=[A-Za-z0-9_-]+&lang=nb)/.exec(
      mail.parsed.text ?? '',
    )?.[1];
    const asked = await t.request('GET', stop ?? '');
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('Vil du slutte å få driftsmeldinger for dette stedet?');
    expect(asked.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(asked.headers.get('x-frame-options')).toBe('DENY');
    expect((await subscriber({ email: 'stopp@example.no' }))?.unsubscribed).toBe(false);
    const done = await fetch(`${t.baseUrl}${stop}`, { method: 'POST', headers: FORM, body: '' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Du får ikke lenger driftsmeldinger for dette stedet.');
    const [row] = await queryRows<{
      email: string | null;
      phone: string | null;
      address: string | null;
      lat: number;
      unsubscribed: boolean;
    }>(
      t.ctx.db.db,
      sql`select s.email, s.phone, s.address, s.lat, s.unsubscribed_at is not null as unsubscribed
            from subscribers s join messages m on m.subscriber_id = s.id where m.recipient = 'stopp@example.no'`,
    );
    expect(row).toMatchObject({ email: null, phone: null, address: null, unsubscribed: true });
    expect(row?.lat).toBe(Math.round((row?.lat ?? 0) * 1000) / 1000);
  });

  it('ends it by the one-click List-Unsubscribe-Post of the email', async () => {
    await subscribe({ adresse: 'Storgata 12', epost: 'ettklikk@example.no' });
    const mail = await mailTo('ettklikk@example.no');
    const header = mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    const url = /<([^>]+)>/.exec(header)?.[1] ?? '';
    expect(url).toContain('/api/v1/notifications/stop?token=');
    const done = await fetch(t.local(url), {
      method: 'POST',
      headers: FORM,
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    const [row] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from subscribers s join messages m on m.subscriber_id = s.id
           where m.recipient = 'ettklikk@example.no' and s.unsubscribed_at is not null and s.email is null`,
    );
    expect(row?.n).toBe(1);
  });
});

// A whole working day's flow with known personal data, against the real app whose every log line
// (at the most talkative level) is captured; afterwards nothing it logged may contain any of the
// data: not the email, not the phone in any way it was written or stored, not the name, not the
// OIDC code or state of a login. A database error whose parameters hold a follower's email and
// phone is part of the flow, since that is where the data used to leak (Drizzle puts a failed
// statement's parameters into its message).
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../test/support/factories.ts';
import { jpeg, reportForm } from '../../test/support/images.ts';
import { registerOidcProvider } from '../../test/support/oidc-flow.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../../test/support/oidc-test-provider.ts';
import { buildStaffUser, logInAs } from '../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { queryRows } from '../db/client.ts';

const PUBLIC_URL = 'http://meld.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/staff/oidc/callback`;

const REPORTER = {
  name: 'Ingeborg Tveitevold',
  email: 'ingeborg.tveitevold@example.no',
  phone: '481 23 957',
};
const FOLLOWER = { email: 'halvard.brekkestø@example.no', phone: '+47 926 41 338' };
const CALLER = { name: 'Sigrun Aabakken', email: 'sigrun.aabakken@example.no', phone: '0047 934 56 781' };

/** Every way a phone number can be written or stored, digits alone included. */
function phoneForms(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  const local = digits.startsWith('0047')
    ? digits.slice(4)
    : digits.startsWith('47') && digits.length > 8
      ? digits.slice(2)
      : digits;
  return [
    phone,
    digits,
    local,
    `+47${local}`,
    `0047${local}`,
    local.replace(/(\d{3})(\d{2})(\d{3})/, '$1 $2 $3'),
  ];
}

describe.each(databaseKinds())('personal data in the logs on %s', (kind) => {
  let t: TestApp;
  let idp: TestOidcProvider;
  const lines: string[] = [];
  const secrets: string[] = [];

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    t = await startTestApp(
      kind,
      { publicUrl: PUBLIC_URL, mapTileUrl: '', logLevel: 'trace', oidcAllowPrivateIssuers: true },
      { logStream: stream },
    );
    await buildPorsgrunn(t.ctx.db.db);
    idp = await startTestOidcProvider(CALLBACK);
    await registerOidcProvider(t, '4001', idp, 'Porsgrunn kommune');
  });
  afterAll(async () => {
    await idp.close();
    await t.close();
  });

  async function formToken(path: string): Promise<string> {
    const html = await (await fetch(`${t.baseUrl}${path}`)).text();
    return /name="_token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  }

  /** The OIDC round trip; keeps the code and state the provider sent back. */
  async function oidcLogIn(): Promise<string> {
    idp.logInNext({
      sub: 'entra-oidc-pii',
      email: 'oidc.pii@porsgrunn.kommune.no',
      emailVerified: true,
      name: 'O',
    });
    // Cookies per host, as a browser keeps them.
    const jars = new Map<string, Map<string, string>>();
    let url = new URL(`${t.baseUrl}/api/v1/staff/oidc/4001/start`);
    for (let hop = 0; hop < 15; hop++) {
      const jar = jars.get(url.host) ?? new Map<string, string>();
      jars.set(url.host, jar);
      const header = [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: header } });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const eq = pair.indexOf('=');
        const value = pair.slice(eq + 1).trim();
        if (value === '' || /max-age=0/i.test(line)) jar.delete(pair.slice(0, eq).trim());
        else jar.set(pair.slice(0, eq).trim(), value);
      }
      await response.arrayBuffer();
      const location = response.headers.get('location') ?? '';
      if (url.pathname.endsWith('/oidc/callback')) return location;
      let next = new URL(location, url);
      if (next.href.startsWith(CALLBACK)) {
        secrets.push(
          next.searchParams.get('code') ?? 'no code',
          next.searchParams.get('state') ?? 'no state',
        );
        next = new URL(`${t.baseUrl}${next.pathname}${next.search}`);
      }
      url = next;
    }
    throw new Error('too many redirects');
  }

  it('never contain an email, phone, name, OIDC code or state', { timeout: 120_000 }, async () => {
    // A report through the web form, with a photo.
    const web = new FormData();
    web.append('_token', await formToken('/porsgrunn/meld'));
    web.append('category', 'vei-hull');
    web.append('address', 'Storgata 12');
    web.append('description', 'Hull i veien');
    web.append('contact.name', REPORTER.name);
    web.append('contact.email', REPORTER.email);
    web.append('contact.phone', REPORTER.phone);
    web.append('contact.notify', 'email');
    web.append('photos', new Blob([new Uint8Array(await jpeg(400, 300))], { type: 'image/jpeg' }), 'a.jpg');
    const posted = await fetch(`${t.baseUrl}/porsgrunn/meld`, {
      method: 'POST',
      body: web,
      redirect: 'manual',
    });
    const review = posted.headers.get('location') ?? '';
    expect(review).toMatch(/^\/porsgrunn\/meld\/[0-9a-f-]{36}$/);
    const reviewHtml = await (await fetch(`${t.baseUrl}${review}`)).text();
    const sent = await fetch(`${t.baseUrl}${review}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _token: /name="_token" value="([^"]+)"/.exec(reviewHtml)?.[1] ?? '' }),
      redirect: 'manual',
    });
    expect(sent.headers.get('location')).toContain('/kvittering?token=');

    // A report through the API, as JSON and with a photo.
    const contact = { name: REPORTER.name, email: REPORTER.email, phone: REPORTER.phone, notify: 'sms' };
    const api = await t.request('POST', '/api/v1/reports', { body: buildReportBody({ contact }) });
    expect(api.status).toBe(201);
    secrets.push(api.body.trackingToken);
    const withPhoto = await t.requestForm(
      'POST',
      '/api/v1/reports',
      reportForm(buildReportBody({ contact }), [await jpeg(300, 200)]),
    );
    expect(withPhoto.status).toBe(201);
    await fetch(`${t.baseUrl}/porsgrunn/meldinger/${api.body.ref}?token=${api.body.trackingToken}`);

    // A follower.
    const trackingPath = `/porsgrunn/meldinger/${api.body.ref}`;
    const followed = await fetch(`${t.baseUrl}${trackingPath}/folg`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _token: await formToken(trackingPath),
        email: FOLLOWER.email,
        phone: FOLLOWER.phone,
      }),
      redirect: 'manual',
    });
    expect(followed.status).toBe(303);

    // Front desk: a phone report, a lookup of the caller, a case view and a look at the contact.
    const deskUser = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] });
    const desk = await logInAs(t, deskUser);
    const [category] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from categories where code = 'vei-hull' limit 1`,
    );
    const phoned = await desk.request('POST', '/api/v1/staff/m/4001/front-desk/reports', {
      channel: 'telefon',
      categoryId: category?.id,
      description: 'Ringte inn om hull',
      address: 'Kirkegata 3',
      contact: { ...CALLER, notify: 'sms' },
      language: 'nb',
    });
    expect(phoned.status, phoned.text).toBe(201);
    const lookup = await desk.request('POST', '/api/v1/staff/m/4001/front-desk/caller', {
      phone: CALLER.phone,
      email: CALLER.email,
    });
    expect(lookup.status).toBe(200);
    expect(lookup.body.reports.length).toBeGreaterThan(0);
    expect((await desk.request('GET', `/api/v1/staff/m/4001/reports/${api.body.id}`)).status).toBe(200);
    const contactView = await desk.request('GET', `/api/v1/staff/m/4001/reports/${api.body.id}/contact`);
    expect(contactView.status).toBe(200);
    expect(JSON.stringify(contactView.body)).toContain(REPORTER.email);

    // An OIDC login.
    await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['leser'],
      email: 'oidc.pii@porsgrunn.kommune.no',
      password: null,
    });
    expect(await oidcLogIn()).toBe('/admin/');
    expect(secrets.length).toBeGreaterThanOrEqual(3);

    // A database error whose parameters are a follower's email and phone: the next follower's
    // row is refused by a constraint, and the request fails with a 500.
    await t.ctx.db.db.execute(
      sql`alter table report_followers add constraint pii_probe check (false) not valid`,
    );
    try {
      const failing = await fetch(`${t.baseUrl}${trackingPath}/folg`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _token: await formToken(trackingPath),
          email: CALLER.email,
          phone: CALLER.phone,
        }),
        redirect: 'manual',
      });
      expect(failing.status).toBe(500);
    } finally {
      await t.ctx.db.db.execute(sql`alter table report_followers drop constraint pii_probe`);
    }

    const log = lines.join('');
    // The log really saw the flow, the failure included (so a silent logger cannot pass this).
    expect(log).toContain('request failed');
    expect(log).toContain('pii_probe');
    expect(log).toContain('/front-desk/caller');
    expect(log).toContain('/oidc/callback?code=REDACTED');
    const known = [
      ...[REPORTER, CALLER].flatMap((p) => [p.name, p.email, p.email.toLowerCase(), ...phoneForms(p.phone)]),
      FOLLOWER.email,
      ...phoneForms(FOLLOWER.phone),
      encodeURIComponent(REPORTER.email),
      encodeURIComponent(FOLLOWER.email),
      ...secrets,
    ];
    const found = known.filter((value) => log.includes(value));
    expect(found).toEqual([]);
  });
});

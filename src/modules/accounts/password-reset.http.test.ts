// Password reset end to end: ask for a link, read the email from the real SMTP test server,
// follow the token, and check what a reset does (new password works, old does not, sessions
// ended, token single-use) and what it does not (no email and the same answer for unknown
// addresses).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { waitUntil } from '../../../test/support/notifications.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { buildStaffUser, logInAs } from '../../../test/support/staff.ts';
import {
  type StaffAlertTestApp,
  staffMessages,
  startStaffAlertApp,
} from '../../../test/support/staff-alerts.ts';
import { queryRows } from '../../db/client.ts';
import { RESET_REQUESTS_PER_WINDOW } from './password-reset-routes.ts';

const REQUEST = '/api/v1/staff/password-reset';
const CONFIRM = '/api/v1/staff/password-reset/confirm';
const NEW_PASSWORD = 'a much longer new passphrase';

describe.each(databaseKinds())('password reset (%s)', (kind) => {
  let t: StaffAlertTestApp;
  let smtp: TestSmtpServer;
  let requests = 0;

  const ask = (email: string, headers: Record<string, string> = {}) => {
    requests += 1;
    return t.request('POST', REQUEST, { body: { email }, headers });
  };
  const logIn = (email: string, password: string) =>
    t.request('POST', '/api/v1/staff/session', { body: { email, password } });
  const tokenIn = (text: string): string => {
    const match = /http:\/\/meld\.test\/admin\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(text);
    if (!match?.[1]) throw new Error(`no reset link in:\n${text}`);
    return match[1];
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startStaffAlertApp(kind, { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('emails a one-time link that sets a new password, ends every session and clears the throttle', async () => {
    const db = t.ctx.db.db;
    const user = await buildStaffUser(db, {
      kommunenummer: '4001',
      roles: ['saksbehandler'],
      email: 'glemsk@porsgrunn.kommune.test',
      name: 'Glenn Glemsk',
    });
    const session = await logInAs(t, user);
    expect((await logIn(user.email, 'wrong password')).status).toBe(401);
    const throttled = () =>
      queryRows<{ key: string }>(
        db,
        sql`select key from login_throttle where key = ${`email:${user.email}`}`,
      );
    expect(await throttled()).toHaveLength(1);

    const known = await ask('Glemsk@Porsgrunn.Kommune.TEST');
    const unknown = await ask('ingen@porsgrunn.kommune.test');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(known.body.message).toMatch(/^Hvis adressen hører til en konto/);

    const mail = await waitUntil('the reset email', async () =>
      smtp.mails.find((m) => m.envelopeTo.includes(user.email)),
    );
    expect(mail.parsed.subject).toBe('Sett nytt passord for Meldepunkt');
    expect(mail.parsed.from?.value[0]?.name).toBe('Porsgrunn kommune');
    expect(mail.parsed.text).toContain('Hei Glenn Glemsk,');
    const token = tokenIn(mail.parsed.text ?? '');
    expect(token).toHaveLength(43);
    expect(mail.parsed.html).toContain(`href="http://meld.test/admin/reset-password?token=${token}"`);
    // The token itself is not stored: only its SHA-256.
    const [stored] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from password_resets where user_id = ${user.id}::uuid and expires_at between now() + interval '59 minutes' and now() + interval '61 minutes'`,
    );
    expect(stored?.n).toBe(1);

    const short = await t.request('POST', CONFIRM, { body: { token, password: 'kort' } });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('password_too_short');

    const confirmed = await t.request('POST', CONFIRM, { body: { token, password: NEW_PASSWORD } });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect((await session.request('GET', '/api/v1/staff/session')).status).toBe(401);
    expect(await throttled()).toHaveLength(0);
    expect((await logIn(user.email, user.password)).status).toBe(401);
    expect((await logIn(user.email, NEW_PASSWORD)).status).toBe(200);

    const again = await t.request('POST', CONFIRM, { body: { token, password: 'yet another passphrase' } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('reset_token_invalid');
    expect((await logIn(user.email, NEW_PASSWORD)).status).toBe(200);

    const [entry] = await queryRows<{ kommunenummer: string; actor_id: string }>(
      db,
      sql`select kommunenummer, actor_id from audit_log where action = 'user.password_reset' and entity_id = ${user.id}`,
    );
    expect(entry).toEqual({ kommunenummer: '4001', actor_id: user.id });
    // The spent link no longer sits in the stored message.
    const rows = (await staffMessages(t)).filter((m) => m.kind === 'password_reset');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.idempotency_key).toMatch(/^password_reset:[0-9a-f]{64}$/);
    expect(rows[0]?.body_text).not.toContain(token);
    // The unknown address got nothing.
    expect(smtp.mails.filter((m) => m.envelopeTo.includes('ingen@porsgrunn.kommune.test'))).toHaveLength(0);
  });

  it('sends nothing for accounts without a password or deactivated, and refuses expired or made-up tokens', async () => {
    const db = t.ctx.db.db;
    const oidcOnly = await buildStaffUser(db, { kommunenummer: '4001', roles: ['leser'], password: null });
    const gone = await buildStaffUser(db, { kommunenummer: '4001', roles: ['leser'] });
    await db.execute(sql`update staff_users set active = false where id = ${gone.id}::uuid`);
    const english = await buildStaffUser(db, { kommunenummer: '4001', roles: ['leser'] });
    await db.execute(sql`update staff_users set language = 'en' where id = ${english.id}::uuid`);

    expect((await ask(oidcOnly.email)).status).toBe(202);
    expect((await ask(gone.email)).status).toBe(202);
    const answer = await ask(english.email, { 'accept-language': 'en' });
    expect(answer.body.message).toMatch(/^If the address belongs to an account/);
    const mail = await waitUntil('the English email', async () =>
      smtp.mails.find((m) => m.envelopeTo.includes(english.email)),
    );
    expect(mail.parsed.subject).toBe('Set a new password for Meldepunkt');
    const sent = (await staffMessages(t)).filter((m) => m.kind === 'password_reset').map((m) => m.recipient);
    expect(sent).not.toContain(oidcOnly.email);
    expect(sent).not.toContain(gone.email);

    // An hour later the link no longer works.
    await db.execute(
      sql`update password_resets set expires_at = now() - interval '1 minute' where user_id = ${english.id}::uuid`,
    );
    const expired = await t.request('POST', CONFIRM, {
      body: { token: tokenIn(mail.parsed.text ?? ''), password: NEW_PASSWORD },
      headers: { 'accept-language': 'en' },
    });
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({ code: 'reset_token_invalid' });
    expect(expired.body.error.message).toMatch(/invalid, already used or expired/);
    expect((await logIn(english.email, english.password)).status).toBe(200);
    for (const token of ['x', 'A'.repeat(43)]) {
      expect((await t.request('POST', CONFIRM, { body: { token, password: NEW_PASSWORD } })).status).toBe(
        400,
      );
    }
  });

  it('limits requests per client address', async () => {
    let status = 202;
    for (let i = requests; i <= RESET_REQUESTS_PER_WINDOW && status === 202; i++) {
      status = (await ask(`nobody${i}@porsgrunn.kommune.test`)).status;
    }
    expect(status).toBe(429);
  });
});

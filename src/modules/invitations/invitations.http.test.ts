// Invitations end to end, with the real SMTP test server: the email (its language, sender and
// link), looking it up, accepting as a new person with a password of one's own, and what makes a
// link stop working (used, expired, withdrawn, sent again), including the stored email's copy.
// The use case the operator's command line calls is checked too.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { mailsTo, tokenFromMail } from '../../../test/support/mailbox.ts';
import { buildSecondMunicipality } from '../../../test/support/second-municipality.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { type StaffAlertTestApp, startStaffAlertApp } from '../../../test/support/staff-alerts.ts';
import { queryRows } from '../../db/client.ts';
import { hashToken } from '../accounts/sessions.ts';
import { createInvitation } from './create-invitation.ts';
import { redactSpentInvitationLinks } from './redact-invitation-links.ts';

const BASE = '/api/v1/staff/m/4001/admin';

describe.each(databaseKinds())('invitations (%s)', (kind) => {
  let t: StaffAlertTestApp;
  let smtp: TestSmtpServer;
  let admin: StaffClient;
  let adminId: string;

  const storedBody = async (email: string) =>
    (
      await queryRows<{ body_text: string }>(
        t.ctx.db.db,
        sql`select body_text from messages where kind = 'staff_invitation' and recipient = ${email} order by created_at`,
      )
    ).map((m) => m.body_text);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startStaffAlertApp(kind, { smtpUrl: smtp.url, mailFrom: 'meld@porsgrunn.example' });
    await buildSecondMunicipality(t.ctx.db.db);
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] });
    adminId = user.id;
    admin = await logInAs(t, user);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('emails the person a one-time link; they create their account with it and are logged in', async () => {
    const invited = await admin.request('POST', `${BASE}/users`, {
      email: 'Nina.Ny@Porsgrunn.test',
      name: 'Nina Ny',
      language: 'nn',
      roles: ['saksbehandler'],
    });
    expect(invited.status, invited.text).toBe(201);
    const token = await tokenFromMail(smtp, 'nina.ny@porsgrunn.test', '/admin/invitation');
    expect(token).toHaveLength(43);
    const [mail] = mailsTo(smtp, 'nina.ny@porsgrunn.test');
    expect(mail?.parsed.subject).toBe('Invitasjon til sakshandsaminga i Porsgrunn kommune');
    expect(mail?.parsed.from?.value[0]?.name).toBe('Porsgrunn kommune');
    expect(mail?.parsed.text).toContain('Hei Nina Ny,');
    expect(mail?.parsed.text).toContain('(sakshandsamar)');
    expect(mail?.parsed.html).toContain(`href="http://meld.test/admin/invitation?token=${token}"`);
    // Only the SHA-256 of the token is stored.
    const [row] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as n from staff_invitations where token_hash = ${hashToken(token)}
           and expires_at between now() + interval '7 days' - interval '1 minute' and now() + interval '7 days'`,
    );
    expect(row?.n).toBe(1);

    const lookup = await t.request('POST', '/api/v1/staff/invitations/lookup', { body: { token } });
    expect(lookup.status, lookup.text).toBe(200);
    expect(lookup.body).toMatchObject({
      municipality: { kommunenummer: '4001', name: 'Porsgrunn' },
      email: 'nina.ny@porsgrunn.test',
      name: 'Nina Ny',
      roles: ['saksbehandler'],
      accountExists: false,
      signedInAsInvitee: false,
    });
    const short = await t.request('POST', '/api/v1/staff/invitations/accept-new', {
      body: { token, name: 'Nina', password: 'kort' },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.details.map((d: { field: string }) => d.field)).toEqual(['password']);
    const blank = await t.request('POST', '/api/v1/staff/invitations/accept-new', {
      body: { token, name: '   ', password: 'nina sitt eige passord' },
    });
    expect(blank.body.error.details.map((d: { field: string }) => d.field)).toEqual(['name']);

    const accepted = await t.request('POST', '/api/v1/staff/invitations/accept-new', {
      body: { token, name: 'Nina Nyheim', password: 'nina sitt eige passord' },
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({
      user: { email: 'nina.ny@porsgrunn.test', name: 'Nina Nyheim', language: 'nn' },
      scope: null,
      memberships: [{ kommunenummer: '4001', roles: ['saksbehandler'] }],
    });
    const cookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await t.request('GET', '/api/v1/staff/session', { headers: { cookie } })).status).toBe(200);
    const [created] = await queryRows<{ actor_id: string; kommunenummer: string }>(
      t.ctx.db.db,
      sql`select actor_id, kommunenummer from audit_log where action = 'user.created'
           and entity_id = ${accepted.body.user.id}`,
    );
    expect(created).toEqual({ actor_id: accepted.body.user.id, kommunenummer: '4001' });

    // Used: the link is refused, and blanked in the stored email.
    const again = await t.request('POST', '/api/v1/staff/invitations/lookup', {
      body: { token },
      headers: { 'accept-language': 'en' },
    });
    expect([again.status, again.body.error.code]).toEqual([410, 'invitation_used']);
    expect(again.body.error.message).toMatch(/already been accepted/);
    expect((await storedBody('nina.ny@porsgrunn.test')).join()).not.toContain(token);
  });

  it('refuses unknown and expired links, closes the expired invitation for a new one, and blanks its link', async () => {
    for (const token of ['x', 'A'.repeat(43)]) {
      const r = await t.request('POST', '/api/v1/staff/invitations/lookup', { body: { token } });
      expect([r.status, r.body.error.code]).toEqual([404, 'invitation_invalid']);
    }
    const invited = await admin.request('POST', `${BASE}/users`, {
      email: 'sen@porsgrunn.test',
      name: 'Sen',
      roles: ['leser'],
    });
    const token = await tokenFromMail(smtp, 'sen@porsgrunn.test', '/admin/invitation');
    await t.ctx.db.db.execute(sql`update staff_invitations set expires_at = now() - interval '1 minute'
      where id = ${invited.body.id}::uuid`);
    const expired = await t.request('POST', '/api/v1/staff/invitations/accept-new', {
      body: { token, name: 'Sen', password: 'a long enough password' },
    });
    expect([expired.status, expired.body.error.code]).toEqual([410, 'invitation_expired']);
    const listed = await admin.request('GET', `${BASE}/invitations`);
    expect(listed.body.invitations.find((i: { id: string }) => i.id === invited.body.id)?.status).toBe(
      'expired',
    );
    await redactSpentInvitationLinks(t.ctx.db.db);
    expect((await storedBody('sen@porsgrunn.test')).join()).not.toContain(token);
    // A new invitation takes the expired one's place.
    const fresh = await admin.request('POST', `${BASE}/users`, {
      email: 'sen@porsgrunn.test',
      name: 'Sen',
      roles: ['leser'],
    });
    expect(fresh.status, fresh.text).toBe(201);
    expect(
      (await admin.request('GET', `${BASE}/invitations`)).body.invitations.filter(
        (i: { email: string }) => i.email === 'sen@porsgrunn.test',
      ),
    ).toHaveLength(1);
  });

  it('keeps each municipality’s invitations to itself', async () => {
    const invited = await admin.request('POST', `${BASE}/users`, {
      email: 'mine@porsgrunn.test',
      name: 'Mine',
      roles: ['leser'],
    });
    const skien = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4003', roles: ['admin'] }),
    );
    const list = await skien.request('GET', '/api/v1/staff/m/4003/admin/invitations');
    expect(list.body.invitations.map((i: { id: string }) => i.id)).not.toContain(invited.body.id);
    expect(
      (await skien.request('POST', `/api/v1/staff/m/4003/admin/invitations/${invited.body.id}/resend`))
        .status,
    ).toBe(404);
    expect(
      (await skien.request('DELETE', `/api/v1/staff/m/4003/admin/invitations/${invited.body.id}`)).status,
    ).toBe(404);
    expect((await skien.request('DELETE', `${BASE}/invitations/${invited.body.id}`)).status).toBe(403);
  });

  it('is a use case the operator’s command line can call, without an inviting administrator', async () => {
    const deps = {
      db: t.ctx.db.db,
      boss: t.ctx.jobs.boss,
      emailConfigured: true,
      publicUrl: t.ctx.config.publicUrl,
    };
    const made = await createInvitation(deps, {
      kommunenummer: '4003',
      email: 'First.Admin@Skien.test',
      name: 'Første Admin',
      roles: ['admin'],
      invitedBy: null,
    });
    expect(made.link).toBe(`http://meld.test/admin/invitation?token=${made.token}`);
    const [audit] = await queryRows<{ actor_id: string | null; kommunenummer: string }>(
      t.ctx.db.db,
      sql`select actor_id, kommunenummer from audit_log where action = 'invitation.created' and entity_id = ${made.invitationId}`,
    );
    expect(audit).toEqual({ actor_id: null, kommunenummer: '4003' });
    expect(await tokenFromMail(smtp, 'first.admin@skien.test', '/admin/invitation')).toBe(made.token);
    await expect(
      createInvitation(deps, {
        kommunenummer: '9999',
        email: 'x@y.test',
        name: 'X',
        roles: ['admin'],
        invitedBy: null,
      }),
    ).rejects.toMatchObject({ status: 404, code: 'municipality_not_found' });
    await expect(
      createInvitation(deps, {
        kommunenummer: '4003',
        email: 'x@y.test',
        name: 'X',
        roles: ['admin'],
        teamIds: ['nope'],
        invitedBy: adminId,
      }),
    ).rejects.toMatchObject({ status: 400, code: 'invalid_change' });
  });
});

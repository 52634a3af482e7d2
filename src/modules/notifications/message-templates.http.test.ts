// Message templates in administration: list, override, reset, preview, audit, and that the relay
// then sends the municipality's own wording.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality } from '../../../test/support/factories.ts';
import { postReport, waitUntil } from '../../../test/support/notifications.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { type StaffAlertTestApp, startStaffAlertApp } from '../../../test/support/staff-alerts.ts';
import { queryRows } from '../../db/client.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { DEFAULT_TEMPLATES, MESSAGE_KINDS } from './default-templates.ts';
import { loadSampleFacts, TEMPLATE_CHANNELS } from './message-template-queries.ts';
import { templateProblems } from './message-template-rules.ts';

const BASE = '/api/v1/staff/m/4001/admin/message-templates';

describe.each(databaseKinds())('message templates (%s)', (kind) => {
  let t: StaffAlertTestApp;
  let admin: StaffClient;
  let adminId: string;

  async function audit(action: string) {
    return queryRows<{ entity_id: string; before: unknown; after: unknown; actor_id: string }>(
      t.ctx.db.db,
      sql`select entity_id, before, after, actor_id from audit_log where action = ${action} order by id`,
    );
  }

  beforeAll(async () => {
    t = await startStaffAlertApp(kind, {});
    const user = await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] });
    adminId = user.id;
    admin = await logInAs(t, user);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every built-in text passes the checks an override must pass', async () => {
    const facts = await loadSampleFacts(t.ctx.db.db, '4001', {
      publicUrl: 'http://meld.test',
      secret: t.ctx.secret,
    });
    for (const language of LANGUAGES)
      for (const k of MESSAGE_KINDS)
        for (const channel of TEMPLATE_CHANNELS) {
          const problems = templateProblems(
            facts,
            DEFAULT_TEMPLATES[language][k][channel],
            k,
            channel,
            language,
          );
          expect(problems.map((p) => `${k}/${channel}/${language}: ${p.message.en}`)).toEqual([]);
        }
  });

  it('lists every kind × channel × language with the built-in text', async () => {
    const response = await admin.request('GET', BASE);
    expect(response.status).toBe(200);
    const templates = response.body.templates as {
      kind: string;
      channel: string;
      language: string;
      placeholders: string[];
      default: { subject: string | null; body: string };
      override: unknown;
    }[];
    expect(templates).toHaveLength(MESSAGE_KINDS.length * 2 * 3);
    const receipt = templates.find(
      (x) => x.kind === 'receipt' && x.channel === 'email' && x.language === 'nb',
    );
    expect(receipt?.default.subject).toBe('Vi har mottatt meldingen din {ref}');
    expect(receipt?.override).toBeNull();
    const sms = templates.find(
      (x) => x.kind === 'public_reply' && x.channel === 'sms' && x.language === 'en',
    );
    expect(sms?.placeholders).not.toContain('message');
    expect(templates.find((x) => x.kind === 'forwarded')?.placeholders).toContain('forwardedTo');
  });

  it('saves an override that the relay then sends, audits it, and an empty body resets it', async () => {
    const saved = await admin.request('PUT', `${BASE}/receipt/email/nb`, {
      subject: 'Takk for meldingen {ref}',
      body: 'Hei! Vi har fått meldingen om {category}.\n\nFølg den her: {link}',
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.override).toMatchObject({ subject: 'Takk for meldingen {ref}' });
    const listed = (await admin.request('GET', BASE)).body.templates.find(
      (x: { kind: string; channel: string; language: string }) =>
        x.kind === 'receipt' && x.channel === 'email' && x.language === 'nb',
    );
    expect(listed.override.body).toBe('Hei! Vi har fått meldingen om {category}.\n\nFølg den her: {link}');
    const [entry] = await audit('message_template.updated');
    expect(entry).toMatchObject({
      entity_id: 'receipt:email:nb',
      before: null,
      after: { subject: 'Takk for meldingen {ref}' },
      actor_id: adminId,
    });

    // The relay uses it (no SMTP here: the message waits in the outbox).
    const report = await postReport(t);
    const [message] = await waitUntil('the receipt', async () => {
      const rows = await queryRows<{ subject: string; body_text: string; status: string }>(
        t.ctx.db.db,
        sql`select subject, body_text, status from messages where report_id = ${report.id}::uuid and kind = 'receipt'`,
      );
      return rows.length > 0 && rows;
    });
    expect(message?.subject).toBe(`Takk for meldingen ${report.ref}`);
    expect(message?.body_text).toContain('Hei! Vi har fått meldingen om Vannlekkasje.');
    expect(message?.status).toBe('outbox');

    const reset = await admin.request('PUT', `${BASE}/receipt/email/nb`, { body: '  ' });
    expect(reset.status).toBe(200);
    expect(reset.body.override).toBeNull();
    expect(await audit('message_template.reset')).toEqual([
      expect.objectContaining({ entity_id: 'receipt:email:nb', after: null }),
    ]);
    expect(
      (await admin.request('GET', BASE)).body.templates.every(
        (x: { override: unknown }) => x.override === null,
      ),
    ).toBe(true);
    // Resetting what is not there changes and audits nothing.
    expect((await admin.request('PUT', `${BASE}/receipt/email/nb`, { body: '' })).status).toBe(200);
    expect(await audit('message_template.reset')).toHaveLength(1);
  });

  it('refuses placeholders the message has no value for, and an SMS longer than two texts', async () => {
    const unknown = await admin.request('PUT', `${BASE}/status_changed/email/en`, {
      body: 'Your report at {address} is now {status}. {link}',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('invalid_template');
    expect(unknown.body.error.details).toEqual([
      expect.objectContaining({ field: 'body', code: 'unknown_placeholder' }),
    ]);
    expect(unknown.body.error.details[0].message).toContain('{address}');

    const smsMessage = await admin.request('PUT', `${BASE}/public_reply/sms/nb`, {
      body: '{municipality}: {message} {link}',
    });
    expect(smsMessage.status).toBe(400);
    expect(smsMessage.body.error.details[0].code).toBe('unknown_placeholder');

    const long = await admin.request(
      'PUT',
      `${BASE}/status_changed/sms/nb`,
      {
        body: `{municipality}: Meldingen {ref} har fått status {status}. ${'Vi jobber med saken. '.repeat(12)}{link}`,
      },
      { 'accept-language': 'en' },
    );
    expect(long.status).toBe(400);
    expect(long.body.error.details).toEqual([
      expect.objectContaining({ field: 'body', code: 'sms_too_long' }),
    ]);
    expect(long.body.error.details[0].message).toMatch(/over the limit of 306/);
    expect(await audit('message_template.updated')).toHaveLength(1);
  });

  it('previews a draft with sample values through the relay’s renderer', async () => {
    const email = await admin.request('POST', `${BASE}/preview`, {
      kind: 'status_changed',
      channel: 'email',
      language: 'nn',
      body: 'Hei! {ref} ({category}) har no status {status}.\n\n{message}\n\n{link}',
    });
    expect(email.status, email.text).toBe(200);
    expect(email.body.subject).toBe('Ny status for meldinga di 4001-2026-00042: Under handsaming');
    expect(email.body.bodyText).toContain('Hei! 4001-2026-00042');
    expect(email.body.bodyText).toContain('http://meld.test/porsgrunn/meldinger/4001-2026-00042?lang=nn');
    expect(email.body.bodyText).toContain('http://meld.test/api/v1/notifications/stop?token=');
    expect(email.body.bodyHtml).toContain('<html lang="nn">');
    expect(email.body.problems).toEqual([]);
    expect(email.body.smsLength).toBeNull();

    const sms = await admin.request('POST', `${BASE}/preview`, {
      kind: 'receipt',
      channel: 'sms',
      language: 'nb',
      body: '',
    });
    expect(sms.body.bodyText).toMatch(
      /^Porsgrunn kommune: Takk! Meldingen din har referanse 4001-2026-00042/,
    );
    expect(sms.body.smsLength).toBeGreaterThan(50);
    expect(sms.body.smsLength).toBeLessThanOrEqual(306);

    const bad = await admin.request(
      'POST',
      `${BASE}/preview`,
      { kind: 'done', channel: 'email', language: 'en', body: 'Done: {nothing}' },
      { 'accept-language': 'en' },
    );
    expect(bad.status).toBe(200);
    expect(bad.body.problems).toEqual([
      { field: 'body', code: 'unknown_placeholder', message: expect.stringContaining('{nothing}') },
    ]);
  });

  it('is for admins of the municipality only', async () => {
    const db = t.ctx.db.db;
    const handler = await logInAs(
      t,
      await buildStaffUser(db, { kommunenummer: '4001', roles: ['saksbehandler'] }),
    );
    expect((await handler.request('GET', BASE)).status).toBe(403);
    expect((await handler.request('PUT', `${BASE}/receipt/email/nb`, { body: 'x {ref}' })).status).toBe(403);
    expect(
      (
        await handler.request('POST', `${BASE}/preview`, {
          kind: 'receipt',
          channel: 'email',
          language: 'nb',
          body: '',
        })
      ).status,
    ).toBe(403);
    await buildMunicipality(db, { kommunenummer: '3806', name: 'Skien' });
    const other = await logInAs(t, await buildStaffUser(db, { kommunenummer: '3806', roles: ['admin'] }));
    expect((await other.request('GET', BASE)).status).toBe(403);
    expect((await other.request('PUT', `${BASE}/receipt/email/nb`, { body: 'x {ref}' })).status).toBe(403);
    expect((await admin.request('PUT', `${BASE}/nonsense/email/nb`, { body: 'x' })).status).toBe(400);
    expect((await t.request('GET', BASE)).status).toBe(401);
  });
});

// Municipality settings, the identity provider's settings and the audit log, over HTTP.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';

const BASE = '/api/v1/staff/m/4001/admin';

describe.each(databaseKinds())('settings administration on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien', slug: 'skien' });
    const user = await buildStaffUser(t.ctx.db.db, {
      kommunenummer: '4001',
      roles: ['admin'],
      name: 'Siri Sjef',
    });
    adminId = user.id;
    admin = await logInAs(t, user);
  });
  afterAll(() => t.close());

  const valid = {
    name: 'Porsgrunn kommune',
    slug: 'porsgrunn',
    languages: ['nb', 'nn', 'en'],
    defaultLanguage: 'nb',
    logoUrl: '/static/porsgrunn.svg',
    brandColor: '#005A8C',
    onCallPhone: '35 54 70 00',
    contactEmail: 'Post@Porsgrunn.kommune.no',
    enabled: true,
  };

  it('reads and changes the settings, and the audit log keeps what changed', async () => {
    const before = await admin.request('GET', `${BASE}/settings`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ kommunenummer: '4001', slug: 'porsgrunn', enabled: true });
    const saved = await admin.request('PUT', `${BASE}/settings`, { ...valid, slug: 'porsgrunn-kommune' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      slug: 'porsgrunn-kommune',
      brandColor: '#005a8c',
      contactEmail: 'post@porsgrunn.kommune.no',
      logoUrl: '/static/porsgrunn.svg',
    });
    // The public pages answer at the new address.
    expect((await t.request('GET', '/porsgrunn-kommune')).status).toBe(200);
    const audit = await admin.request('GET', `${BASE}/audit?limit=1`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'municipality.updated',
      entityType: 'municipality',
      entityId: '4001',
      actor: { id: adminId, name: 'Siri Sjef' },
      before: expect.objectContaining({ slug: 'porsgrunn' }),
      after: expect.objectContaining({ slug: 'porsgrunn-kommune' }),
    });
    // Nulls clear optional fields.
    const cleared = await admin.request('PUT', `${BASE}/settings`, {
      ...valid,
      logoUrl: null,
      onCallPhone: null,
      contactEmail: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({
      slug: 'porsgrunn',
      logoUrl: null,
      onCallPhone: null,
      contactEmail: null,
    });
  });

  it('refuses a taken slug with 409', async () => {
    const taken = await admin.request(
      'PUT',
      `${BASE}/settings`,
      { ...valid, slug: 'skien' },
      { 'accept-language': 'en' },
    );
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slug_taken');
    expect(taken.body.error.message).toContain('"skien"');
  });

  it('explains every broken rule at once: slug, default language, contrast, logo and email', async () => {
    const refused = await admin.request(
      'PUT',
      `${BASE}/settings`,
      {
        ...valid,
        slug: 'Porsgrunn--By',
        languages: ['nn', 'en'],
        defaultLanguage: 'nb',
        brandColor: '#FFD700',
        logoUrl: 'http://example.com/logo.png',
        contactEmail: 'not an address',
      },
      { 'accept-language': 'en' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'slug',
      'defaultLanguage',
      'brandColor',
      'logoUrl',
      'contactEmail',
    ]);
    expect(refused.body.error.details[2].message).toMatch(/contrast .*:1, at least 4.5:1/);
    // A protocol-relative logo is another host: refused too.
    const protocolRelative = await admin.request('PUT', `${BASE}/settings`, {
      ...valid,
      logoUrl: '//evil.example/x.png',
    });
    expect(protocolRelative.status).toBe(400);
    // A colour just dark enough passes; one just too light fails.
    expect((await admin.request('PUT', `${BASE}/settings`, { ...valid, brandColor: '#767676' })).status).toBe(
      200,
    );
    expect((await admin.request('PUT', `${BASE}/settings`, { ...valid, brandColor: '#777777' })).status).toBe(
      400,
    );
    // Unknown languages never reach the use case.
    expect(
      (await admin.request('PUT', `${BASE}/settings`, { ...valid, languages: ['nb', 'se'] })).status,
    ).toBe(400);
  });

  it('keeps the identity provider’s client secret write-only, out of answers and the audit log', async () => {
    const none = await admin.request('GET', `${BASE}/oidc`);
    expect(none.body).toMatchObject({
      configured: false,
      enabled: false,
      hasClientSecret: false,
      redirectUri: 'http://meld.test/api/v1/staff/oidc/callback',
    });
    const body = {
      issuer: 'https://login.microsoftonline.com/tenant-id/v2.0',
      clientId: 'meldepunkt-client',
      label: 'Porsgrunn kommune (Entra ID)',
      enabled: true,
    };
    const noSecret = await admin.request('PUT', `${BASE}/oidc`, body);
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.error.code).toBe('client_secret_required');
    const saved = await admin.request('PUT', `${BASE}/oidc`, { ...body, clientSecret: 'top-secret-value' });
    expect(saved.status).toBe(200);
    expect(saved.text).not.toContain('top-secret-value');
    expect(saved.body).toMatchObject({
      configured: true,
      hasClientSecret: true,
      clientId: 'meldepunkt-client',
    });
    // Leaving the secret out keeps it.
    const relabelled = await admin.request('PUT', `${BASE}/oidc`, { ...body, label: 'Logg inn med Entra' });
    expect(relabelled.status).toBe(200);
    const [row] = await queryRows<{ client_secret: string; label: string }>(
      t.ctx.db.db,
      sql`select client_secret, label from oidc_providers where kommunenummer = '4001'`,
    );
    // Stored encrypted: the row never holds the secret itself.
    expect(row?.label).toBe('Logg inn med Entra');
    expect(row?.client_secret).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(row?.client_secret).not.toContain('top-secret-value');
    expect(t.ctx.keyring.decrypt(row?.client_secret ?? '', 'oidc_providers.client_secret:4001')).toBe(
      'top-secret-value',
    );
    const read = await admin.request('GET', `${BASE}/oidc`);
    expect(read.text).not.toContain('top-secret-value');
    const audit = await admin.request('GET', `${BASE}/audit?limit=5`);
    expect(audit.text).not.toContain('top-secret-value');
    expect(audit.body.items[1]).toMatchObject({
      action: 'oidc_provider.updated',
      after: expect.objectContaining({ clientSecretChanged: true }),
    });
    const options = await t.request('GET', '/api/v1/staff/login-options');
    expect(options.body.oidc).toEqual([
      { kommunenummer: '4001', name: 'Logg inn med Entra', startUrl: '/api/v1/staff/oidc/4001/start' },
    ]);
    // Plain http only for a loopback issuer (tests, local development)…
    const http = await admin.request('PUT', `${BASE}/oidc`, { ...body, issuer: 'http://idp.example.com' });
    expect(http.status).toBe(400);
    // …and loopback, private and link-local addresses only with OIDC_ALLOW_PRIVATE_ISSUERS (off here).
    for (const issuer of [
      'http://127.0.0.1:9999',
      'http://localhost:9999',
      'https://169.254.169.254',
      'https://[::ffff:10.0.0.1]',
    ]) {
      const local = await admin.request('PUT', `${BASE}/oidc`, { ...body, issuer, enabled: false });
      expect(local.status, issuer).toBe(422);
      expect(local.body.error.code).toBe('issuer_not_public');
      expect(local.body.error.details[0].field).toBe('issuer');
    }
  });

  it('pages through the audit log newest first with a cursor, only this municipality’s entries', async () => {
    await queryRows(
      t.ctx.db.db,
      sql`insert into audit_log (kommunenummer, actor_id, action, entity_type, entity_id)
        select '4001', null, 'test.entry', 'test', g::text from generate_series(1, 7) g`,
    );
    await queryRows(
      t.ctx.db.db,
      sql`insert into audit_log (kommunenummer, action, entity_type, entity_id) values ('4003', 'test.elsewhere', 'test', 'x')`,
    );
    const first = await admin.request('GET', `${BASE}/audit?limit=4`);
    expect(first.body.items.map((i: { entityId: string }) => i.entityId)).toEqual(['7', '6', '5', '4']);
    expect(first.body.items[0].actor).toBeNull();
    const second = await admin.request('GET', `${BASE}/audit?limit=4&cursor=${first.body.nextCursor}`);
    expect(second.body.items.slice(0, 3).map((i: { entityId: string }) => i.entityId)).toEqual([
      '3',
      '2',
      '1',
    ]);
    const everything = [];
    let cursor: string | null = null;
    do {
      const page = await admin.request('GET', `${BASE}/audit?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      everything.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(everything.some((i: { action: string }) => i.action === 'test.elsewhere')).toBe(false);
  });
});

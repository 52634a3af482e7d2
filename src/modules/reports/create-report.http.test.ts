import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import {
  buildCategory,
  buildMunicipality,
  buildPorsgrunn,
  buildReportBody,
  PLACES,
} from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { reportContacts, reportEvents, reports } from './schema.ts';
import { hashTrackingToken } from './tracking-token.ts';

describe.each(databaseKinds())('POST /api/v1/reports on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    // Skien is a neighbour that exists as a tenant but has not switched the service on.
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien', enabled: false });
  });
  afterAll(() => t.close());

  it('creates a report with a reference, a tracking token and everything stored apart', async () => {
    const res = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    expect(res.status).toBe(201);
    const year = new Date().getUTCFullYear();
    expect(res.body.ref).toMatch(new RegExp(`^4001-(${year}|${year + 1})-\\d{5}$`));
    expect(res.body.status).toBe('mottatt');
    expect(res.body.trackingToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.trackingUrl).toBe(
      `http://meld.test/porsgrunn/meldinger/${res.body.ref}?token=${res.body.trackingToken}`,
    );

    const db = t.ctx.db.db;
    const [report] = await db.select().from(reports).where(eq(reports.id, res.body.id));
    expect(report).toMatchObject({
      kommunenummer: '4001',
      status: 'mottatt',
      channel: 'api',
      lat: 59.14,
      lon: 9.66,
    });
    // Only the hash of the token is stored.
    expect(report?.trackingTokenHash.equals(hashTrackingToken(res.body.trackingToken))).toBe(true);
    const stored = JSON.stringify(await db.select().from(reports));
    expect(stored).not.toContain(res.body.trackingToken);
    expect(stored).not.toContain('kari@example.no');
    // Due time comes from the category's deadline (24 h for a leak).
    expect((report?.dueAt?.getTime() ?? 0) - (report?.createdAt.getTime() ?? 0)).toBe(24 * 3600_000);

    const [contact] = await db.select().from(reportContacts).where(eq(reportContacts.reportId, res.body.id));
    expect(contact).toMatchObject({
      name: 'Kari Nordmann',
      email: 'kari@example.no',
      phone: '+4791234567',
      notify: 'email',
      language: 'nb',
    });
    const events = await db.select().from(reportEvents).where(eq(reportEvents.reportId, res.body.id));
    expect(events).toMatchObject([{ kind: 'received', public: true, status: 'mottatt' }]);

    // Nothing else joins the intake transaction: the worker reads the event (the outbox) later.
    const jobs = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from pgboss.job where data->>'reportId' = ${res.body.id}`,
    );
    expect(jobs).toEqual([{ n: 0 }]);
  });

  it('numbers references consecutively within the municipality and year', async () => {
    const a = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    const b = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    const n = (ref: string) => Number(ref.split('-')[2]);
    expect(n(b.body.ref)).toBe(n(a.body.ref) + 1);
  });

  it('derives the municipality from the location and accepts a matching one', async () => {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ municipality: '4001' }),
    });
    expect(res.status).toBe(201);
  });

  it("refuses a place in Oslo with a message naming Oslo, in the caller's language", async () => {
    const body = buildReportBody({ location: PLACES.osloCityHall });
    const nb = await t.request('POST', '/api/v1/reports', { body });
    expect(nb.status).toBe(422);
    expect(nb.body.error.code).toBe('municipality_not_in_service');
    expect(nb.body.error.message).toContain('Oslo kommune');
    expect(nb.body.error.message).toContain('ikke bruker denne tjenesten');
    const en = await t.request('POST', '/api/v1/reports', {
      body,
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.body.error.message).toBe(
      'The place is in Oslo municipality, which does not use this service. Please contact Oslo municipality directly.',
    );
    const nn = await t.request('POST', '/api/v1/reports', { body, headers: { 'accept-language': 'nn' } });
    expect(nn.body.error.message).toContain('ikkje brukar denne tenesta');
  });

  it('refuses a municipality that is a tenant but not enabled', async () => {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ location: PLACES.skien }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('municipality_unavailable');
    expect(res.body.error.message).toContain('Skien');
  });

  it('refuses a place outside Norway', async () => {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ location: PLACES.stockholm }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('location_outside_norway');
  });

  it('refuses a location that is not in the municipality the client named', async () => {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ municipality: '4003', location: PLACES.porsgrunn }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('Stedet ligger i Porsgrunn kommune, ikke i Skien.');
  });

  it('takes a report with an address and no map point (the accessible path)', async () => {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({
        location: undefined,
        municipality: '4001',
        address: 'Storgata 120, ved bussholdeplassen',
      }),
    });
    expect(res.status).toBe(201);
    const [row] = await t.ctx.db.db.select().from(reports).where(eq(reports.id, res.body.id));
    expect(row).toMatchObject({ lat: null, lon: null, address: 'Storgata 120, ved bussholdeplassen' });
  });

  it('asks for a place when there is neither a point nor an address', async () => {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ location: undefined }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('location_required');
  });

  it('collects every problem with the report in one answer', async () => {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({
        category: 'avlop-kumlokk',
        description: '   ',
        answers: { tilstand: 'borte', ukjent: 'x' },
        contact: { email: 'not-an-email', notify: 'sms' },
      }),
    });
    expect(res.status).toBe(422);
    const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual([
      'answers.tilstand',
      'answers.ukjent',
      'contact.email',
      'contact.phone',
      'description',
    ]);
  });

  it('refuses an unknown category and an inactive one', async () => {
    const unknown = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ category: 'finnes-ikke' }),
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0]).toMatchObject({ field: 'category', code: 'unknown_category' });

    const inactive = await buildCategory(t.ctx.db.db, { kommunenummer: '4001', active: false });
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ category: inactive.code, answers: {} }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ field: 'category', code: 'inactive_category' });
  });

  it('checks answers by type and stores them in their JSON type', async () => {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({
        category: 'avlop-tilbakeslag',
        answers: { 'kloakk-i-kjeller': 'ja', 'vanndybde-cm': '12,5' },
      }),
    });
    expect(res.status).toBe(201);
    const [row] = await t.ctx.db.db.select().from(reports).where(eq(reports.id, res.body.id));
    expect(row?.answers).toEqual({ 'kloakk-i-kjeller': true, 'vanndybde-cm': 12.5 });

    const bad = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({
        category: 'avlop-tilbakeslag',
        answers: { 'kloakk-i-kjeller': 'kanskje', 'vanndybde-cm': 900 },
      }),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { code: string }) => d.code).sort()).toEqual([
      'invalid_type',
      'out_of_range',
    ]);
  });

  it('marks a report acute by category, or by an answer option marked acute', async () => {
    const acuteCategory = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ category: 'avlop-tilbakeslag', answers: { 'kloakk-i-kjeller': true } }),
    });
    expect(acuteCategory.body.acute).toBe(true);
    const missingCover = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ category: 'avlop-kumlokk', answers: { tilstand: 'mangler' } }),
    });
    expect(missingCover.body.acute).toBe(true);
    const looseCover = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ category: 'avlop-kumlokk', answers: { tilstand: 'lost' } }),
    });
    expect(looseCover.body.acute).toBe(false);
  });

  it('requires a way to reach the reporter when the category needs it, and is anonymous otherwise', async () => {
    const needs = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ category: 'vann-lukt-smak', answers: {}, contact: { name: 'Ola' } }),
    });
    expect(needs.status).toBe(422);
    expect(needs.body.error.details[0]).toMatchObject({ field: 'contact', code: 'required' });

    const anonymous = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ contact: undefined }),
    });
    expect(anonymous.status).toBe(201);
    const contacts = await t.ctx.db.db
      .select()
      .from(reportContacts)
      .where(eq(reportContacts.reportId, anonymous.body.id));
    expect(contacts).toEqual([]);
  });

  it('answers malformed requests with a 4xx in the error shape', async () => {
    const cases: { body: string; headers: Record<string, string>; status: number; code: string }[] = [
      { body: '{"category":', headers: {}, status: 400, code: 'invalid_json' },
      {
        body: 'category=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        status: 415,
        code: 'unsupported_media_type',
      },
      {
        body: JSON.stringify(buildReportBody({ description: 'x'.repeat(70_000) })),
        headers: {},
        status: 413,
        code: 'body_too_large',
      },
      {
        body: JSON.stringify({ description: 'no category' }),
        headers: {},
        status: 400,
        code: 'invalid_request',
      },
      {
        body: JSON.stringify(buildReportBody({ location: { lat: 95, lon: 9 } })),
        headers: {},
        status: 400,
        code: 'invalid_request',
      },
      {
        body: JSON.stringify(buildReportBody({ description: 'x'.repeat(4001) })),
        headers: {},
        status: 422,
        code: 'invalid_report',
      },
    ];
    for (const c of cases) {
      const res = await t.request('POST', '/api/v1/reports', { body: c.body, headers: c.headers });
      expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: c.status, code: c.code });
      expect(typeof res.body.error.message).toBe('string');
    }
    const missing = await t.request('POST', '/api/v1/reports', {
      body: { description: 'x', location: PLACES.porsgrunn },
    });
    expect(missing.body.error.details).toContainEqual(expect.objectContaining({ field: 'category' }));
  });

  it('leaves nothing behind when a later part of the statement fails (report, contact, event and key commit together)', async () => {
    const { createReport } = await import('./create-report.ts');
    const { describeRequest } = await import('./idempotency.ts');
    const deps = { database: t.ctx.db, catalog: t.ctx.catalog, locator: t.ctx.locator };
    const input = (description: string, email: string) =>
      ({
        category: 'vann-lekkasje',
        location: PLACES.porsgrunn,
        description,
        contact: { email },
        channel: 'api',
        language: 'nb',
      }) as const;
    const key = describeRequest(`atomic-${Date.now()}`, {});
    await createReport(deps, input('Lagres', 'first@example.no'), key);
    const before = await t.ctx.db.db.select({ n: sql<number>`count(*)::int` }).from(reports);
    const eventsBefore = await t.ctx.db.db.select({ n: sql<number>`count(*)::int` }).from(reportEvents);
    // The Idempotency-Key record is the last part of the statement; the same key again violates its
    // primary key in the database, after the report, contact and event were inserted.
    await expect(createReport(deps, input('Skal ikke lagres', 'ghost@example.no'), key)).rejects.toThrow();
    const after = await t.ctx.db.db.select({ n: sql<number>`count(*)::int` }).from(reports);
    expect(after[0]?.n).toBe(before[0]?.n);
    const eventsAfter = await t.ctx.db.db.select({ n: sql<number>`count(*)::int` }).from(reportEvents);
    expect(eventsAfter[0]?.n).toBe(eventsBefore[0]?.n);
    const ghosts = await t.ctx.db.db
      .select()
      .from(reportContacts)
      .where(eq(reportContacts.email, 'ghost@example.no'));
    expect(ghosts).toEqual([]);
  });
});

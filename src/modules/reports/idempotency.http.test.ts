import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeRequest, forgetExpiredAnswers, IDEMPOTENCY_TTL_HOURS } from './idempotency.ts';
import { idempotencyKeys, reports } from './schema.ts';

describe.each(databaseKinds())('Idempotency-Key on POST /api/v1/reports on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  async function countReports(): Promise<number> {
    const [row] = await t.ctx.db.db.select({ n: sql<number>`count(*)::int` }).from(reports);
    return row?.n ?? 0;
  }

  it('returns the first answer again for a retry, without a second report', async () => {
    const key = randomUUID();
    const body = buildReportBody();
    const before = await countReports();
    const first = await t.request('POST', '/api/v1/reports', { body, headers: { 'idempotency-key': key } });
    const second = await t.request('POST', '/api/v1/reports', { body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await countReports()).toBe(before + 1);
  });

  it('refuses the same key with a different body', async () => {
    const key = randomUUID();
    await t.request('POST', '/api/v1/reports', {
      body: buildReportBody(),
      headers: { 'idempotency-key': key },
    });
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ description: 'En annen melding' }),
      headers: { 'idempotency-key': key },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('idempotency_key_reused');
  });

  it('creates one report when the same request arrives many times at once', async () => {
    const key = randomUUID();
    const body = buildReportBody();
    const before = await countReports();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.request('POST', '/api/v1/reports', { body, headers: { 'idempotency-key': key } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.body.ref)).size).toBe(1);
    expect(await countReports()).toBe(before + 1);
  });

  it('does not remember failed attempts, so a corrected retry with the same key succeeds', async () => {
    const key = randomUUID();
    const bad = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ category: 'finnes-ikke' }),
      headers: { 'idempotency-key': key },
    });
    expect(bad.status).toBe(422);
    const good = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody(),
      headers: { 'idempotency-key': key },
    });
    expect(good.status).toBe(201);
  });

  it('refuses a malformed key', async () => {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody(),
      headers: { 'idempotency-key': 'kort' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_idempotency_key');
  });

  it('keeps the tracking token out of the database in readable form', async () => {
    const key = randomUUID();
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody(),
      headers: { 'idempotency-key': key },
    });
    const dump = await t.ctx.db.db.execute(
      sql`select encode(key_hash, 'hex') || encode(tracking_token_sealed, 'escape') as row from idempotency_keys`,
    );
    const text = JSON.stringify(dump);
    expect(text).not.toContain(res.body.trackingToken);
    expect(text).not.toContain(key);
  });
});

describe.each(databaseKinds())('forgetting old Idempotency-Key answers on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  it('drops answers older than the retention and keeps newer ones', async () => {
    const oldKey = randomUUID();
    const newKey = randomUUID();
    await t.request('POST', '/api/v1/reports', {
      body: buildReportBody(),
      headers: { 'idempotency-key': oldKey },
    });
    await t.request('POST', '/api/v1/reports', {
      body: buildReportBody(),
      headers: { 'idempotency-key': newKey },
    });
    const keys = await t.ctx.db.db.select().from(idempotencyKeys);
    const oldRow = keys.find((k) => k.keyHash.equals(describeRequest(oldKey, {}).keyHash));
    if (!oldRow) throw new Error('old key not stored');
    await t.ctx.db.db
      .update(idempotencyKeys)
      .set({ createdAt: new Date(Date.now() - (IDEMPOTENCY_TTL_HOURS + 1) * 3600_000) })
      .where(eq(idempotencyKeys.keyHash, oldRow.keyHash));

    await forgetExpiredAnswers(t.ctx.db.db);

    const left = await t.ctx.db.db.select().from(idempotencyKeys);
    expect(left.map((k) => k.keyHash.toString('hex'))).toEqual([
      describeRequest(newKey, {}).keyHash.toString('hex'),
    ]);
  });
});

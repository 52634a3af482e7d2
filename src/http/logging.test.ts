import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPorsgrunn, buildReportBody } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { loggableError } from './errors.ts';
import { redactUrl } from './logging.ts';

describe('redactUrl', () => {
  it('hides the tracking token and keeps the rest of the address', () => {
    expect(redactUrl('/api/v1/reports/4001-2026-00001?token=abc&lang=nn')).toBe(
      '/api/v1/reports/4001-2026-00001?token=REDACTED&lang=nn',
    );
    expect(redactUrl('/api/v1/reports?status=open')).toBe('/api/v1/reports?status=open');
    expect(redactUrl('/healthz')).toBe('/healthz');
  });

  it('hides OIDC codes and states, draft ids, and what a person searched for', () => {
    expect(redactUrl('/api/v1/staff/oidc/callback?code=abc123&state=xyz&iss=https%3A%2F%2Fidp')).toBe(
      '/api/v1/staff/oidc/callback?code=REDACTED&state=REDACTED&iss=https%3A%2F%2Fidp',
    );
    expect(redactUrl('/porsgrunn/meld?utkast=0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b&lang=nn')).toBe(
      '/porsgrunn/meld?utkast=REDACTED&lang=nn',
    );
    expect(redactUrl('/porsgrunn/meld/0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b/send?lang=en')).toBe(
      '/porsgrunn/meld/REDACTED/send?lang=en',
    );
    expect(redactUrl('/x?Token=a&TOKEN=b&email=kari%40example.no&q=Storgata+1')).toBe(
      '/x?Token=REDACTED&TOKEN=REDACTED&email=REDACTED&q=REDACTED',
    );
  });
});

describe('request logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    t = await startTestApp('pglite', {}, { logStream: stream });
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  it('never contain a tracking token or contact details, and carry unique request ids', async () => {
    const created = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    const tracked = await t.request(
      'GET',
      `/api/v1/reports/${created.body.ref}?token=${created.body.trackingToken}`,
    );
    const traced = await t.request('GET', '/healthz', { headers: { 'x-request-id': 'proxy-1234' } });
    const hostile = await t.request('GET', '/healthz', {
      headers: { 'x-request-id': `${'x'.repeat(200)}<script>` },
    });
    // A request's line is written once its answer is out; wait for the tracked report's (the
    // /healthz requests after it log only warnings, so they write none).
    const trackedId = tracked.headers.get('x-request-id');
    expect(trackedId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => lines.some((line) => line.includes(trackedId ?? 'missing'))).toBe(true);

    const log = lines.join('\n');
    expect(log).toContain(`/api/v1/reports/${created.body.ref}?token=REDACTED`);
    expect(log).not.toContain(created.body.trackingToken);
    expect(log).not.toContain('kari@example.no');
    expect(traced.headers.get('x-request-id')).toBe('proxy-1234');
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('loggableError', () => {
  it('keeps what locates a database fault and drops the statement, its parameters and the row', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = new PGlite();
    await db.exec('create table contacts (email text not null, phone text check (phone like $$+%$$))');
    let caught: unknown;
    try {
      await db.query('insert into contacts (email, phone) values ($1, $2)', ['kari@example.no', '91234567']);
    } catch (error) {
      caught = error;
    }
    await db.close();
    expect(JSON.stringify(caught)).toContain('kari@example.no');
    const logged = JSON.stringify(loggableError(caught));
    expect(logged).not.toContain('kari@example.no');
    expect(logged).not.toContain('91234567');
    expect(loggableError(caught)).toMatchObject({ code: '23514', table: 'contacts' });
  });

  it("drops Drizzle's parameters from the message and the stack, and PostgreSQL's quoted values", async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { sql } = await import('drizzle-orm');
    const client = new PGlite();
    const db = drizzle(client);
    let caught: unknown;
    try {
      await db.execute(sql`select ${'kari@example.no'}::uuid, ${'+4791234567'}::text`);
    } catch (error) {
      caught = error;
    }
    await client.close();
    expect((caught as Error).message).toContain('kari@example.no');
    expect((caught as Error).stack).toContain('kari@example.no');
    const logged = JSON.stringify(loggableError(caught));
    expect(logged).not.toContain('kari@example.no');
    expect(logged).not.toContain('91234567');
    expect(loggableError(caught)).toMatchObject({
      type: 'DrizzleQueryError',
      message: expect.stringContaining('Failed query: select $1::uuid'),
      cause: { code: '22P02', message: 'invalid input syntax for type uuid' },
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe('rate limit on report submissions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { reportRateLimitPerMinute: 3 });
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  it('answers 429 with a readable message once a client sends too many', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestApp['request']>> | undefined;
    for (let i = 0; i < 5; i++) {
      last = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(last?.body.error.code).toBe('rate_limited');
    expect(last?.body.error.message).toMatch(/^For mange forespørsler\. Prøv igjen om \d+ sekunder\.$/);
    expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
    // Reading is not limited.
    expect((await t.request('GET', '/api/v1/reports')).status).toBe(200);
  });
});

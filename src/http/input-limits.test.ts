// Every route's input schemas are bounded: no string without maxLength, no array without
// maxItems, no record without maxProperties. Fastify's bodyLimit bounds a body as a whole; these
// bound each field, so no single value can be large enough to be slow to check or to store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unboundedInputs } from '../../test/support/schema-limits.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

describe('input schemas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(() => t.close());

  it('are listed for every route', () => {
    const urls = t.app.inputRoutes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('POST /api/v1/reports');
    expect(urls).toContain('POST /api/v1/staff/m/:kommunenummer/front-desk/caller');
    expect(t.app.inputRoutes.length).toBeGreaterThan(80);
  });

  it('bound every string, array and record', () => {
    const problems = t.app.inputRoutes.flatMap((route) =>
      (['body', 'querystring', 'params', 'headers'] as const).flatMap((part) =>
        unboundedInputs(route.schema?.[part], `${route.method} ${route.url} ${part}`),
      ),
    );
    expect(problems).toEqual([]);
  });
});

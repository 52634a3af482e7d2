// Whatever a client sends to POST /api/v1/reports, the answer is never a server error: random
// bodies (valid-ish and garbage alike) get a 201 or a 4xx in the error shape.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const categoryCodes = [
  'vann-lekkasje',
  'avlop-kumlokk',
  'avlop-tilbakeslag',
  'vann-lukt-smak',
  'vann-misfarget',
  'ukjent',
];

const nearlyValidBody = fc.record(
  {
    category: fc.oneof(fc.constantFrom(...categoryCodes), fc.string()),
    municipality: fc.oneof(fc.constantFrom('4001', '0301', '4003', '9999'), fc.string({ maxLength: 6 })),
    location: fc.oneof(
      fc.record({
        lat: fc.double({ min: 57, max: 72, noNaN: true }),
        lon: fc.double({ min: 4, max: 32, noNaN: true }),
      }),
      fc.record({ lat: fc.double(), lon: fc.double() }),
      fc.record({ lat: fc.constant(59.14), lon: fc.constant(9.66) }),
      fc.anything(),
    ),
    address: fc.oneof(fc.string(), fc.anything()),
    description: fc.oneof(fc.string({ maxLength: 5000 }), fc.string({ unit: 'binary' }), fc.anything()),
    answers: fc.oneof(
      fc.dictionary(
        fc.constantFrom('tilstand', 'mengde', 'sted', 'kloakk-i-kjeller', 'vanndybde-cm', 'x'),
        fc.jsonValue(),
      ),
      fc.anything(),
    ),
    contact: fc.oneof(
      fc.record(
        {
          name: fc.oneof(fc.string(), fc.anything()),
          email: fc.oneof(fc.emailAddress(), fc.string()),
          phone: fc.oneof(fc.constant('912 34 567'), fc.string()),
          notify: fc.oneof(fc.constantFrom('email', 'sms', 'none'), fc.string()),
          language: fc.oneof(fc.constantFrom('nb', 'nn', 'en'), fc.string()),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

/** A valid report with one field replaced by something random (or removed). */
const validWithOneChange = fc
  .record({
    field: fc.constantFrom(
      'category',
      'location',
      'address',
      'description',
      'answers',
      'contact',
      'municipality',
    ),
    value: fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.string()),
    keep: fc.boolean(),
  })
  .map(({ field, value, keep }) => {
    const valid: Record<string, unknown> = {
      category: 'vann-lekkasje',
      location: { lat: 59.14, lon: 9.66 },
      description: 'Det lekker',
      answers: { mengde: 'renner' },
      contact: { email: 'kari@example.no' },
    };
    if (!keep) valid[field] = value;
    return JSON.stringify(valid);
  });

const body = fc.oneof(
  { weight: 3, arbitrary: validWithOneChange },
  { weight: 3, arbitrary: nearlyValidBody.map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string() },
);

describe.each(databaseKinds())('POST /api/v1/reports with random bodies on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  it('never answers with a 5xx, and every error has the common shape', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const res = await t.request('POST', '/api/v1/reports', {
          body: text,
          headers: { 'content-type': 'application/json' },
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(typeof res.body.error.code).toBe('string');
          expect(typeof res.body.error.message).toBe('string');
          expect(Array.isArray(res.body.error.details)).toBe(true);
        } else {
          expect(res.status).toBe(201);
        }
      }),
      { numRuns: 300 },
    );
    // The generator reaches both the happy path and the refusals.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].some((s) => s === 422)).toBe(true);
  });
});

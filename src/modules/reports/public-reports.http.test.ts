import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildCategory, buildPorsgrunn, buildReportBody, PLACES } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const CONTACT = {
  name: 'Per Hemmelig',
  email: 'per.hemmelig@example.no',
  phone: '+47 934 56 789',
  notify: 'sms',
};

describe.each(databaseKinds())('public report views on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  async function submit(overrides: Record<string, unknown> = {}) {
    const res = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ contact: CONTACT, ...overrides }),
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; ref: string; trackingToken: string };
  }

  it('shows the public view of a report and never its contact details', async () => {
    const created = await submit();
    const res = await t.request('GET', `/api/v1/reports/${created.ref}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ref: created.ref,
      municipality: { kommunenummer: '4001', name: 'Porsgrunn' },
      category: { code: 'vann-lekkasje', name: 'Vannlekkasje', group: 'Vann' },
      status: 'mottatt',
      statusText: 'Mottatt',
      open: true,
      location: PLACES.porsgrunn,
      description: 'Vann renner opp av asfalten ved fortauskanten.',
      history: [{ kind: 'received', status: 'mottatt', statusText: 'Mottatt', message: null }],
    });
    expect(res.body.reporter).toBeUndefined();
    for (const secret of [
      'Per Hemmelig',
      'per.hemmelig',
      '93456789',
      '4793456789',
      created.trackingToken,
      created.id,
    ]) {
      expect(res.text).not.toContain(secret);
    }
  });

  it('shows the reporter their own choices with the tracking token, and refuses a wrong token', async () => {
    const created = await submit();
    const mine = await t.request('GET', `/api/v1/reports/${created.ref}?token=${created.trackingToken}`);
    expect(mine.status).toBe(200);
    expect(mine.body.reporter).toEqual({
      name: 'Per Hemmelig',
      email: 'per.hemmelig@example.no',
      phone: '+4793456789',
      notify: 'sms',
      language: 'nb',
    });
    const wrong = await t.request('GET', `/api/v1/reports/${created.ref}?token=gjett`);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('tracking_token_invalid');
    expect(wrong.text).not.toContain('Per Hemmelig');

    // Another report's token does not open this one.
    const other = await submit();
    const crossed = await t.request('GET', `/api/v1/reports/${created.ref}?token=${other.trackingToken}`);
    expect(crossed.status).toBe(403);
  });

  it('hides the description where the category keeps it private', async () => {
    const created = await submit({
      category: 'vann-lukt-smak',
      answers: {},
      description: 'Privat helseopplysning',
    });
    const res = await t.request('GET', `/api/v1/reports/${created.ref}`);
    expect(res.body.description).toBeNull();
    expect(res.text).not.toContain('Privat helseopplysning');
  });

  it('speaks the asked language', async () => {
    const created = await submit();
    const nn = await t.request('GET', `/api/v1/reports/${created.ref}`, {
      headers: { 'accept-language': 'nn' },
    });
    expect(nn.body).toMatchObject({
      statusText: 'Motteken',
      category: { name: 'Vasslekkasje', group: 'Vatn' },
    });
    const en = await t.request('GET', `/api/v1/reports/${created.ref}?lang=en`);
    expect(en.body).toMatchObject({
      statusText: 'Received',
      category: { name: 'Water leak', group: 'Water' },
    });
  });

  it('answers 404 for an unknown reference and 400 for a malformed one', async () => {
    const missing = await t.request('GET', '/api/v1/reports/4001-2026-99999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Finner ingen melding med referanse 4001-2026-99999.');
    const malformed = await t.request('GET', '/api/v1/reports/not-a-ref');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_request');
  });

  it('lists reports by bounding box, status and category, page by page, without personal data', async () => {
    const cat = await buildCategory(t.ctx.db.db, { kommunenummer: '4001' });
    const refs: string[] = [];
    for (let i = 0; i < 7; i++) {
      const created = await submit({
        category: cat.code,
        answers: {},
        location: { lat: 59.13 + i * 0.001, lon: 9.65 + i * 0.001 },
      });
      refs.push(created.ref);
    }
    // One far away in the same municipality, outside the box.
    await submit({ category: cat.code, answers: {}, location: { lat: 59.05, lon: 9.7 } });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = `bbox=9.64,59.12,9.67,59.15&category=${cat.code}&status=open&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.request('GET', `/api/v1/reports?${query}`);
      expect(res.status).toBe(200);
      expect(res.body.reports.length).toBeLessThanOrEqual(3);
      for (const r of res.body.reports) {
        expect(Object.keys(r).sort()).toEqual([
          'acute',
          'address',
          'category',
          'createdAt',
          'location',
          'municipality',
          'open',
          'ref',
          'status',
          'statusText',
          'updatedAt',
        ]);
        seen.push(r.ref);
      }
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...refs].reverse());
    expect(JSON.stringify(seen)).not.toContain('per.hemmelig');

    const closed = await t.request('GET', `/api/v1/reports?category=${cat.code}&status=closed`);
    expect(closed.body.reports).toEqual([]);
    const explicit = await t.request('GET', `/api/v1/reports?category=${cat.code}&status=mottatt,utfort`);
    expect(explicit.body.reports).toHaveLength(8);
  });

  it('refuses bad list parameters with a 400 that says what is wrong', async () => {
    for (const [query, code] of [
      ['bbox=1,2,3', 'invalid_bbox'],
      ['bbox=10,60,9,59', 'invalid_bbox'],
      ['bbox=a,b,c,d', 'invalid_bbox'],
      ['status=brent', 'invalid_status'],
      ['cursor=bm90LWpzb24', 'invalid_cursor'],
      ['limit=0', 'invalid_request'],
      ['limit=100000', 'invalid_request'],
    ] as const) {
      const res = await t.request('GET', `/api/v1/reports?${query}`);
      expect({ query, status: res.status, code: res.body.error?.code }).toEqual({ query, status: 400, code });
    }
  });
});

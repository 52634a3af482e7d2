// The worst a resident (or anyone) can send, to every public text field: strings built to make a
// backtracking regular expression take seconds ("a@" + "." × n + "@" stalled the email check for
// 8.6 s), at each field's limit and far past it, and strings with control characters. While each
// such request is in flight the server must keep answering /healthz within 100 ms, the request
// itself must be answered quickly, and never with a 5xx.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { queryRows } from '../db/client.ts';
import { seedAddressesIfEmpty } from '../modules/geo/local-addresses.ts';
import {
  FIX_CHECK_PATH,
  hashFixCheckToken,
  issueFixCheckToken,
} from '../modules/notifications/fix-check-token.ts';
import { REPORT_FORM_FIELDS } from '../modules/web/report-form/submit-form.ts';

/** The shape that makes `x+@x+\.x+$`-like expressions backtrack: many dots, and no end that fits. */
function evil(length: number): string {
  return `a@${'.'.repeat(Math.max(1, length - 3))}@`;
}

const HEALTHZ_BOUND_MS = 100;
const REQUEST_BOUND_MS = 3000;

interface Hostile {
  name: string;
  send(): Promise<Response>;
}

describe.each(databaseKinds())('hostile input on %s', (kind) => {
  let t: TestApp;
  let ref = '';
  let fixToken = '';

  beforeAll(async () => {
    t = await startTestApp(kind, { mapTileUrl: '' });
    await buildPorsgrunn(t.ctx.db.db);
    await seedAddressesIfEmpty(t.ctx.db.db, '4001');
    const created = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    ref = created.body.ref;
    const [check] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`insert into fix_checks (report_id, token_hash) values (${created.body.id}::uuid, ${Buffer.alloc(32)})
          returning id`,
    );
    fixToken = issueFixCheckToken(t.ctx.secret, check?.id ?? '');
    await t.ctx.db.db.execute(
      sql`update fix_checks set token_hash = ${hashFixCheckToken(fixToken)} where id = ${check?.id ?? ''}::uuid`,
    );
  });
  afterAll(() => t.close());

  /** A page's form token (the report form's or the follow form's). */
  async function tokenFrom(path: string): Promise<string> {
    const html = await (await fetch(`${t.baseUrl}${path}`)).text();
    return /name="_token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  }

  /**
   * Sends the request and, until it is answered, asks /healthz again and again. Returns the
   * slowest /healthz answer and how long the request took.
   */
  async function whileInFlight(hostile: Hostile) {
    const started = performance.now();
    let done = false;
    const answer = hostile.send().finally(() => {
      done = true;
    });
    const probes: number[] = [];
    do {
      const probeStart = performance.now();
      const health = await fetch(`${t.baseUrl}/healthz`);
      await health.arrayBuffer();
      probes.push(performance.now() - probeStart);
    } while (!done);
    const response = await answer;
    await response.arrayBuffer();
    return { status: response.status, slowestProbe: Math.max(...probes), took: performance.now() - started };
  }

  function json(path: string, body: unknown, headers: Record<string, string> = {}): Hostile['send'] {
    return () =>
      fetch(`${t.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
  }
  function urlencoded(path: string, fields: Record<string, string>): Hostile['send'] {
    return () =>
      fetch(`${t.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
        redirect: 'manual',
      });
  }
  function multipart(path: string, fields: Record<string, string>): Hostile['send'] {
    return () => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      return fetch(`${t.baseUrl}${path}`, { method: 'POST', body: form, redirect: 'manual' });
    };
  }
  const get =
    (path: string): Hostile['send'] =>
    () =>
      fetch(`${t.baseUrl}${path}`, { redirect: 'manual' });

  /** Each field's worst values: at its limit, far past it (as far as the body allows), with NUL. */
  function values(limit: number): [string, string][] {
    return [
      ['at limit', evil(limit)],
      ['far past limit', evil(30_000)],
      ['control characters', `Kari\u0000Nordmann\u001b[2J\u0085`],
    ];
  }

  async function hostileRequests(): Promise<Hostile[]> {
    const list: Hostile[] = [];
    const add = (name: string, send: Hostile['send']) => list.push({ name, send });
    const apiFields: [string, number, (v: string) => Record<string, unknown>][] = [
      ['category', 100, (v) => ({ category: v })],
      ['municipality', 4, (v) => ({ municipality: v })],
      ['address', 500, (v) => ({ address: v, location: undefined, municipality: '4001' })],
      ['description', 8000, (v) => ({ description: v })],
      ['answers', 1000, (v) => ({ answers: { mengde: v, [v.slice(0, 100)]: v } })],
      ['contact.name', 200, (v) => ({ contact: { name: v } })],
      ['contact.email', 254, (v) => ({ contact: { email: v, notify: 'email' } })],
      ['contact.phone', 40, (v) => ({ contact: { phone: v, notify: 'sms' } })],
      ['contact.language', 5, (v) => ({ contact: { email: 'kari@example.no', language: v } })],
    ];
    for (const [field, limit, make] of apiFields) {
      for (const [how, value] of values(limit)) {
        const body = buildReportBody(make(value));
        add(`API JSON ${field} ${how}`, json('/api/v1/reports', body));
        add(`API multipart ${field} ${how}`, () => {
          const form = new FormData();
          form.append('report', JSON.stringify(body));
          return fetch(`${t.baseUrl}/api/v1/reports`, { method: 'POST', body: form });
        });
      }
    }
    // (A header cannot carry control characters at all.)
    for (const [how, value] of values(255).slice(0, 2)) {
      add(
        `API Idempotency-Key ${how}`,
        json('/api/v1/reports', buildReportBody(), { 'idempotency-key': value.slice(0, 8000) }),
      );
    }

    const formToken = await tokenFrom('/porsgrunn/meld');
    for (const [field, rule] of Object.entries({
      ...REPORT_FORM_FIELDS.fields,
      'answers.mengde': { maxLength: 1000 },
    })) {
      for (const [how, value] of values(rule.maxLength)) {
        for (const token of [formToken, 'forged.token']) {
          const fields = { _token: token, category: 'vann-lekkasje', description: 'x', [field]: value };
          add(
            `web form ${field} ${how} (${token === formToken ? 'valid' : 'forged'} token)`,
            multipart('/porsgrunn/meld', fields),
          );
        }
      }
    }

    const followToken = await tokenFrom(`/porsgrunn/meldinger/${ref}`);
    for (const field of ['email', 'phone', '_token']) {
      for (const [how, value] of values(254)) {
        const fields = { _token: followToken, [field]: value };
        add(`follow ${field} ${how}`, urlencoded(`/porsgrunn/meldinger/${ref}/folg`, fields));
      }
    }
    for (const [how, value] of values(100)) {
      add(
        `stop (tracking token) ${how}`,
        urlencoded(`/porsgrunn/meldinger/${ref}/stopp`, { _token: followToken, token: value }),
      );
      add(
        `send ${how}`,
        urlencoded('/porsgrunn/meld/0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b/send', { _token: value }),
      );
      const q = encodeURIComponent(value);
      add(`stop link token ${how}`, get(`/api/v1/notifications/stop?token=${q}`));
      add(`stop link lang ${how}`, urlencoded(`/api/v1/notifications/stop?token=x&lang=${q}`, {}));
      add(`fix-check token ${how}`, get(`${FIX_CHECK_PATH}?token=${q}`));
      add(
        `fix-check reopen comment ${how}`,
        multipart(`${FIX_CHECK_PATH}/reopen?token=${fixToken}`, { comment: value }),
      );
      add(
        `fix-check confirm lang ${how}`,
        urlencoded(`${FIX_CHECK_PATH}/confirm?token=${fixToken}&lang=${q}`, {}),
      );
      add(`address search ${how}`, get(`/api/v1/municipalities/4001/addresses?q=${q}`));
      for (const filter of ['municipality', 'status', 'category', 'group', 'bbox', 'cursor']) {
        add(`public list ${filter} ${how}`, get(`/api/v1/reports?${filter}=${q}`));
      }
      for (const filter of ['gruppe', 'status', 'lang'])
        add(`map page ${filter} ${how}`, get(`/porsgrunn/kart?${filter}=${q}`));
      for (const param of ['category', 'lat', 'asset', 'link', 'utkast', 'lang', 'embed']) {
        add(`form page ${param} ${how}`, get(`/porsgrunn/meld?${param}=${q}&lon=9.6`));
      }
      add(`tracking page token ${how}`, get(`/porsgrunn/meldinger/${ref}?token=${q}`));
      add(`report ref ${how}`, get(`/api/v1/reports/${q}`));
      add(`QR code ${how}`, get(`/q/${q}`));
      add(`staff login ${how}`, json('/api/v1/staff/session', { email: value, password: value }));
      add(`password reset ${how}`, json('/api/v1/staff/password-reset', { email: value }));
      add(`invitation lookup ${how}`, json('/api/v1/staff/invitations/lookup', { token: value }));
      add(
        `invitation accept-new ${how}`,
        json('/api/v1/staff/invitations/accept-new', { token: value, name: value, password: value }),
      );
      const followRequest = `/porsgrunn/meldinger/${ref}/folg/0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b`;
      add(`follow code ${how}`, urlencoded(followRequest, { _token: followToken, code: value }));
      add(`follow link ${how}`, get(`/porsgrunn/meldinger/${ref}/folg/bekreft?token=${q}`));
      add(
        `follow link confirm ${how}`,
        urlencoded(`/porsgrunn/meldinger/${ref}/folg/bekreft?token=${q}`, {}),
      );
    }
    return list;
  }

  it('keeps /healthz answering within 100 ms and answers every field without a 5xx', {
    timeout: 600_000,
  }, async () => {
    const requests = await hostileRequests();
    expect(requests.length).toBeGreaterThan(200);
    const problems: string[] = [];
    let slowest = 0;
    for (const hostile of requests) {
      // The machine is shared: a probe can be late for reasons of its own (another process, a
      // collection). A stall caused by the input comes back every time, so a request gets up to
      // three tries to show /healthz answering in time; a 5xx or a slow answer fails at once.
      let best = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < 3 && best > HEALTHZ_BOUND_MS; attempt += 1) {
        const { status, slowestProbe, took } = await whileInFlight(hostile);
        best = Math.min(best, slowestProbe);
        if (status >= 500) problems.push(`${hostile.name}: ${status}`);
        if (took > REQUEST_BOUND_MS) problems.push(`${hostile.name}: answered after ${Math.round(took)} ms`);
      }
      slowest = Math.max(slowest, best);
      if (best > HEALTHZ_BOUND_MS) problems.push(`${hostile.name}: /healthz took ${Math.round(best)} ms`);
    }
    expect(problems).toEqual([]);
    expect(slowest).toBeLessThanOrEqual(HEALTHZ_BOUND_MS);
  });
});

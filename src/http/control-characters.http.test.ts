// NUL and other control characters are refused with a 400 that says why, in the caller's
// language; on the residents' pages the problem is shown on the form, and what was typed is kept.
// (A NUL in a form field used to reach PostgreSQL, which cannot store it, and gave a 500.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

const CONTROL = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085'];

describe.each(databaseKinds())('control characters on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { mapTileUrl: '' });
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  async function formToken(path: string): Promise<string> {
    const html = await (await fetch(`${t.baseUrl}${path}`)).text();
    return /name="_token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  }

  it('the API answers 400 control_characters naming the field, in the asked language', async () => {
    for (const c of CONTROL) {
      const res = await t.request('POST', '/api/v1/reports?lang=en', {
        body: buildReportBody({ description: `Lekkasje${c}her` }),
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('control_characters');
      expect(res.body.error.details).toEqual([
        expect.objectContaining({ field: 'description', code: 'control_characters' }),
      ]);
      expect(res.body.error.message).toContain('control characters');
    }
    const name = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ contact: { name: 'Kari\tNordmann', email: 'kari@example.no' } }),
    });
    expect(name.status).toBe(400);
    expect(name.body.error.details).toEqual([
      expect.objectContaining({ field: 'contact.name', code: 'control_characters' }),
    ]);
    // Line breaks and tabs belong in a description.
    const lines = await t.request('POST', '/api/v1/reports', {
      body: buildReportBody({ description: 'Første linje\r\n\tandre linje' }),
    });
    expect(lines.status).toBe(201);
    const query = await t.request('GET', '/api/v1/reports?category=vann%00lekkasje');
    expect(query.status).toBe(400);
    expect(query.body.error.code).toBe('control_characters');
  });

  it('the API refuses them in a multipart report too', async () => {
    const form = new FormData();
    form.append('report', JSON.stringify(buildReportBody({ address: 'Storgata\u00001' })));
    const res = await t.requestForm('POST', '/api/v1/reports', form);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'address' })]);
  });

  it('the report form shows the problem on the form and keeps the rest of what was typed', async () => {
    const form = new FormData();
    form.append('_token', await formToken('/porsgrunn/meld'));
    form.append('category', 'vann-lekkasje');
    form.append('address', 'Storgata 12');
    form.append('description', 'Vann\u0000 på fortauet\nved nr. 12');
    form.append('contact.name', 'Kari\u0007 Nordmann');
    const answer = await fetch(`${t.baseUrl}/porsgrunn/meld`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    const page = await (await fetch(`${t.baseUrl}${answer.headers.get('location')}`)).text();
    expect(page).toContain('Teksten inneholdt usynlige kontrolltegn. Vi har fjernet dem');
    // (A form post sends line breaks as CR LF.)
    expect(page).toMatch(/>Vann på fortauet\r?\nved nr\. 12</);
    expect(page).toContain('value="Kari Nordmann"');
    expect(page).toContain('value="Storgata 12"');
  });

  it('the report form drops a question field whose name holds a control character (RFC 5987 name*)', async () => {
    const boundary = 'meldepunkt-control-boundary';
    const part = (disposition: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n${value}\r\n`;
    for (const withToken of [false, true]) {
      const body =
        (withToken ? part('name="_token"', await formToken('/porsgrunn/meld')) : '') +
        part('name="category"', 'vann-lekkasje') +
        part('name="description"', 'Vann på fortauet.') +
        part("name*=utf-8''answers.%00mengde", 'renner') +
        part("name*=utf-8''answers.a%1Bb", 'x') +
        `--${boundary}--\r\n`;
      const answer = await fetch(`${t.baseUrl}/porsgrunn/meld`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
        redirect: 'manual',
      });
      expect(answer.status, `with token: ${withToken}`).toBeLessThan(500);
      expect(answer.status, `with token: ${withToken}`).toBeGreaterThanOrEqual(200);
    }
  });

  it('the follow form says so on the report page, with a 400', async () => {
    const created = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    const path = `/porsgrunn/meldinger/${created.body.ref}`;
    const answer = await fetch(`${t.baseUrl}${path}/folg?lang=nn`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _token: await formToken(path), email: 'ola\u0000@example.no' }),
      redirect: 'manual',
    });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain('Teksten inneheldt usynlege kontrollteikn');
    expect(html).toContain(`Melding ${created.body.ref}`);
  });
});

// Uploads as the server receives them: streamed to temporary files that are gone after every
// outcome (stored, refused, cut off by the client), refused by their first bytes before the rest
// has even been sent, at most five per post everywhere, and a 503 with Retry-After when too many
// photos wait for processing.
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { jpeg, reportForm, textPretendingToBeJpeg } from '../../../test/support/images.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createPhotoGate, PHOTOS_AT_ONCE, PHOTOS_WAITING, photoGate } from './photo-gate.ts';
import { UPLOAD_DIR_PREFIX } from './upload-spool.ts';

/** Upload directories left by earlier runs that were killed are not this test's business. */
let leftBefore = new Set<string>();
const spoolDirs = async () =>
  (await readdir(tmpdir())).filter((name) => name.startsWith(UPLOAD_DIR_PREFIX) && !leftBefore.has(name));

/** Waits until every temporary upload directory is gone (they go when the response closes). */
async function expectNoSpoolLeft(): Promise<void> {
  await vi.waitFor(async () => expect(await spoolDirs()).toEqual([]), { timeout: 5000, interval: 20 });
}

describe('the photo gate', () => {
  it('runs a limited number at once, queues a limited number, and refuses the rest', async () => {
    const gate = createPhotoGate(1, 1);
    let release: () => void = () => {};
    const first = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    const second = gate.run(async () => 'second');
    expect([gate.running, gate.waiting]).toEqual([1, 1]);
    await expect(gate.run(async () => 'third')).rejects.toMatchObject({ status: 503, code: 'photos_busy' });
    release();
    await first;
    await expect(second).resolves.toBe('second');
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });
});

describe.each(databaseKinds())('uploads on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { mapTileUrl: '' });
    await buildPorsgrunn(t.ctx.db.db);
    leftBefore = new Set(await spoolDirs());
  });
  afterAll(() => t.close());

  async function formToken(): Promise<string> {
    const html = await (await fetch(`${t.baseUrl}/porsgrunn/meld`)).text();
    return /name="_token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  }

  function webForm(token: string, photos: Buffer[]): FormData {
    const form = new FormData();
    form.append('_token', token);
    form.append('category', 'vann-lekkasje');
    form.append('address', 'Storgata 12');
    form.append('description', 'Lekkasje');
    for (const [i, photo] of photos.entries())
      form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `p${i}.jpg`);
    return form;
  }

  it('leaves no temporary file after a stored report, a refused photo or a web form post', async () => {
    const good = await jpeg(800, 600);
    const stored = await t.requestForm(
      'POST',
      '/api/v1/reports',
      reportForm(buildReportBody(), [good, good]),
    );
    expect(stored.status).toBe(201);
    const refused = await t.requestForm(
      'POST',
      '/api/v1/reports',
      reportForm(buildReportBody(), [good, textPretendingToBeJpeg()]),
    );
    expect(refused.status).toBe(415);
    const web = await fetch(`${t.baseUrl}/porsgrunn/meld`, {
      method: 'POST',
      body: webForm(await formToken(), [good]),
      redirect: 'manual',
    });
    expect(web.status).toBe(303);
    await expectNoSpoolLeft();
  });

  it('refuses a file that is no photo by its first bytes, before the rest is sent, and cleans up', async () => {
    const boundary = 'x-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="report"\r\n\r\n${JSON.stringify(buildReportBody())}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const url = new URL('/api/v1/reports', t.baseUrl);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body });
          });
          res.on('error', reject);
        },
      );
      req.on('error', () => {
        // The server may close the connection after answering; the answer is what counts.
      });
      // 64 kB of a "photo" that is text, and then nothing more: the request never ends.
      req.write(head);
      req.write(Buffer.from('Dette er ikke et bilde. '.repeat(2800)));
    });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body).error.code).toBe('photo_unsupported_type');
    await expectNoSpoolLeft();
  });

  it('removes the temporary files of an upload the client cuts off', async () => {
    const boundary = 'x-boundary';
    const photo = await jpeg(1600, 1200);
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="report"\r\n\r\n${JSON.stringify(buildReportBody())}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      photo,
      randomBytes(256 * 1024),
    ]);
    const req = httpRequest(new URL('/api/v1/reports', t.baseUrl), {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('error', () => {
      // cut off on purpose
    });
    req.write(body);
    // The file is being written on the server: then the client goes away mid-upload.
    await vi.waitFor(async () => expect((await spoolDirs()).length).toBe(1), { timeout: 5000, interval: 10 });
    req.destroy();
    await expectNoSpoolLeft();
  });

  it('takes at most five photos per post on the web form too', async () => {
    const photo = await jpeg(400, 300);
    const answer = await fetch(`${t.baseUrl}/porsgrunn/meld`, {
      method: 'POST',
      body: webForm(await formToken(), [photo, photo, photo, photo, photo, photo]),
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    const page = await (await fetch(`${t.baseUrl}${answer.headers.get('location')}`)).text();
    expect(page).toContain('Du kan legge ved høyst 5 bilder.');
    await expectNoSpoolLeft();
  });

  describe('when too many photos wait for processing', () => {
    const releases: (() => void)[] = [];
    const held: Promise<unknown>[] = [];
    beforeAll(() => {
      // Every slot busy and the queue full, as under a burst of uploads.
      for (let i = 0; i < PHOTOS_AT_ONCE + PHOTOS_WAITING; i += 1) {
        held.push(photoGate.run(() => new Promise<void>((resolve) => releases.push(resolve))));
      }
    });
    afterAll(async () => {
      while (releases.length > 0 || photoGate.running > 0) {
        releases.shift()?.();
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(held);
    });

    it('the API answers 503 photos_busy with Retry-After, and stores nothing', async () => {
      const res = await t.requestForm(
        'POST',
        '/api/v1/reports?lang=en',
        reportForm(buildReportBody(), [await jpeg(400, 300)]),
      );
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('10');
      expect(res.body.error).toMatchObject({ code: 'photos_busy', details: [] });
      expect(res.body.error.message).toContain('try again in 10 seconds');
      await expectNoSpoolLeft();
    });

    it('the web form answers with a 503 page in the resident’s language', async () => {
      const token = await formToken();
      const res = await fetch(`${t.baseUrl}/porsgrunn/meld?lang=nn`, {
        method: 'POST',
        body: webForm(token, [await jpeg(400, 300)]),
        redirect: 'manual',
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('10');
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('Akkurat no blir det behandla mange bilete');
      await expectNoSpoolLeft();
    });
  });
});

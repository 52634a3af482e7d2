import { readdir } from 'node:fs/promises';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import {
  decompressionBomb,
  GPS_MARKER,
  heicHeader,
  jpeg,
  jpegWithGps,
  oversizedJpeg,
  reportForm,
  textPretendingToBeJpeg,
  truncatedJpeg,
} from '../../../test/support/images.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { messages } from '../../i18n/messages.ts';
import { reports } from '../reports/schema.ts';
import { reportPhotos } from './schema.ts';

describe.each(databaseKinds())('POST /api/v1/reports with photos on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  const post = (form: FormData, headers?: Record<string, string>) =>
    t.requestForm('POST', '/api/v1/reports', form, headers);

  async function reportCount(): Promise<number> {
    const [row] = await t.ctx.db.db.select({ n: count() }).from(reports);
    return row?.n ?? 0;
  }
  const storedFiles = () => readdir(t.ctx.config.photoDir);

  it('takes a report with two photos, lists them in order, and serves them without metadata', async () => {
    const res = await post(
      reportForm(buildReportBody(), [await jpegWithGps(1600, 1200), await jpeg(600, 800)]),
    );
    expect(res.status).toBe(201);

    const rows = await t.ctx.db.db.select().from(reportPhotos).where(eq(reportPhotos.reportId, res.body.id));
    expect(rows).toHaveLength(2);

    const view = await t.request('GET', `/api/v1/reports/${res.body.ref}`);
    expect(view.status).toBe(200);
    expect(view.body.photos).toEqual([
      {
        url: expect.stringMatching(/^\/photos\/[0-9a-f-]{36}\/large\.webp$/),
        thumbUrl: expect.any(String),
        width: 1600,
        height: 1200,
      },
      { url: expect.any(String), thumbUrl: expect.any(String), width: 600, height: 800 },
    ]);

    for (const photo of view.body.photos) {
      for (const url of [photo.url, photo.thumbUrl]) {
        const file = await fetch(`${t.baseUrl}${url}`);
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toBe('image/webp');
        expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(file.headers.get('x-content-type-options')).toBe('nosniff');
        const bytes = Buffer.from(await file.arrayBuffer());
        const metadata = await sharp(bytes).metadata();
        expect(metadata.format).toBe('webp');
        expect(metadata.exif).toBeUndefined();
        expect(bytes.includes(GPS_MARKER)).toBe(false);
      }
    }
    const thumb = await fetch(`${t.baseUrl}${view.body.photos[0].thumbUrl}`);
    const thumbSize = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([thumbSize.width, thumbSize.height]).toEqual([480, 360]);
  });

  it('shows an empty photo list for a report sent as JSON', async () => {
    const res = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    const view = await t.request('GET', `/api/v1/reports/${res.body.ref}`);
    expect(view.body.photos).toEqual([]);
  });

  it('refuses each kind of bad photo with a clear 4xx, creating no report and keeping no file', async () => {
    const good = await jpeg(800, 600);
    const cases = [
      {
        name: 'a 50 MB file',
        photo: oversizedJpeg(50 * 1024 * 1024),
        status: 413,
        code: 'photo_too_large',
        message: messages.photoTooLarge(15),
      },
      {
        name: 'text renamed .jpg',
        photo: textPretendingToBeJpeg(),
        status: 415,
        code: 'photo_unsupported_type',
        message: messages.photoNotAnImage(),
      },
      {
        name: 'HEIC',
        photo: heicHeader(),
        status: 415,
        code: 'photo_heic_unsupported',
        message: messages.photoHeic(),
      },
      {
        name: 'a truncated JPEG',
        photo: await truncatedJpeg(),
        status: 422,
        code: 'photo_damaged',
        message: messages.photoDamaged(),
      },
      {
        name: 'a decompression bomb',
        photo: await decompressionBomb(),
        status: 422,
        code: 'photo_too_many_pixels',
        message: messages.photoTooManyPixels(50),
      },
    ];
    const before = await reportCount();
    const filesBefore = await storedFiles();
    for (const c of cases) {
      // A good photo first: it is stored before the bad one is read, and must be removed again.
      const res = await post(reportForm(buildReportBody(), [good, c.photo]));
      expect({ name: c.name, status: res.status, code: res.body.error?.code }).toEqual({
        name: c.name,
        status: c.status,
        code: c.code,
      });
      expect(res.body.error.message).toBe(c.message.nb);
      // The size limit stops the upload while it is read; the others name the photo refused.
      if (c.code !== 'photo_too_large') expect(res.body.error.details).toMatchObject([{ field: 'photo.1' }]);
    }
    expect(await reportCount()).toBe(before);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('refuses a sixth photo', async () => {
    const photo = await jpeg(400, 300);
    const before = await reportCount();
    const res = await post(
      reportForm(
        buildReportBody(),
        Array.from({ length: 6 }, () => photo),
      ),
    );
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'too_many_photos',
      message: 'Du kan legge ved høyst 5 bilder.',
    });
    expect(await reportCount()).toBe(before);

    const five = await post(
      reportForm(
        buildReportBody(),
        Array.from({ length: 5 }, () => photo),
      ),
    );
    expect(five.status).toBe(201);
  });

  it('removes the stored photos when the report itself is refused', async () => {
    const before = (await storedFiles()).length;
    const res = await post(reportForm(buildReportBody({ category: 'finnes-ikke' }), [await jpeg(400, 300)]));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'invalid_report', details: [{ field: 'category' }] });
    expect((await storedFiles()).length).toBe(before);
  });

  it('checks the report field with the same schema and error shape as a JSON body', async () => {
    const invalid = buildReportBody({ category: undefined, location: { lat: 95, lon: 9 } });
    const asJson = await t.request('POST', '/api/v1/reports', { body: invalid });
    const asForm = await post(reportForm(invalid, [await jpeg(400, 300)]));
    expect(asForm.status).toBe(400);
    expect(asForm.body).toEqual(asJson.body);
    expect(asForm.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'category',
      'location.lat',
    ]);
  });

  it('refuses a form without the report field, with broken JSON, or with unexpected parts', async () => {
    const noReport = new FormData();
    noReport.append('photo', new Blob([new Uint8Array(await jpeg(10, 10))]), 'a.jpg');
    const brokenJson = new FormData();
    brokenJson.append('report', '{"category":');
    const otherFile = reportForm(buildReportBody(), []);
    otherFile.append('image', new Blob([new Uint8Array(await jpeg(10, 10))]), 'a.jpg');
    const twice = reportForm(buildReportBody(), []);
    twice.append('report', '{}');

    const cases: [FormData, number, string][] = [
      [noReport, 400, 'report_field_missing'],
      [brokenJson, 400, 'invalid_json'],
      [otherFile, 400, 'unexpected_form_part'],
      [twice, 400, 'report_field_repeated'],
    ];
    const before = await reportCount();
    for (const [form, status, code] of cases) {
      const res = await post(form);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    expect(await reportCount()).toBe(before);
  });

  it('answers a retry with the same photos as before, and refuses the key for other photos', async () => {
    const headers = { 'idempotency-key': `photos-${crypto.randomUUID()}` };
    const body = buildReportBody();
    const photo = await jpeg(400, 300);
    const first = await post(reportForm(body, [photo]), headers);
    expect(first.status).toBe(201);
    const filesAfterFirst = (await storedFiles()).length;

    const retry = await post(reportForm(body, [photo]), headers);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    // The retry stored nothing new.
    expect((await storedFiles()).length).toBe(filesAfterFirst);

    const otherPhoto = await post(reportForm(body, [await jpeg(400, 300, '#000000')]), headers);
    expect(otherPhoto.status).toBe(422);
    expect(otherPhoto.body.error.code).toBe('idempotency_key_reused');
    const noPhoto = await post(reportForm(body, []), headers);
    expect(noPhoto.body.error.code).toBe('idempotency_key_reused');
  });
});

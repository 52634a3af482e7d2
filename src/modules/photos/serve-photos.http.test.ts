import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildCategory, buildPorsgrunn, buildReportBody, PLACES } from '../../../test/support/factories.ts';
import { jpeg, reportForm } from '../../../test/support/images.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { AppError } from '../../shared/errors.ts';
import { createReport } from '../reports/create-report.ts';
import { reportDrafts } from '../reports/schema.ts';
import { reportPhotos } from './schema.ts';
import { attachPhotoToDraft } from './store-photo.ts';

describe.each(databaseKinds())('serving photos on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
  });
  afterAll(() => t.close());

  async function fetchPhoto(url: string) {
    const res = await fetch(`${t.baseUrl}${url}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes };
  }

  async function newDraft(): Promise<string> {
    const [draft] = await t.ctx.db.db
      .insert(reportDrafts)
      .values({ kommunenummer: '4001', data: {} })
      .returning({ id: reportDrafts.id });
    if (!draft) throw new Error('draft not created');
    return draft.id;
  }

  it('keeps photos of a private category from the public, and shows them to the reporter', async () => {
    const category = await buildCategory(t.ctx.db.db, { kommunenummer: '4001', publicDescription: false });
    const created = await t.requestForm(
      'POST',
      '/api/v1/reports',
      reportForm(buildReportBody({ category: category.code, answers: {} }), [await jpeg(800, 600)]),
    );
    expect(created.status).toBe(201);
    const { ref, trackingToken } = created.body;
    const [row] = await t.ctx.db.db
      .select()
      .from(reportPhotos)
      .where(eq(reportPhotos.reportId, created.body.id));
    if (!row) throw new Error('photo row missing');

    const publicView = await t.request('GET', `/api/v1/reports/${ref}`);
    expect(publicView.body.photos).toEqual([]);
    expect(publicView.text).not.toContain(row.id);
    for (const variant of ['large.webp', 'thumb.webp']) {
      const hidden = await t.request('GET', `/photos/${row.id}/${variant}`);
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.code).toBe('photo_not_found');
    }
    const wrongToken = await t.request('GET', `/photos/${row.id}/large.webp?token=gjett`);
    expect(wrongToken.status).toBe(404);

    const ownView = await t.request('GET', `/api/v1/reports/${ref}?token=${trackingToken}`);
    const token = encodeURIComponent(trackingToken);
    expect(ownView.body.photos).toEqual([
      {
        url: `/photos/${row.id}/large.webp?token=${token}`,
        thumbUrl: `/photos/${row.id}/thumb.webp?token=${token}`,
        width: 800,
        height: 600,
      },
    ]);
    const shown = await fetchPhoto(ownView.body.photos[0].url);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/webp');
    // Shared caches must not keep it: it is for the reporter only.
    expect(shown.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect((await sharp(shown.bytes).metadata()).width).toBe(800);
  });

  it('answers 404 for an unknown photo, and 400 for a malformed id or file name', async () => {
    const unknown = await t.request('GET', `/photos/${randomUUID()}/large.webp`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({
      code: 'photo_not_found',
      message: 'Finner ikke bildet.',
      details: [],
    });
    for (const path of [`/photos/not-a-uuid/large.webp`, `/photos/${randomUUID()}/original.jpg`]) {
      const bad = await t.request('GET', path);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid_request');
    }
  });

  it("serves a draft's photos by id, and hands them over to the report when it is sent", async () => {
    const draftId = await newDraft();
    const first = await attachPhotoToDraft(t.ctx.db.db, t.ctx.photos, draftId, await jpeg(640, 480), 0);
    const second = await attachPhotoToDraft(t.ctx.db.db, t.ctx.photos, draftId, await jpeg(480, 640), 1);
    expect(first).toMatchObject({ width: 640, height: 480, storageKey: expect.any(String) });

    const draftPhoto = await fetchPhoto(`/photos/${first.id}/thumb.webp`);
    expect(draftPhoto.status).toBe(200);
    expect(draftPhoto.headers.get('cache-control')).toMatch(/^private,/);

    const report = await createReport(
      { database: t.ctx.db, catalog: t.ctx.catalog, locator: t.ctx.locator },
      {
        category: 'vann-lekkasje',
        location: PLACES.porsgrunn,
        description: 'Vann i veien, med bilder fra skjemaet',
        answers: { mengde: 'renner' },
        photos: { draftId },
        channel: 'web',
      },
    );
    const view = await t.request('GET', `/api/v1/reports/${report.ref}`);
    expect(view.body.photos.map((p: { url: string }) => p.url)).toEqual([
      `/photos/${first.id}/large.webp`,
      `/photos/${second.id}/large.webp`,
    ]);
  });

  it('takes at most five photos per draft, even when uploads race, and keeps no file of a refused one', async () => {
    const draftId = await newDraft();
    const photo = await jpeg(400, 300);
    const filesBefore = (await readdir(t.ctx.config.photoDir)).length;
    const results = await Promise.allSettled(
      Array.from({ length: 7 }, (_, i) => attachPhotoToDraft(t.ctx.db.db, t.ctx.photos, draftId, photo, i)),
    );
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(refused).toHaveLength(2);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 422, code: 'too_many_photos' });
    }
    const rows = await t.ctx.db.db.select().from(reportPhotos).where(eq(reportPhotos.draftId, draftId));
    expect(rows).toHaveLength(5);
    expect((await readdir(t.ctx.config.photoDir)).length).toBe(filesBefore + 5);
  });

  it('refuses a draft that does not exist, keeping no file', async () => {
    const filesBefore = (await readdir(t.ctx.config.photoDir)).length;
    const photo = await jpeg(400, 300);
    for (const draftId of [randomUUID(), 'not-a-uuid']) {
      await expect(attachPhotoToDraft(t.ctx.db.db, t.ctx.photos, draftId, photo, 0)).rejects.toMatchObject({
        status: 404,
        code: 'draft_not_found',
      });
    }
    expect((await readdir(t.ctx.config.photoDir)).length).toBe(filesBefore);
  });
});

// A crew's photo of the work: added over real HTTP as multipart, shown to staff in the case, and
// never to the public (not in the public JSON, not on the tracking page, not at the public photo
// address, not even with the reporter's tracking token), with an internal history entry, and
// stored once however often the upload is retried with its Idempotency-Key.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { jpeg, reportForm } from '../../../test/support/images.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';

const base = '/api/v1/staff/m/4001/reports';

interface CasePhoto {
  url: string;
  thumbnailUrl: string;
  internal: boolean;
}

describe.each(databaseKinds())('staff photos on %s', (kind) => {
  let t: TestApp;
  let crew: StaffClient;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    crew = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['feltarbeider'] }),
    );
  });
  afterAll(() => t.close());

  function upload(id: string, photo: Buffer, headers: Record<string, string> = {}, client = crew) {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'arbeid.jpg');
    return t.requestForm('POST', `${base}/${id}/photos`, form, {
      cookie: client.cookie,
      'x-csrf-token': client.csrfToken,
      ...headers,
    });
  }

  async function count(id: string, what: 'photos' | 'events'): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      t.ctx.db.db,
      what === 'photos'
        ? sql`select count(*)::int as n from report_photos where report_id = ${id}::uuid and internal`
        : sql`select count(*)::int as n from report_events where report_id = ${id}::uuid and kind = 'photo_added'`,
    );
    return row?.n ?? 0;
  }

  it('adds an internal photo staff see and the public never does', async () => {
    // A resident's report with a photo of its own, in a category that shows photos publicly.
    const created = await t.requestForm(
      'POST',
      '/api/v1/reports',
      reportForm(buildReportBody(), [await jpeg(640, 480)]),
    );
    expect(created.status).toBe(201);
    const { id, ref, trackingToken } = created.body as { id: string; ref: string; trackingToken: string };

    const res = await upload(id, await jpeg(800, 600, '#aa3322'), { 'idempotency-key': 'photo-1' });
    expect(res.status).toBe(200);
    const photos = res.body.photos as CasePhoto[];
    expect(photos).toHaveLength(2);
    const staffPhoto = photos.find((p) => p.internal);
    const residentPhoto = photos.find((p) => !p.internal);
    if (!staffPhoto || !residentPhoto) throw new Error('expected one staff and one resident photo');
    // Staff get the staff photo behind their session, never at the public address.
    expect(staffPhoto.url).toMatch(/^\/api\/v1\/staff\/m\/4001\/reports\/.+\/large\.webp$/);
    expect(residentPhoto.url).toMatch(/^\/photos\//);
    const staffGet = await crew.request('GET', staffPhoto.url);
    expect(staffGet.status).toBe(200);
    const history = res.body.history as { kind: string; public: boolean }[];
    expect(history.find((e) => e.kind === 'photo_added')).toMatchObject({ public: false });

    const [row] = await queryRows<{ id: string; added_by: string | null }>(
      t.ctx.db.db,
      sql`select id, added_by from report_photos where report_id = ${id}::uuid and internal`,
    );
    if (!row) throw new Error('no staff photo stored');
    expect(row.added_by).not.toBeNull();

    // The public JSON, with and without the tracking token: only the resident's photo.
    for (const path of [`/api/v1/reports/${ref}`, `/api/v1/reports/${ref}?token=${trackingToken}`]) {
      const pub = await t.request('GET', path);
      expect(pub.status).toBe(200);
      expect(pub.body.photos).toHaveLength(1);
      expect(pub.text).not.toContain(row.id);
      expect(JSON.stringify(pub.body.updates ?? pub.body.events ?? [])).not.toContain('photo_added');
    }
    // The tracking page, with and without the token.
    for (const path of [
      `/porsgrunn/meldinger/${ref}`,
      `/porsgrunn/meldinger/${ref}?token=${trackingToken}`,
    ]) {
      const page = await t.request('GET', path);
      expect(page.status).toBe(200);
      expect(page.text).toContain(ref);
      // The page does show photos: the resident's is on it.
      expect(page.text).toContain(residentPhoto.url.split('/')[2]);
      expect(page.text).not.toContain(row.id);
    }
    // The public photo address: 404, with and without the token; the resident's photo is there.
    for (const variant of ['large.webp', 'thumb.webp']) {
      expect((await t.request('GET', `/photos/${row.id}/${variant}`)).status).toBe(404);
      expect((await t.request('GET', `/photos/${row.id}/${variant}?token=${trackingToken}`)).status).toBe(
        404,
      );
    }
    expect((await t.request('GET', residentPhoto.url)).status).toBe(200);
  });

  it('stores a retried upload once, replays the answer, and refuses the key for another photo', async () => {
    const created = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    const id = (created.body as { id: string }).id;
    const photo = await jpeg(700, 500, '#228844');
    const first = await upload(id, photo, { 'idempotency-key': 'upload-a' });
    expect(first.status).toBe(200);
    const again = await upload(id, photo, { 'idempotency-key': 'upload-a' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await count(id, 'photos')).toBe(1);
    expect(await count(id, 'events')).toBe(1);

    const other = await upload(id, await jpeg(700, 500, '#884422'), { 'idempotency-key': 'upload-a' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');

    // Two copies at once: one photo.
    const both = await Promise.all([
      upload(id, photo, { 'idempotency-key': 'upload-b' }),
      upload(id, photo, { 'idempotency-key': 'upload-b' }),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(await count(id, 'photos')).toBe(2);
    // Without a key, each upload is a new photo.
    expect((await upload(id, photo)).status).toBe(200);
    expect(await count(id, 'photos')).toBe(3);
  });

  it('refuses what is not one photo, and roles that may not add photos', async () => {
    const created = await t.request('POST', '/api/v1/reports', { body: buildReportBody() });
    const id = (created.body as { id: string }).id;
    const empty = await t.requestForm('POST', `${base}/${id}/photos`, new FormData(), {
      cookie: crew.cookie,
      'x-csrf-token': crew.csrfToken,
    });
    expect(empty.status).toBe(400);
    const json = await crew.request('POST', `${base}/${id}/photos`, { photo: 'x' });
    expect([400, 415]).toContain(json.status);
    const notPhoto = await upload(id, Buffer.from('ikke et bilde '.repeat(50)));
    expect(notPhoto.status).toBeGreaterThanOrEqual(400);
    expect(notPhoto.status).toBeLessThan(500);
    const desk = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['servicekontor'] }),
    );
    expect((await upload(id, await jpeg(100, 100), {}, desk)).status).toBe(403);
    expect((await upload('00000000-0000-4000-8000-000000000000', await jpeg(100, 100))).status).toBe(404);
    expect(await count(id, 'photos')).toBe(0);
  });
});

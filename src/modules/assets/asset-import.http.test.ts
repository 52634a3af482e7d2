// The admin's asset upload over real HTTP on both databases: 202 and a run to follow until done,
// the counts and the rejected line, 409 while a run is going, 413 for a file over the limit, 404
// for another municipality's run, 403 for a case handler, and the audit entries.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geoJsonText, PORSGRUNN_UTM32, SKIEN_UTM32 } from '../../../test/support/asset-files.ts';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { buildStaffUser, logInAs, type StaffClient } from '../../../test/support/staff.ts';
import { seedAssetTypes } from '../../../test/support/sticker-assets.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { MAX_UPLOAD_BYTES } from './import/http-schemas.ts';

const PATH = '/api/v1/staff/m/4001/admin/assets/imports';

describe.each(databaseKinds())('asset import upload on %s', (kind) => {
  let t: TestApp;
  let admin: StaffClient;
  let otherAdmin: StaffClient;
  let caseHandler: StaffClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await buildPorsgrunn(t.ctx.db.db);
    await buildMunicipality(t.ctx.db.db, { kommunenummer: '4003', name: 'Skien' });
    await seedAssetTypes(t.ctx.db.db, '4001');
    admin = await logInAs(t, await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['admin'] }));
    otherAdmin = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4003', roles: ['admin'] }),
    );
    caseHandler = await logInAs(
      t,
      await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['saksbehandler'] }),
    );
  }, 60_000);
  afterAll(() => t?.close());

  function upload(
    client: StaffClient,
    body: Blob | string,
    query = '',
    path = PATH,
    name = 'hydranter.geojson',
  ) {
    const form = new FormData();
    form.append('file', typeof body === 'string' ? new Blob([body]) : body, name);
    return fetch(`${t.baseUrl}${path}${query}`, {
      method: 'POST',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'accept-language': 'en' },
      body: form,
    });
  }

  /** Polls the run until it is no longer running (the signal the admin page waits for too). */
  async function finished(client: StaffClient, id: string) {
    for (;;) {
      const response = await client.request('GET', `${PATH}/${id}`);
      expect(response.status).toBe(200);
      if (response.body.state !== 'running') return response.body;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  const file = geoJsonText([
    { id: 'BH-1', type: 'hydrant', at: PORSGRUNN_UTM32[0] ?? [0, 0] },
    { id: 'BH-2', type: 'hydrant', at: PORSGRUNN_UTM32[1] ?? [0, 0] },
    { id: 'BH-3', type: 'hydrant', at: SKIEN_UTM32 },
  ]);

  it('answers 202, runs in the background, and reports counts and the rejected line', async () => {
    const response = await upload(admin, file);
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const run = await finished(admin, id);
    expect(run).toMatchObject({
      state: 'done',
      fileName: 'hydranter.geojson',
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      error: null,
      bytesRead: Buffer.byteLength(file),
      bytesTotal: Buffer.byteLength(file),
    });
    expect(run.startedBy).toEqual(expect.any(String));
    expect(run.rejections).toEqual([
      { line: 3, externalId: 'BH-3', reason: expect.stringMatching(/is outside Porsgrunn\.$/) },
    ]);
    const list = await admin.request('GET', PATH);
    expect(list.status).toBe(200);
    expect(list.body.imports[0]).toMatchObject({ id, state: 'done', created: 2 });
    expect(list.body.imports[0].rejections).toBeUndefined();
    const audit = await queryRows<{ action: string }>(
      t.ctx.db.db,
      sql`select action from audit_log where entity_id = ${id} order by created_at`,
    );
    expect(audit.map((a) => a.action)).toEqual(['asset_import.started', 'asset_import.finished']);

    const again = await upload(admin, file, '?epsg=25832&type=hydrant');
    expect(again.status).toBe(202);
    const second = await finished(admin, ((await again.json()) as { id: string }).id);
    expect(second).toMatchObject({ state: 'done', created: 0, updated: 0, unchanged: 2, rejected: 1 });
  });

  it('refuses a second upload while one runs (409), and an unknown type or EPSG (400)', async () => {
    await t.ctx.db.db.execute(
      sql`insert into asset_imports (kommunenummer, file_name) values ('4001', 'slow.csv')`,
    );
    try {
      const busy = await upload(admin, file);
      expect(busy.status).toBe(409);
      expect(((await busy.json()) as { error: { message: string } }).error.message).toBe(
        'An asset import is already running for this municipality. Wait until it has finished.',
      );
    } finally {
      await t.ctx.db.db.execute(sql`update asset_imports set state = 'done' where file_name = 'slow.csv'`);
    }
    const type = await upload(admin, file, '?type=brannkran');
    expect(type.status).toBe(400);
    expect(((await type.json()) as { error: { message: string } }).error.message).toContain(
      'no asset type "brannkran"',
    );
    const epsg = await upload(admin, file, '?epsg=3857');
    expect(epsg.status).toBe(400);
    expect(((await epsg.json()) as { error: { message: string } }).error.message).toContain(
      'EPSG:3857 is not supported',
    );
    const json = await admin.request('POST', PATH, {});
    expect(json.status).toBe(400);
  });

  it('takes a file larger than the photo limit (20 MB), and refuses one over 64 MB with 413 and what to do', async () => {
    // Two features with 20 MB of blanks between them: past the app-wide 15 MB file limit for photos.
    const padded = file.replace('},\n{', `},${' '.repeat(20 * 1024 * 1024)}{`);
    expect(padded.length).toBeGreaterThan(20 * 1024 * 1024);
    const accepted = await upload(admin, padded);
    expect(accepted.status).toBe(202);
    const run = await finished(admin, ((await accepted.json()) as { id: string }).id);
    expect(run).toMatchObject({
      state: 'done',
      unchanged: 2,
      rejected: 1,
      bytesTotal: Buffer.byteLength(padded),
    });

    const big = new Blob([new Uint8Array(MAX_UPLOAD_BYTES + 1024).fill(32)]);
    const response = await upload(admin, big);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'The file is too large: at most 64 MB can be uploaded. Larger files can be imported with npm run import:assets.',
    );
    const [running] = await queryRows<{ count: number }>(
      t.ctx.db.db,
      sql`select count(*)::int as count from asset_imports where state = 'running'`,
    );
    expect(running?.count).toBe(0);
  }, 60_000);

  it('keeps control characters from the file and its name out of what it stores, and never stays running', async () => {
    // A name busboy decodes to a NUL and an escape (RFC 5987): stored with spaces instead.
    const boundary = 'meldepunkt-test-boundary';
    const csv = 'id;type;lon;lat\nBH-10;hydrant;9.6565;59.1405\nBH-\u000011;hydrant;9.6566;59.1406\n';
    const raw = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=utf-8''hydr%00anter%1B.csv\r\n` +
        `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    );
    const named = await fetch(`${t.baseUrl}${PATH}`, {
      method: 'POST',
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
        'accept-language': 'en',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body: raw,
    });
    expect(named.status).toBe(202);
    const run = await finished(admin, ((await named.json()) as { id: string }).id);
    // The line whose id holds a NUL is rejected and listed; the other is imported.
    expect(run).toMatchObject({ state: 'done', fileName: 'hydr anter .csv', created: 1, rejected: 1 });
    expect(run.rejections).toEqual([{ line: 3, externalId: 'BH- 11', reason: expect.any(String) }]);

    // A header line with a NUL and no coordinate columns: the run fails with a message, and the
    // next upload is taken (a run left "running" refused every upload for 30 minutes).
    const broken = await upload(admin, 'id\u0000;navn\nBH-20;Hydrant\n', '', PATH, 'feil.csv');
    expect(broken.status).toBe(202);
    const failed = await finished(admin, ((await broken.json()) as { id: string }).id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toEqual(expect.any(String));
    expect(failed.error).not.toContain('\u0000');
    const next = await upload(admin, file);
    expect(next.status).toBe(202);
    await finished(admin, ((await next.json()) as { id: string }).id);
  });

  it('keeps runs within their municipality: 404 for another’s admin, 403 for a case handler', async () => {
    const [run] = await queryRows<{ id: string }>(
      t.ctx.db.db,
      sql`select id from asset_imports where kommunenummer = '4001' limit 1`,
    );
    const other = await otherAdmin.request('GET', `/api/v1/staff/m/4003/admin/assets/imports/${run?.id}`);
    expect(other.status).toBe(404);
    const otherList = await otherAdmin.request('GET', '/api/v1/staff/m/4003/admin/assets/imports');
    expect(otherList.body.imports).toEqual([]);
    expect((await otherAdmin.request('GET', `${PATH}/${run?.id}`)).status).toBe(403);
    expect((await upload(otherAdmin, file)).status).toBe(403);
    expect((await upload(caseHandler, file)).status).toBe(403);
    expect((await caseHandler.request('GET', `${PATH}/${run?.id}`)).status).toBe(403);
    expect((await caseHandler.request('GET', PATH)).status).toBe(403);
  });
});

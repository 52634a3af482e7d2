import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { testKeyring } from '../../../test/support/secrets.ts';
import { sharedLocator, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { createIntakeCatalog } from '../categories/intake-catalog.ts';
import { createLocalPhotoStorage } from '../photos/storage.ts';

describe.each(databaseKinds())('health checks on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('is healthy, says its role, and is ready on a migrated database', async () => {
    const health = await t.request('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({
      status: 'ok',
      role: 'web',
      checks: { database: 'ok', jobQueue: 'notRunning' },
    });
    const ready = await t.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('serves the OpenAPI document with the report endpoints', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/reports',
        '/api/v1/reports/{ref}',
        '/api/v1/municipalities/{kommunenummer}/categories',
      ]),
    );
    expect(res.body.components.schemas.ErrorResponse).toBeDefined();
  });

  it('answers unknown addresses with a 404 in the error shape', async () => {
    const res = await t.request('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route_not_found');
  });
});

describe('readiness without a migrated schema', () => {
  it('is not ready (503) until migrations are applied', async () => {
    const handle = await openDatabase({ kind: 'embedded' });
    const jobs = { stop: async () => {} } as unknown as JobQueue;
    const app = await buildApp(
      {
        config: { ...loadConfig({}), logLevel: 'silent' },
        db: handle,
        jobs,
        locator: await sharedLocator(),
        catalog: createIntakeCatalog(handle.db),
        // Never written to: this app serves no photos before its schema exists.
        photos: createLocalPhotoStorage(path.join(tmpdir(), 'meldepunkt-health-unused')),
        secret: Buffer.alloc(32),
        keyring: testKeyring(),
      },
      false,
    );
    try {
      // The database answers; this app runs no job queue although its role ('all') needs one.
      const health = await app.inject({ url: '/healthz' });
      expect(health.statusCode).toBe(503);
      expect(health.json().checks).toEqual({ database: 'ok', jobQueue: 'fail' });
      const ready = await app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'migrations pending' });
    } finally {
      await app.close();
      await handle.close();
    }
  });
});

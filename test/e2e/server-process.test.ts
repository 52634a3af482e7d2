// The server as `npm start` runs it: a real process, a real port, a real data directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReportBody, PLACES } from '../support/factories.ts';
import {
  runServerExpectingFailure,
  type ServerProcess,
  startServerProcess,
} from '../support/server-process.ts';

async function post(url: string, body: unknown) {
  const res = await fetch(`${url}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { ref: string } };
}

describe('the server process in embedded mode', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-e2e-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  async function start(env: Record<string, string>): Promise<ServerProcess> {
    const server = await startServerProcess(env);
    cleanup.push(() => server.stop('SIGKILL'));
    return server;
  }

  it('starts on a fresh data directory with Porsgrunn, takes a report, and keeps it across a restart', async () => {
    const dataDir = await tempDir();
    const first = await start({ DATA_DIR: dataDir });
    console.info(`fresh embedded start: ready after ${first.readyAfterMs} ms`);

    const categories = await fetch(`${first.url}/api/v1/municipalities/4001/categories`);
    expect(categories.status).toBe(200);

    const created = await post(
      first.url,
      buildReportBody({ category: 'vann-misfarget', answers: { 'rent-kaldt': true } }),
    );
    expect(created.status).toBe(201);
    expect(created.body.ref).toMatch(/^4001-\d{4}-00001$/);

    const publicView = await fetch(`${first.url}/api/v1/reports/${created.body.ref}`);
    const publicText = await publicView.text();
    expect(publicView.status).toBe(200);
    expect(publicText).not.toContain('kari@example.no');
    expect(publicText).not.toContain('Kari Nordmann');

    const oslo = await post(first.url, buildReportBody({ location: PLACES.osloCityHall }));
    expect(oslo.status).toBe(422);
    expect(JSON.stringify(oslo.body)).toContain('Oslo');

    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await start({ DATA_DIR: dataDir });
    const again = await fetch(`${second.url}/api/v1/reports/${created.body.ref}`);
    expect(again.status).toBe(200);
    // The demo data was not loaded twice, and numbering goes on where it stopped.
    const next = await post(second.url, buildReportBody());
    expect(next.body.ref).toMatch(/^4001-\d{4}-00002$/);
    expect(await second.stop('SIGTERM')).toBe(0);
  });

  it('finishes requests in flight on SIGTERM and exits cleanly', async () => {
    const dataDir = await tempDir();
    const server = await start({ DATA_DIR: dataDir });
    const inFlight = Array.from({ length: 10 }, () => post(server.url, buildReportBody()));
    // Give the requests time to reach the server, then ask it to stop while they are being handled.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const exit = server.stop('SIGTERM');
    const results = await Promise.allSettled(inFlight);
    expect(await exit).toBe(0);
    const answered = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    // Each request either ran to the end (201) or was refused cleanly (503) for the client to retry.
    for (const a of answered) {
      if (a.status !== 201)
        expect({ status: a.status, code: (a.body.error as { code: string }).code }).toEqual({
          status: 503,
          code: 'shutting_down',
        });
    }
    const accepted = answered.filter((a) => a.status === 201);
    expect(accepted.length).toBeGreaterThan(0);

    const restarted = await start({ DATA_DIR: dataDir });
    for (const a of accepted) {
      const res = await fetch(`${restarted.url}/api/v1/reports/${a.body.ref}`);
      expect(res.status).toBe(200);
    }
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    const dataDir = await tempDir();
    await start({ DATA_DIR: dataDir });
    const second = await runServerExpectingFailure({ DATA_DIR: dataDir, PORT: '0' });
    expect(second.code).not.toBe(0);
    expect(second.output).toContain('is in use by another Meldepunkt process');
  });

  it('stops at start-up with a message naming a wrong setting', async () => {
    const result = await runServerExpectingFailure({ PORT: 'åtti' });
    expect(result.code).toBe(78);
    expect(result.output).toContain(
      'Meldepunkt cannot start: PORT="åtti" is not valid: expected a port number from 0 to 65535.',
    );
  });
});

// The server as `npm start` runs it: a real process, a real port, a real data directory.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, queryRows } from '../../src/db/client.ts';
import { keyFilePath } from '../../src/modules/secrets/key-file.ts';
import { createKeyring, envelopeKeyId } from '../../src/modules/secrets/keyring.ts';
import { parseKey } from '../../src/modules/secrets/keys.ts';
import { buildReportBody, PLACES } from '../support/factories.ts';
import {
  runServerExpectingFailure,
  type ServerProcess,
  startServerProcess,
} from '../support/server-process.ts';

// Real server processes start in seconds alone, but much slower while the rest of the suite
// shares the two cores: give them room rather than fail on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

async function post(url: string, body: unknown) {
  const res = await fetch(`${url}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { ref: string } };
}

/**
 * A report whose request the server has taken (it answered `100 Continue` to the headers) but
 * whose body has not been sent yet: in flight for certain, whatever the machine's load.
 */
async function heldReport(url: string): Promise<{ finish(): Promise<{ status: number; ref?: string }> }> {
  const body = JSON.stringify(buildReportBody());
  const req = httpRequest(new URL('/api/v1/reports', url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
    },
  });
  const answered = once(req, 'response') as Promise<[IncomingMessage]>;
  // Handled here; finish() still sees a rejection when it awaits the answer.
  void answered.catch(() => undefined);
  req.flushHeaders();
  // An answer before 100 Continue (or an error) means the request was never held.
  const first = await Promise.race([
    once(req, 'continue').then(() => 'continue' as const),
    answered.then(([response]) => `answered ${response.statusCode} before 100 Continue`),
  ]);
  if (first !== 'continue') throw new Error(first);
  return {
    async finish() {
      req.end(body);
      const [response] = await answered;
      let text = '';
      for await (const chunk of response) text += String(chunk);
      return { status: response.statusCode ?? 0, ref: (JSON.parse(text) as { ref?: string }).ref };
    },
  };
}

/** Resolves once nothing accepts connections on the URL's port any more (the server closed it). */
async function noLongerListening(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  await vi.waitFor(
    () =>
      new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), hostname);
        socket.once('connect', () => {
          socket.destroy();
          reject(new Error('still listening'));
        });
        // Refused: nothing listens. Any other error says nothing about the port.
        socket.once('error', (error: NodeJS.ErrnoException) =>
          error.code === 'ECONNREFUSED' ? resolve() : reject(error),
        );
      }),
    { timeout: 20_000, interval: 20 },
  );
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
    // The demo's own reports (the hydrant with repeated faults, the field worker's tasks) came first.
    expect(created.body.ref).toMatch(/^4001-\d{4}-\d{5}$/);
    const firstNumber = Number(created.body.ref.slice(-5));

    const publicView = await fetch(`${first.url}/api/v1/reports/${created.body.ref}`);
    const publicText = await publicView.text();
    expect(publicView.status).toBe(200);
    expect(publicText).not.toContain('kari@example.no');
    expect(publicText).not.toContain('Kari Nordmann');

    // The demo prints one back-office account per role; the printed password logs in.
    const printed = /^ {2}saksbehandler +(\S+@\S+) +(\S+)$/m.exec(first.output());
    expect(printed, first.output()).not.toBeNull();
    const login = await fetch(`${first.url}/api/v1/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: printed?.[1], password: printed?.[2] }),
    });
    expect(login.status).toBe(200);
    expect(first.output()).toMatch(/^ {2}admin +admin@demo\.meldepunkt\.no +\S{20}$/m);

    const oslo = await post(first.url, buildReportBody({ location: PLACES.osloCityHall }));
    expect(oslo.status).toBe(422);
    expect(JSON.stringify(oslo.body)).toContain('Oslo');

    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await start({ DATA_DIR: dataDir });
    const again = await fetch(`${second.url}/api/v1/reports/${created.body.ref}`);
    expect(again.status).toBe(200);
    // The demo data was not loaded twice, and numbering goes on where it stopped.
    const next = await post(second.url, buildReportBody());
    expect(next.body.ref).toBe(`${created.body.ref.slice(0, -5)}${String(firstNumber + 1).padStart(5, '0')}`);
    expect(await second.stop('SIGTERM')).toBe(0);
  });

  it('finishes requests in flight on SIGTERM, refuses new ones cleanly, and exits with 0', async () => {
    const dataDir = await tempDir();
    const server = await start({ DATA_DIR: dataDir });
    const demoReports = await allRefs(server.url);
    let signalledAt = 0;
    let exit: Promise<number | null> | undefined;
    let held: ReturnType<typeof heldReport> | undefined;
    let heldOutcome: { status: number; ref?: string } | undefined;
    const outcomes: {
      sentAt: number;
      doneAt: number;
      status: number | string;
      ref?: string;
      code?: string;
    }[] = [];
    const worker = async () => {
      for (let i = 0; i < 500; i++) {
        const sentAt = performance.now();
        try {
          // A fresh connection per request: a refused connect then means "no longer listening".
          const res = await fetch(`${server.url}/api/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', connection: 'close' },
            body: JSON.stringify(buildReportBody()),
          });
          const body = (await res.json()) as { ref?: string; error?: { code: string } };
          outcomes.push({
            sentAt,
            doneAt: performance.now(),
            status: res.status,
            ref: body.ref,
            code: body.error?.code,
          });
        } catch (error) {
          const cause = (error as { cause?: { code?: string } }).cause;
          outcomes.push({ sentAt, doneAt: performance.now(), status: cause?.code ?? String(error) });
          return;
        }
        if (!held && outcomes.filter((o) => o.status === 201).length >= 20) {
          held = heldReport(server.url);
          const inFlight = await held;
          signalledAt = performance.now();
          exit = server.stop('SIGTERM');
          // The held request's body goes out once the server has stopped listening: its answer
          // comes from a server that is shutting down.
          await noLongerListening(server.url);
          heldOutcome = await inFlight.finish();
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(await exit).toBe(0);

    // Every request ran to the end (201), was refused with our 503, or found nobody listening
    // (refused, or reset while still waiting in the closed socket's accept queue).
    const kinds = new Set(outcomes.map((o) => (o.status === 503 ? `503 ${o.code}` : String(o.status))));
    for (const kind of kinds)
      expect(['201', '503 shutting_down', 'ECONNREFUSED', 'ECONNRESET']).toContain(kind);
    // The request taken before the signal, whose body came after the port had closed, got its 201.
    expect(heldOutcome?.status).toBe(201);
    // On a quiet machine the other workers' requests in flight at the signal finish too; under
    // load they may not have reached the server yet, so they are not counted on here.
    const finishedAfterSignal = outcomes.filter(
      (o) => o.status === 201 && o.sentAt < signalledAt && o.doneAt > signalledAt,
    );
    console.info(`${finishedAfterSignal.length} other requests sent before the signal got 201 after it`);

    const restarted = await start({ DATA_DIR: dataDir });
    const acknowledged = [...outcomes.filter((o) => o.status === 201).map((o) => o.ref), heldOutcome?.ref];
    // Exactly the acknowledged reports exist: none lost, and no request was cut off half-way
    // (stored but never answered).
    const stored = await allRefs(restarted.url);
    expect(stored.sort()).toEqual([...demoReports, ...acknowledged].sort());
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    const dataDir = await tempDir();
    await start({ DATA_DIR: dataDir });
    const second = await runServerExpectingFailure({ DATA_DIR: dataDir, PORT: '0' });
    expect(second.code).not.toBe(0);
    expect(second.output).toContain('is in use by another Meldepunkt process');
  });

  it('makes a private key file for stored secrets, encrypts plain text left by an older version, and refuses another key', async () => {
    const dataDir = await tempDir();
    const env = { DATA_DIR: dataDir, SEED_DEMO: 'false' };
    const first = await start(env);
    const file = keyFilePath(dataDir);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const key = await readFile(file, 'utf8');
    const keyring = createKeyring([parseKey(key) ?? Buffer.alloc(0)]);
    expect(first.output()).toContain('made a new key for stored secrets');
    expect(await first.stop('SIGTERM')).toBe(0);

    // As an older version left it: both secrets in plain text.
    const legacyAppSecret = randomBytes(32).toString('base64');
    const offline = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const [row] = await queryRows<{ value: string }>(
        offline.db,
        sql`select value from app_settings where key = 'form-token-secret'`,
      );
      expect(envelopeKeyId(row?.value ?? '')).toBe(keyring.keyIds[0]);
      await offline.db.execute(
        sql`update app_settings set value = ${legacyAppSecret} where key = 'form-token-secret'`,
      );
      await offline.db.execute(sql`insert into municipalities (kommunenummer, name, slug, default_language, languages)
        values ('4001', 'Porsgrunn', 'porsgrunn', 'nb', '{nb}')`);
      await offline.db.execute(sql`insert into oidc_providers (kommunenummer, issuer, client_id, client_secret, label)
        values ('4001', 'https://login.example.no', 'meldepunkt', 'legacy-client-secret', 'Porsgrunn')`);
    } finally {
      await offline.close();
    }

    // The second start uses the same key file, and encrypts what it finds in plain text.
    const second = await start(env);
    expect(await readFile(file, 'utf8')).toBe(key);
    expect(second.output()).not.toContain('made a new key');
    expect(await second.stop('SIGTERM')).toBe(0);
    const after = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const [app] = await queryRows<{ value: string }>(
        after.db,
        sql`select value from app_settings where key = 'form-token-secret'`,
      );
      const [oidc] = await queryRows<{ value: string }>(
        after.db,
        sql`select client_secret as value from oidc_providers`,
      );
      expect(envelopeKeyId(app?.value ?? '')).toBe(keyring.keyIds[0]);
      expect(envelopeKeyId(oidc?.value ?? '')).toBe(keyring.keyIds[0]);
      expect(keyring.decrypt(app?.value ?? '', 'app_settings:form-token-secret')).toBe(legacyAppSecret);
      expect(keyring.decrypt(oidc?.value ?? '', 'oidc_providers.client_secret:4001')).toBe(
        'legacy-client-secret',
      );
    } finally {
      await after.close();
    }

    // Started with another key, it stops with a clear message instead of using a wrong secret.
    const wrongKey = await runServerExpectingFailure({
      ...env,
      SECRETS_KEY: randomBytes(32).toString('hex'),
      PORT: '0',
    });
    expect(wrongKey.code).toBe(78);
    expect(wrongKey.output).toContain(
      `Meldepunkt cannot start: The stored secret app_settings:form-token-secret was encrypted with key ${keyring.keyIds[0]}`,
    );
  });

  it('refuses to start with a database server but no SECRETS_KEY (exit 78)', async () => {
    const result = await runServerExpectingFailure({ DATABASE_URL: 'postgres://127.0.0.1:1/meldepunkt' });
    expect(result.code).toBe(78);
    expect(result.output).toContain(
      'Meldepunkt cannot start: SECRETS_KEY is not set: with DATABASE_URL it is required',
    );
  });

  it('stops at start-up with a message naming a wrong setting', async () => {
    const result = await runServerExpectingFailure({ PORT: 'åtti' });
    expect(result.code).toBe(78);
    expect(result.output).toContain(
      'Meldepunkt cannot start: PORT="åtti" is not valid: expected a port number from 0 to 65535.',
    );
  });
});

/** Every report's reference in the public list, page by page. */
async function allRefs(url: string): Promise<string[]> {
  const refs: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await fetch(`${url}/api/v1/reports?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    const page = (await res.json()) as { reports: { ref: string }[]; nextCursor: string | null };
    refs.push(...page.reports.map((r) => r.ref));
    cursor = page.nextCursor;
  } while (cursor);
  return refs;
}

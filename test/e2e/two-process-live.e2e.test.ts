// Two server processes on one PostgreSQL database: a report taken by process A reaches a staff
// screen listening on process B (Server-Sent Events), because PostgreSQL carries the NOTIFY to
// every process's LISTEN connection. Needs a PostgreSQL server (PGlite is one process's database).
import { describe, expect, it, vi } from 'vitest';
import { porsgrunn } from '../../src/modules/tenants/demo/porsgrunn.ts';
import { seedMunicipality } from '../../src/modules/tenants/seed-municipality.ts';
import { createTestDatabase } from '../support/databases.ts';
import { buildReportBody } from '../support/factories.ts';
import { postgresTemplateOrFail, runsWithPostgres } from '../support/requirements.ts';
import { TEST_SECRETS_KEY } from '../support/secrets.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { openSse } from '../support/sse-client.ts';
import { buildStaffUser } from '../support/staff.ts';

// Real server processes start in seconds alone, but much slower while the rest of the suite
// shares the two cores: give them room rather than fail on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

describe('live updates across two server processes', () => {
  // Skipped on a machine without PostgreSQL, but never in CI: there it fails with the reason.
  it.runIf(runsWithPostgres())(
    'a report POSTed to process A arrives on process B within 5 s',
    async () => {
      postgresTemplateOrFail();
      const database = await createTestDatabase('postgres');
      const servers: ServerProcess[] = [];
      try {
        await seedMunicipality(database.handle.db, porsgrunn);
        const user = await buildStaffUser(database.handle.db, {
          kommunenummer: '4001',
          roles: ['saksbehandler'],
        });
        const env = { DATABASE_URL: database.url ?? '', SEED_DEMO: 'false', SECRETS_KEY: TEST_SECRETS_KEY };
        const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
        if (!a || !b) throw new Error('servers did not start');
        servers.push(a, b);

        const login = await fetch(`${b.url}/api/v1/staff/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: user.email, password: user.password }),
        });
        expect(login.status).toBe(200);
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const stream = await openSse(`${b.url}/api/v1/staff/m/4001/events`, { cookie });
        try {
          expect(stream.response.status).toBe(200);
          const posted = await fetch(`${a.url}/api/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(buildReportBody({ description: 'Meldt til prosess A' })),
          });
          expect(posted.status).toBe(201);
          const { id, ref } = (await posted.json()) as { id: string; ref: string };
          const sent = Date.now();
          const event = await stream.next((e) => e.event === 'report' && JSON.parse(e.data).id === id, 5000);
          expect(JSON.parse(event.data)).toEqual({ op: 'insert', id, ref, status: 'mottatt' });
          expect(Date.now() - sent).toBeLessThan(5000);
        } finally {
          await stream.close();
        }
        // Both shut down cleanly even though B had a stream open (the listener is stopped on close).
        expect(await b.stop('SIGTERM')).toBe(0);
        expect(await a.stop('SIGTERM')).toBe(0);
      } finally {
        await Promise.all(servers.map((s) => s.stop('SIGKILL')));
        await database.close();
      }
    },
    60_000,
  );
});

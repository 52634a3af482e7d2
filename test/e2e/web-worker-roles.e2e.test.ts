// Two web processes (ROLE=web) and one worker (ROLE=worker) on one PostgreSQL database, as real
// processes started the way `npm run start:web` and `npm run start:worker` start them. Reports
// posted to either web process appear on the staff live feed of both within a second (the worker
// announces them; no trigger runs in the report's transaction), every receipt is sent exactly
// once, and only the worker runs jobs. Needs a PostgreSQL server.
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { startJobQueue } from '../../src/jobs/queue.ts';
import { porsgrunn } from '../../src/modules/tenants/demo/porsgrunn.ts';
import { seedMunicipality } from '../../src/modules/tenants/seed-municipality.ts';
import { createTestDatabase } from '../support/databases.ts';
import { buildReportBody } from '../support/factories.ts';
import { postgresTemplateOrFail, runsWithPostgres } from '../support/requirements.ts';
import { TEST_SECRETS_KEY } from '../support/secrets.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { startSmtpServer } from '../support/smtp-server.ts';
import { openSse, type SseStream } from '../support/sse-client.ts';
import { buildStaffUser } from '../support/staff.ts';

vi.setConfig({ testTimeout: 600_000 });

/**
 * How soon a staff screen must show a report posted to any web process: 1 s, stretched only by
 * how far the machine's run queue exceeds its cores (the suite shares two cores with other work;
 * a process that gets a tenth of a core cannot answer in the time a whole one would).
 */
const LIVE_WITHIN_MS = 1000;
function liveBoundMs(): number {
  return Math.round(LIVE_WITHIN_MS * Math.max(1, (os.loadavg()[0] ?? 0) / os.cpus().length));
}
const REPORTS_PER_WEB = 5;

async function logIn(url: string, user: { email: string; password: string }): Promise<string> {
  const login = await fetch(`${url}/api/v1/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  expect(login.status).toBe(200);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('web and worker roles on one PostgreSQL', () => {
  it.runIf(runsWithPostgres())(
    'reports posted to two web processes appear live on both; receipts are sent once, by the worker',
    async () => {
      postgresTemplateOrFail();
      const database = await createTestDatabase('postgres');
      const smtp = await startSmtpServer();
      const servers: ServerProcess[] = [];
      const streams: SseStream[] = [];
      try {
        await seedMunicipality(database.handle.db, porsgrunn);
        const user = await buildStaffUser(database.handle.db, {
          kommunenummer: '4001',
          roles: ['saksbehandler'],
        });
        const env = {
          DATABASE_URL: database.url ?? '',
          SEED_DEMO: 'false',
          SECRETS_KEY: TEST_SECRETS_KEY,
          SMTP_URL: smtp.url,
        };
        // Started one after the other: together they share two cores with the rest of the suite.
        const worker = await startServerProcess({ ...env, ROLE: 'worker' }, 180_000);
        servers.push(worker);
        const web1 = await startServerProcess({ ...env, ROLE: 'web' }, 180_000);
        servers.push(web1);
        const web2 = await startServerProcess({ ...env, ROLE: 'web' }, 180_000);
        servers.push(web2);

        // Each process says its role; the worker serves its health and nothing else.
        for (const [server, role] of [
          [web1, 'web'],
          [web2, 'web'],
          [worker, 'worker'],
        ] as const) {
          // A web process runs no job queue; a worker's must be up.
          expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({
            status: 'ok',
            role,
            checks: { database: 'ok', jobQueue: role === 'web' ? 'notRunning' : 'ok' },
          });
        }
        expect((await fetch(`${worker.url}/api/v1/categories?municipality=4001`)).status).toBe(404);

        for (const web of [web1, web2]) {
          const cookie = await logIn(web.url, user);
          const stream = await openSse(`${web.url}/api/v1/staff/m/4001/events`, { cookie });
          expect(stream.response.status).toBe(200);
          streams.push(stream);
        }

        const posted: { id: string; email: string }[] = [];
        const latencies: number[] = [];
        for (let i = 0; i < REPORTS_PER_WEB * 2; i++) {
          const web = i % 2 === 0 ? web1 : web2;
          const email = `kvittering-${i}@example.no`;
          const response = await fetch(`${web.url}/api/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(
              buildReportBody({ description: `Meldt til web ${i % 2}`, contact: { email, notify: 'email' } }),
            ),
          });
          expect(response.status).toBe(201);
          const { id, ref } = (await response.json()) as { id: string; ref: string };
          const answered = Date.now();
          posted.push({ id, email });
          // Both screens show it within the bound, whichever process took it.
          const bound = liveBoundMs();
          await Promise.all(
            streams.map(async (stream) => {
              const event = await stream.next(
                (e) => e.event === 'report' && JSON.parse(e.data).id === id,
                bound,
              );
              latencies.push(Date.now() - answered);
              expect(JSON.parse(event.data)).toEqual({ op: 'insert', id, ref, status: 'mottatt' });
            }),
          );
        }
        latencies.sort((a, b) => a - b);
        console.info(
          `live feed latency (ms) over ${latencies.length} deliveries: median ${latencies[latencies.length >> 1]}, ` +
            `max ${latencies.at(-1)}; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
        );

        // Every reporter gets one receipt; wait until no send job is left, then count again.
        await smtp.waitForMails(posted.length, 60_000);
        await expect
          .poll(
            async () =>
              (
                await queryRows<{ n: number }>(
                  database.handle.db,
                  sql`select count(*)::int as n from pgboss.job
                       where name = 'message.send' and state in ('created', 'retry', 'active')`,
                )
              )[0]?.n,
            { timeout: 60_000 },
          )
          .toBe(0);
        const receipts = smtp.mails.flatMap((mail) => mail.envelopeTo);
        for (const { email } of posted) expect(receipts.filter((to) => to === email)).toHaveLength(1);
        expect(receipts).toHaveLength(posted.length);
        expect([...smtp.countByMessageId().values()].every((n) => n === 1)).toBe(true);

        // Only the worker's pg-boss runs workers and supervision; the web processes only enqueue.
        const jobs = await startJobQueue(database.handle, { supervise: false });
        try {
          await expect
            .poll(
              async () => {
                const instances = await jobs.boss.getInstances();
                const of = (server: ServerProcess) =>
                  instances.find((i) => i.pid === server.child.pid && i.live && !i.stoppedOn);
                return [web1, web2, worker].map((server) => {
                  const instance = of(server);
                  return instance
                    ? { supervise: instance.supervise, working: instance.workers.length > 0 }
                    : undefined;
                });
              },
              { timeout: 30_000 },
            )
            .toEqual([
              { supervise: false, working: false },
              { supervise: false, working: false },
              { supervise: true, working: true },
            ]);
        } finally {
          await jobs.stop();
        }

        for (const stream of streams.splice(0)) await stream.close();
        for (const server of servers.splice(0)) expect(await server.stop('SIGTERM')).toBe(0);
      } finally {
        for (const stream of streams) await stream.close().catch(() => {});
        await Promise.all(servers.map((s) => s.stop('SIGKILL')));
        await smtp.stop();
        await database.close();
      }
    },
  );
});

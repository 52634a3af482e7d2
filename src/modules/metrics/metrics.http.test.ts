// /metrics over real HTTP: hidden unless configured, guarded by its token, on a port of its own,
// and what it reports after real requests, jobs, relayed events and sent mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { buildPorsgrunn, buildReportBody } from '../../../test/support/factories.ts';
import { INBOX } from '../../../test/support/inbox.ts';
import { FAST } from '../../../test/support/notifications.ts';
import { parseMetrics, type Sample, samplesOf, sampleValue } from '../../../test/support/prometheus.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { openSse } from '../../../test/support/sse-client.ts';
import { buildStaffUser, logInAs } from '../../../test/support/staff.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { type Notifications, startNotifications } from '../notifications/start-notifications.ts';
import { watchJobQueues } from './collect-job-queues.ts';
import { watchMessages } from './collect-messages.ts';
import { watchOutbox } from './collect-outbox.ts';
import { type MetricsServer, startMetricsServer } from './metrics-server.ts';

const TOKEN = 'scrape-token-0123456789abcdef';
const bearer = { authorization: `Bearer ${TOKEN}` };

/**
 * The test app runs as a web process (no background work, so events and jobs wait where the test
 * can see them); these are the collectors a worker process adds for the shared database.
 */
function watchAsWorker(t: TestApp): void {
  if (!t.ctx.metrics) throw new Error('the test app has no metrics');
  watchJobQueues(t.ctx.metrics, t.ctx.db.db);
  watchOutbox(t.ctx.metrics, t.ctx.db.db);
  watchMessages(t.ctx.metrics, t.ctx.db.db);
}

async function scrape(t: TestApp): Promise<Sample[]> {
  const response = await t.request('GET', '/metrics', { headers: bearer });
  expect(response.status, response.text).toBe(200);
  return parseMetrics(response.text);
}

describe.each(databaseKinds())('/metrics on %s', (kind) => {
  describe('without METRICS_TOKEN or METRICS_PORT', () => {
    let t: TestApp;
    let server: MetricsServer | undefined;
    beforeAll(async () => {
      t = await startTestApp(kind);
      watchAsWorker(t);
    });
    afterAll(async () => {
      await server?.close();
      await t?.close();
    });

    it('is not found on the web port, whatever the token', async () => {
      expect((await t.request('GET', '/metrics')).status).toBe(404);
      expect((await t.request('GET', '/metrics', { headers: bearer })).status).toBe(404);
    });

    it('is served on METRICS_PORT only, and the web port still says 404', async () => {
      if (!t.ctx.metrics) throw new Error('the test app has no metrics');
      server = await startMetricsServer({
        metrics: t.ctx.metrics,
        host: '127.0.0.1',
        port: 0,
        token: undefined,
      });
      const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const samples = parseMetrics(await response.text());
      expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(samplesOf(samples, 'meldepunkt_job_queue_jobs').length).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${server.port}/anything-else`)).status).toBe(404);
      expect((await t.request('GET', '/metrics')).status).toBe(404);
    });
  });

  describe('with METRICS_TOKEN', () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let notifications: Notifications | undefined;
    beforeAll(async () => {
      smtp = await startSmtpServer();
      t = await startTestApp(kind, {
        metricsToken: TOKEN,
        smtpUrl: smtp.url,
        mailFrom: 'meld@porsgrunn.example',
      });
      watchAsWorker(t);
      await buildPorsgrunn(t.ctx.db.db);
    });
    afterAll(async () => {
      await notifications?.stop();
      await t?.close();
      await smtp?.stop();
    });

    it('refuses a scrape without the token or with a wrong one (401), and answers the right one', async () => {
      const none = await t.request('GET', '/metrics');
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(none.body.error.code).toBe('metrics_token_required');
      const wrong = await t.request('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).toBe(401);
      const basic = await t.request('GET', '/metrics', { headers: { authorization: `Basic ${TOKEN}` } });
      expect(basic.status).toBe(401);
      const right = await t.request('GET', '/metrics', { headers: bearer });
      expect(right.status).toBe(200);
      expect(right.text).toContain('# TYPE meldepunkt_http_request_duration_seconds histogram');
    });

    it('times requests by route pattern, with no reference, token or personal data in any label', async () => {
      const posted = await t.request('POST', '/api/v1/reports', {
        body: buildReportBody({
          description: 'Vann renner ved Hemmeligveien 7.',
          contact: { name: 'Kari Nordmann', email: 'kari.metrics@example.no', notify: 'email' },
        }),
      });
      expect(posted.status, posted.text).toBe(201);
      const { ref, trackingToken } = posted.body as { ref: string; trackingToken: string };
      const tracked = await t.request(
        'GET',
        `/api/v1/reports/${ref}?token=${encodeURIComponent(trackingToken)}`,
      );
      expect(tracked.status).toBe(200);
      const page = await t.request(
        'GET',
        `/porsgrunn/meldinger/${ref}?token=${encodeURIComponent(trackingToken)}`,
      );
      expect(page.status).toBe(200);

      const response = await t.request('GET', '/metrics', { headers: bearer });
      const samples = parseMetrics(response.text);
      const count = 'meldepunkt_http_request_duration_seconds_count';
      expect(
        sampleValue(samples, count, { method: 'POST', route: '/api/v1/reports', status_code: '201' }),
      ).toBe(1);
      expect(
        sampleValue(samples, count, { method: 'GET', route: '/api/v1/reports/:ref', status_code: '200' }),
      ).toBe(1);
      const pageRoutes = samplesOf(samples, count, { method: 'GET', status_code: '200' }).map(
        (s) => s.labels.route,
      );
      expect(pageRoutes.some((route) => route?.startsWith('/:') && route.includes('/meldinger/:'))).toBe(
        true,
      );
      // The whole exposition, not only the labels: nothing the reporter sent or was given.
      for (const secret of [ref, trackingToken, 'kari.metrics', 'Kari', 'Hemmeligveien', '@example.no']) {
        expect(response.text).not.toContain(secret);
      }
      for (const sample of samplesOf(samples, count)) {
        expect(sample.labels.route, JSON.stringify(sample.labels)).toMatch(/^(\/[^?]*|\(unmatched\))$/);
      }
    });

    it('shows the depth of a job queue after a job is enqueued', async () => {
      const before = sampleValue(await scrape(t), 'meldepunkt_job_queue_jobs', {
        queue: 'staff.digest',
        state: 'waiting',
      });
      expect(before).toBe(0);
      // No worker runs in this app, so the job waits.
      await t.ctx.jobs.boss.send('staff.digest', {});
      const samples = await scrape(t);
      expect(
        sampleValue(samples, 'meldepunkt_job_queue_jobs', { queue: 'staff.digest', state: 'waiting' }),
      ).toBe(1);
      expect(
        sampleValue(samples, 'meldepunkt_job_queue_oldest_waiting_seconds', { queue: 'staff.digest' }),
      ).toBeGreaterThanOrEqual(0);
      expect(
        sampleValue(samples, 'meldepunkt_job_queue_jobs', { queue: 'message.send', state: 'active' }),
      ).toBe(0);
    });

    it('shows outbox lag while an event waits for the relay, 0 after it, and counts mail sent', async () => {
      const posted = await t.request('POST', '/api/v1/reports', {
        body: buildReportBody({ contact: { name: 'Ola', email: 'ola.metrics@example.no', notify: 'email' } }),
      });
      expect(posted.status, posted.text).toBe(201);
      const waiting = await scrape(t);
      expect(sampleValue(waiting, 'meldepunkt_outbox_lag_seconds')).toBeGreaterThan(0);
      expect(sampleValue(waiting, 'meldepunkt_outbox_pending_events')).toBeGreaterThanOrEqual(1);

      // The relay and the send workers, with the mail server configured, on this app's metrics.
      notifications = await startNotifications(t.ctx, FAST);
      await notifications.relayNow();
      const relayed = await scrape(t);
      expect(sampleValue(relayed, 'meldepunkt_outbox_lag_seconds')).toBe(0);
      expect(sampleValue(relayed, 'meldepunkt_outbox_pending_events')).toBe(0);

      await smtp.waitForMails(2);
      await expect
        .poll(async () =>
          sampleValue(await scrape(t), 'meldepunkt_messages_sent_total', { channel: 'email' }),
        )
        .toBeGreaterThanOrEqual(2);
      await expect
        .poll(async () => sampleValue(await scrape(t), 'meldepunkt_messages_queued', { channel: 'email' }))
        .toBe(0);
      const sent = await scrape(t);
      expect(sampleValue(sent, 'meldepunkt_messages_sent_total', { channel: 'sms' })).toBeUndefined();
      expect(
        sampleValue(sent, 'meldepunkt_message_send_errors_total', { channel: 'email', kind: 'transient' }),
      ).toBe(0);
    });

    it('fails a mail the server refuses: counted as a permanent send error', async () => {
      smtp.refused.add('refused.metrics@example.no');
      const posted = await t.request('POST', '/api/v1/reports', {
        body: buildReportBody({
          contact: { name: 'Per', email: 'refused.metrics@example.no', notify: 'email' },
        }),
      });
      expect(posted.status, posted.text).toBe(201);
      await notifications?.relayNow();
      await expect
        .poll(async () =>
          sampleValue(await scrape(t), 'meldepunkt_message_send_errors_total', {
            channel: 'email',
            kind: 'permanent',
          }),
        )
        .toBe(1);
    });

    it('counts open live inbox streams', async () => {
      const staff = await logInAs(
        t,
        await buildStaffUser(t.ctx.db.db, { kommunenummer: '4001', roles: ['leser'] }),
      );
      expect(sampleValue(await scrape(t), 'meldepunkt_live_streams')).toBe(0);
      const stream = await openSse(`${t.baseUrl}${INBOX}/events`, { cookie: staff.cookie });
      try {
        expect(stream.response.status).toBe(200);
        await expect.poll(async () => sampleValue(await scrape(t), 'meldepunkt_live_streams')).toBe(1);
      } finally {
        await stream.close();
      }
      await expect.poll(async () => sampleValue(await scrape(t), 'meldepunkt_live_streams')).toBe(0);
    });

    it('reports the connection pool on a PostgreSQL server, and no pool on PGlite', async () => {
      const samples = await scrape(t);
      if (kind === 'postgres') {
        expect(sampleValue(samples, 'meldepunkt_db_pool_max_connections')).toBe(5);
        expect(
          sampleValue(samples, 'meldepunkt_db_pool_connections', { state: 'idle' }),
        ).toBeGreaterThanOrEqual(0);
        expect(sampleValue(samples, 'meldepunkt_db_pool_waiting_requests')).toBe(0);
      } else {
        expect(samplesOf(samples, 'meldepunkt_db_pool_connections')).toEqual([]);
      }
      expect(
        sampleValue(samples, 'meldepunkt_metrics_collector_errors_total', { collector: 'outbox' }),
      ).toBeUndefined();
    });
  });
});

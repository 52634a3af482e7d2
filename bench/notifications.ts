// `node bench/notifications.ts`: 10,000 email messages through the relay and the pg-boss queue to
// a local SMTP server, on PostgreSQL (a scratch database on 127.0.0.1:5432). Prints messages per
// second (from the event to the last message accepted by the SMTP server) and this process's
// peak RSS. The SMTP sink runs in this process too and only counts Message-IDs (no parsing), so
// the number is the product's throughput with a fast mail server, on this machine.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../src/app.ts';
import type { AppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, queryRows } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { startJobQueue } from '../src/jobs/queue.ts';
import { createIntakeCatalog } from '../src/modules/categories/intake-catalog.ts';
import { loadMunicipalityLocator } from '../src/modules/geo/municipality-locator.ts';
import { startNotifications } from '../src/modules/notifications/start-notifications.ts';
import { createLocalPhotoStorage } from '../src/modules/photos/storage.ts';
import { createKeyring } from '../src/modules/secrets/keyring.ts';
import { loadAppSecret } from '../src/modules/tenants/app-secret.ts';
import { porsgrunn } from '../src/modules/tenants/demo/porsgrunn.ts';
import { seedMunicipality } from '../src/modules/tenants/seed-municipality.ts';
import { Cleanup, createScratchDatabase } from './support.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);

async function startSink(): Promise<{ url: string; ids: Map<string, number>; stop(): Promise<void> }> {
  const ids = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 200,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '';
        ids.set(id, (ids.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    ids,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  try {
    const url = await createScratchDatabase(cleanup, 'notifications');
    const handle = await openDatabase({ kind: 'server', url, poolMax: 10 });
    cleanup.defer('close database', () => handle.close());
    await migrateDatabase(handle);
    await seedMunicipality(handle.db, porsgrunn);
    const sink = await startSink();
    cleanup.defer('stop SMTP sink', () => sink.stop());
    const jobs = await startJobQueue(handle, { supervise: false });
    cleanup.defer('stop job queue', () => jobs.stop());
    const photoDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-bench-'));
    cleanup.defer('remove photos', () => rm(photoDir, { recursive: true, force: true }));
    const config = {
      ...loadConfig({}),
      logLevel: 'silent' as const,
      publicUrl: 'https://meld.porsgrunn.example',
      smtpUrl: sink.url,
      mailFrom: 'meld@porsgrunn.example',
      photoDir,
    };
    // A throwaway key: the scratch database is dropped after the run.
    const keyring = createKeyring([randomBytes(32)]);
    const ctx: AppContext = {
      config,
      db: handle,
      jobs,
      locator: await loadMunicipalityLocator(),
      catalog: createIntakeCatalog(handle.db),
      photos: createLocalPhotoStorage(photoDir),
      secret: await loadAppSecret(handle.db, keyring),
      keyring,
    };
    const app = await buildApp(ctx, false);
    cleanup.defer('close app', () => app.close());
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'vann-lekkasje',
        location: { lat: 59.14, lon: 9.66 },
        description: 'Vann renner opp av asfalten.',
        answers: { mengde: 'renner' },
        contact: { email: 'reporter@example.no', notify: 'email' },
      },
    });
    const report = created.json() as { id: string };
    // The receipt is not part of the measurement.
    await handle.db.execute(
      sql`update report_events set notified_at = now() where report_id = ${report.id}::uuid`,
    );
    await handle.db.execute(
      sql`insert into report_followers (report_id, email, language, confirmed_at)
          select ${report.id}::uuid, 'follower' || n || '@example.no', (array['nb','nn','en'])[1 + n % 3], now()
            from generate_series(1, ${MESSAGES - 1}) n`,
    );

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const notifications = await startNotifications(ctx, {
      batchSize: 50,
      pollingIntervalSeconds: 0.5,
      relayIntervalMs: 200,
    });
    cleanup.defer('stop notifications', () => notifications.stop());

    const started = performance.now();
    await handle.db.execute(
      sql`insert into report_events (report_id, kind, public, message, actor)
          values (${report.id}::uuid, 'public_reply', true, 'Vi graver i morgen.', 'system')`,
    );
    const relayed = await notifications.relayNow();
    const relayMs = performance.now() - started;
    while (sink.ids.size < MESSAGES) {
      if (performance.now() - started > 600_000)
        throw new Error(`only ${sink.ids.size} messages after 10 minutes`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    // The row is marked sent just after the server took the message; let the last updates land.
    let counts: { sent: number } | undefined;
    for (let i = 0; i < 100; i++) {
      [counts] = await queryRows<{ sent: number }>(
        handle.db,
        sql`select count(*) filter (where status = 'sent')::int as sent from messages`,
      );
      if (counts?.sent === MESSAGES) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    clearInterval(sampler);
    const twice = [...sink.ids.values()].filter((n) => n > 1).length;
    console.log(
      JSON.stringify(
        {
          messages: MESSAGES,
          relayed: relayed.messages,
          relayMs: Math.round(relayMs),
          seconds: Number(seconds.toFixed(2)),
          messagesPerSecond: Math.round(MESSAGES / seconds),
          peakRssMiB: Math.round(peakRss / 1024 / 1024),
          markedSent: counts?.sent,
          receivedTwice: twice,
        },
        null,
        2,
      ),
    );
  } finally {
    await cleanup.runAll();
  }
}

await main();

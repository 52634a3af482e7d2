// The long-lived parts of a running Meldepunkt, started in order and stopped in reverse.
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { AppContext } from './app-context.ts';
import type { Config } from './config.ts';
import { configuredDatabase, type DatabaseHandle, openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { logSerializers } from './http/logging.ts';
import { scheduleMaintenance } from './jobs/maintenance.ts';
import { startJobQueue } from './jobs/queue.ts';
import { type DemoAccount, seedDemoStaff } from './modules/accounts/seed-demo-staff.ts';
import { createIntakeCatalog } from './modules/categories/intake-catalog.ts';
import { seedAddressesIfEmpty } from './modules/geo/local-addresses.ts';
import { loadMunicipalityLocator } from './modules/geo/municipality-locator.ts';
import { createHealthCheck } from './modules/health/health-check.ts';
import { createMetrics } from './modules/metrics/metrics.ts';
import { type MetricsServer, startMetricsServer } from './modules/metrics/metrics-server.ts';
import { watchDatabase } from './modules/metrics/watch-database.ts';
import { startStaffAlerts } from './modules/notifications/staff-alerts.ts';
import { startNotifications } from './modules/notifications/start-notifications.ts';
import { createLocalPhotoStorage } from './modules/photos/storage.ts';
import { encryptStoredSecrets } from './modules/secrets/encrypt-stored-secrets.ts';
import { loadKeyring } from './modules/secrets/load-keyring.ts';
import { loadAppSecret } from './modules/tenants/app-secret.ts';
import { porsgrunn } from './modules/tenants/demo/porsgrunn.ts';
import { seedMunicipality } from './modules/tenants/seed-municipality.ts';

export interface Services {
  ctx: AppContext;
  /** Embedded demo only: the back office's demo accounts and their passwords for this run. */
  demoAccounts: DemoAccount[];
  /** Hands the HTTP server's logger to the background parts once it exists. */
  attachLogger(log: FastifyBaseLogger): void;
  stop(): Promise<void>;
}

export async function startServices(config: Config): Promise<Services> {
  let log: FastifyBaseLogger = pino({ level: config.logLevel, serializers: logSerializers });
  const [db, locator] = await Promise.all([
    openDatabase(configuredDatabase(config), (error) => log.error({ err: error }, 'database pool error')),
    loadMunicipalityLocator(),
  ]);
  let demoAccounts: DemoAccount[] = [];
  try {
    // After the database is open: in embedded mode its lock makes this the only process that
    // may create the key file.
    const { keyring, notice } = await loadKeyring(config, { createKeyFile: true });
    if (notice) log.warn(notice);
    await migrateDatabase(db);
    const encrypted = await encryptStoredSecrets(db.db, keyring);
    if (encrypted > 0) log.info({ encrypted }, 'stored secrets encrypted');
    if (config.seedDemo) {
      const added = await seedMunicipality(db.db, porsgrunn);
      // Also when only newer demo data (such as the QR links) was added to an older install.
      const addedAny = Object.values(added).some((count) => count > 0);
      if (addedAny) log.info(added, 'demo municipality Porsgrunn loaded');
      const addresses = await seedAddressesIfEmpty(db.db, porsgrunn.kommunenummer);
      if (addresses) log.info({ added: addresses.added }, 'demo addresses for Porsgrunn loaded');
      // Never in server mode: a real installation's accounts are made by its administrators.
      if (config.databaseMode === 'embedded') {
        demoAccounts = await seedDemoStaff(db.db, porsgrunn.kommunenummer, 'demo.meldepunkt.no');
      }
    }
    const jobs = await startJobQueue(db, {
      onError: (error) => log.error({ err: error }, 'job queue error'),
    });
    const photos = createLocalPhotoStorage(config.photoDir);
    await scheduleMaintenance(jobs, db.db, photos);
    // Role 'all' until process roles are configured (issue 10 item 1).
    const metrics = createMetrics();
    watchDatabase(metrics, db, 'all');
    const ctx: AppContext = {
      config,
      db,
      jobs,
      locator,
      catalog: createIntakeCatalog(db.db),
      photos,
      secret: await loadAppSecret(db.db, keyring),
      keyring,
      metrics,
    };
    const notifications = await startNotifications(ctx, {
      log: { error: (obj, message) => log.error(obj, message) },
    });
    const staffAlerts = await startStaffAlerts(ctx);
    let metricsServer: MetricsServer | undefined;
    if (config.metricsPort !== undefined) {
      metricsServer = await startMetricsServer({
        metrics,
        host: config.host,
        port: config.metricsPort,
        token: config.metricsToken,
        health: createHealthCheck({ db, boss: jobs.boss, role: 'all' }),
        onError: (error) => log.error({ err: error }, 'metrics server error'),
      });
    }
    return {
      demoAccounts,
      ctx,
      attachLogger(next) {
        log = next;
      },
      async stop() {
        await metricsServer?.close();
        await staffAlerts.stop();
        await notifications.stop();
        await jobs.stop();
        await db.close();
      },
    };
  } catch (error) {
    await closeQuietly(db);
    throw error;
  }
}

async function closeQuietly(db: DatabaseHandle): Promise<void> {
  try {
    await db.close();
  } catch {
    // Already failing; the first error is the one worth reporting.
  }
}

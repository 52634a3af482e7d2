// The long-lived parts of a running Meldepunkt, started in order and stopped in reverse.
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { AppContext } from './app-context.ts';
import type { Config } from './config.ts';
import { configuredDatabase, type DatabaseHandle, openDatabase } from './db/client.ts';
import { migrateIfNeeded } from './db/migrate.ts';
import { configuredLogDestination } from './http/log-format.ts';
import { logSerializers } from './http/logging.ts';
import { scheduleMaintenance } from './jobs/maintenance.ts';
import { startJobQueue } from './jobs/queue.ts';
import type { DemoAccount } from './modules/accounts/seed-demo-staff.ts';
import { createIntakeCatalog } from './modules/categories/intake-catalog.ts';
import { loadMunicipalityLocator } from './modules/geo/municipality-locator.ts';
import { startStaffAlerts } from './modules/notifications/staff-alerts.ts';
import { startNotifications } from './modules/notifications/start-notifications.ts';
import { createLocalPhotoStorage } from './modules/photos/storage.ts';
import { encryptStoredSecrets } from './modules/secrets/encrypt-stored-secrets.ts';
import { loadKeyring } from './modules/secrets/load-keyring.ts';
import { loadAppSecret } from './modules/tenants/app-secret.ts';
import { StartupPhases, type StartupReport } from './startup/phases.ts';
import { seedDemo } from './startup/seed-demo.ts';

export interface Services {
  ctx: AppContext;
  /** Embedded demo only: the back office's demo accounts and their passwords for this run. */
  demoAccounts: DemoAccount[];
  /** Where the start's time went and what it did (logged once the server is ready). */
  startup: StartupReport;
  /** Hands the HTTP server's logger to the background parts once it exists. */
  attachLogger(log: FastifyBaseLogger): void;
  stop(): Promise<void>;
}

export async function startServices(config: Config): Promise<Services> {
  let log: FastifyBaseLogger = pino(
    { level: config.logLevel, serializers: logSerializers },
    configuredLogDestination(config),
  );
  const phases = new StartupPhases();
  const [db, locator] = await Promise.all([
    phases.time('openDatabase', () =>
      openDatabase(configuredDatabase(config), (error) => log.error({ err: error }, 'database pool error')),
    ),
    phases.time('loadLocator', () => loadMunicipalityLocator()),
  ]);
  let demoAccounts: DemoAccount[] = [];
  try {
    // After the database is open: in embedded mode its lock makes this the only process that
    // may create the key file.
    const { keyring, notice } = await phases.time('loadKeyring', () =>
      loadKeyring(config, { createKeyFile: true }),
    );
    if (notice) log.warn(notice);
    phases.report.work.migrationsRun = await phases.time('migrate', () => migrateIfNeeded(db));
    const encrypted = await phases.time('encryptSecrets', () => encryptStoredSecrets(db.db, keyring));
    if (encrypted > 0) log.info({ encrypted }, 'stored secrets encrypted');
    if (config.seedDemo) demoAccounts = await seedDemo(db.db, config, phases, () => log);
    const jobs = await phases.time('startJobQueue', () =>
      startJobQueue(db, { onError: (error) => log.error({ err: error }, 'job queue error') }),
    );
    const photos = createLocalPhotoStorage(config.photoDir);
    await phases.time('scheduleMaintenance', () => scheduleMaintenance(jobs, db.db, photos));
    const ctx: AppContext = {
      config,
      db,
      jobs,
      locator,
      catalog: createIntakeCatalog(db.db),
      photos,
      secret: await loadAppSecret(db.db, keyring),
      keyring,
    };
    const notifications = await phases.time('startNotifications', () =>
      startNotifications(ctx, { log: { error: (obj, message) => log.error(obj, message) } }),
    );
    const staffAlerts = await phases.time('startStaffAlerts', () => startStaffAlerts(ctx));
    return {
      demoAccounts,
      startup: phases.report,
      ctx,
      attachLogger(next) {
        log = next;
      },
      async stop() {
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

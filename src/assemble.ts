// The one place a running Meldepunkt is put together, for a role: the entry point, the tests and
// the benchmarks all call assemble(). Parts are started in order and stopped in reverse.
//
//   web     the application context (database, job queue to enqueue only, catalog, secrets);
//           the caller builds the HTTP app on it. No workers, schedules, relay or announcer.
//   worker  the same context, plus the worker parts: pg-boss supervision and schedules, the
//           notification relay and send workers, the notice fan-out, staff alerts, housekeeping, and the report change
//           announcer that tells web processes about changes (cases/report-change-announcer.ts).
//   all     both in one process (the embedded default).
//
// Migrations run under an advisory lock (db/migrate.ts) in whichever process starts first, web
// or worker; the others wait for the lock and find nothing left to do.
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { AppContext } from './app-context.ts';
import type { Config, ProcessRole } from './config.ts';
import { configuredDatabase, type DatabaseHandle, openDatabase } from './db/client.ts';
import { migrateIfNeeded } from './db/migrate.ts';
import { configuredLogDestination } from './http/log-format.ts';
import { logSerializers } from './http/logging.ts';
import { maintenanceJobs } from './jobs/maintenance.ts';
import { startJobQueue } from './jobs/queue.ts';
import { type RunningJobs, startJobWorkers } from './jobs/registry.ts';
import type { DemoAccount } from './modules/accounts/seed-demo-staff.ts';
import {
  type ReportChangeAnnouncer,
  type ReportChangeAnnouncerOptions,
  startReportChangeAnnouncer,
} from './modules/cases/report-change-announcer.ts';
import { createIntakeCatalog } from './modules/categories/intake-catalog.ts';
import { seedDemoFieldTasks } from './modules/field/seed-demo-field-tasks.ts';
import { loadMunicipalityLocator, type MunicipalityLocator } from './modules/geo/municipality-locator.ts';
import { createHealthCheck } from './modules/health/health-check.ts';
import { createMetrics } from './modules/metrics/metrics.ts';
import { startMetricsServer } from './modules/metrics/metrics-server.ts';
import { watchDatabase } from './modules/metrics/watch-database.ts';
import {
  type NoticeFanout,
  type NoticeFanoutOptions,
  startNoticeFanout,
} from './modules/notices/start-notice-fanout.ts';
import {
  type StaffAlertOptions,
  type StaffAlerts,
  startStaffAlerts,
} from './modules/notifications/staff-alerts.ts';
import {
  type NotificationOptions,
  type Notifications,
  startNotifications,
} from './modules/notifications/start-notifications.ts';
import { createLocalPhotoStorage } from './modules/photos/storage.ts';
import { encryptStoredSecrets } from './modules/secrets/encrypt-stored-secrets.ts';
import type { Keyring } from './modules/secrets/keyring.ts';
import { loadKeyring } from './modules/secrets/load-keyring.ts';
import { loadAppSecret } from './modules/tenants/app-secret.ts';
import { porsgrunn } from './modules/tenants/demo/porsgrunn.ts';
import { StartupPhases, type StartupReport } from './startup/phases.ts';
import { seedDemo } from './startup/seed-demo.ts';

export interface AssembleOptions {
  /** Default: config.role. */
  role?: ProcessRole;
  /** A database already open and migrated (tests); it is not closed by stop(). */
  database?: DatabaseHandle;
  /** Tests bring their keys; otherwise read from the configuration (or the embedded key file). */
  keyring?: Keyring;
  /** Tests share one locator per file. */
  locator?: MunicipalityLocator;
  /** pg-boss supervision and cron (default: in roles with the worker); tests that drive jobs themselves turn it off. */
  supervise?: boolean;
  notifications?: NotificationOptions;
  noticeFanout?: NoticeFanoutOptions;
  staffAlerts?: StaffAlertOptions;
  announcer?: ReportChangeAnnouncerOptions;
}

/** The worker's parts, present in roles worker and all. */
export interface WorkerParts {
  notifications: Notifications;
  noticeFanout: NoticeFanout;
  staffAlerts: StaffAlerts;
  announcer: ReportChangeAnnouncer;
  housekeeping: RunningJobs;
}

export interface Assembly {
  role: ProcessRole;
  ctx: AppContext;
  worker: WorkerParts | undefined;
  /** Embedded demo only: the back office's demo accounts and their passwords for this run. */
  demoAccounts: DemoAccount[];
  /** Where the start's time went and what it did (logged once the server is ready). */
  startup: StartupReport;
  /** Hands the HTTP server's logger to the background parts once it exists. */
  attachLogger(log: FastifyBaseLogger): void;
  stop(): Promise<void>;
}

export function runsWeb(role: ProcessRole): boolean {
  return role !== 'worker';
}

export function runsWorker(role: ProcessRole): boolean {
  return role !== 'web';
}

export async function assemble(config: Config, options: AssembleOptions = {}): Promise<Assembly> {
  const role = options.role ?? config.role;
  let log: FastifyBaseLogger = pino(
    { level: config.logLevel, serializers: logSerializers },
    configuredLogDestination(config),
  );
  const phases = new StartupPhases();
  const relayLog = { error: (obj: object, message: string) => log.error(obj, message) };
  const ownDatabase = options.database === undefined;
  const [db, locator] = await Promise.all([
    options.database ??
      phases.time('openDatabase', () =>
        openDatabase(configuredDatabase(config), (error) => log.error({ err: error }, 'database pool error')),
      ),
    options.locator ?? phases.time('loadLocator', () => loadMunicipalityLocator()),
  ]);
  const stops: (() => Promise<void>)[] = [];
  if (ownDatabase) stops.push(() => db.close());
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
    stops.length = 0;
  };
  try {
    let keyring = options.keyring;
    let demoAccounts: DemoAccount[] = [];
    if (ownDatabase) {
      // After the database is open: in embedded mode its lock makes this the only process that
      // may create the key file.
      const loaded = await phases.time('loadKeyring', () => loadKeyring(config, { createKeyFile: true }));
      if (loaded.notice) log.warn(loaded.notice);
      keyring = loaded.keyring;
      phases.report.work.migrationsRun = await phases.time('migrate', () => migrateIfNeeded(db));
      const ring = keyring;
      const encrypted = await phases.time('encryptSecrets', () => encryptStoredSecrets(db.db, ring));
      if (encrypted > 0) log.info({ encrypted }, 'stored secrets encrypted');
      if (config.seedDemo) demoAccounts = await seedDemo(db.db, config, phases, () => log);
      const fieldWorker = demoAccounts.find((a) => a.role === 'feltarbeider');
      if (fieldWorker) {
        // Open tasks for the demo's field worker, so the field app is not empty (embedded demo only).
        await phases.time('seedDemoFieldTasks', () =>
          seedDemoFieldTasks(
            { database: db, catalog: createIntakeCatalog(db.db), locator },
            porsgrunn.kommunenummer,
            fieldWorker.email,
          ),
        );
      }
    }
    if (!keyring) throw new Error('assemble() needs a keyring with a database of the caller');
    const jobs = await phases.time('startJobQueue', () =>
      startJobQueue(db, {
        // Supervision and cron belong to workers; a web process only enqueues.
        supervise: options.supervise ?? runsWorker(role),
        onError: (error) => log.error({ err: error }, 'job queue error'),
      }),
    );
    stops.push(() => jobs.stop());
    const photos = createLocalPhotoStorage(config.photoDir);
    // Each assembly its own registry: tests build several in one process.
    const metrics = createMetrics();
    watchDatabase(metrics, db, role);
    const ctx: AppContext = {
      // The role this process runs (health checks say it), which a test may choose apart from ROLE.
      config: role === config.role ? config : { ...config, role },
      db,
      jobs,
      locator,
      catalog: createIntakeCatalog(db.db),
      photos,
      secret: await loadAppSecret(db.db, keyring),
      keyring,
      metrics,
    };
    if (config.metricsPort !== undefined) {
      const metricsServer = await startMetricsServer({
        metrics,
        host: config.host,
        port: config.metricsPort,
        token: config.metricsToken,
        health: createHealthCheck({ db, boss: jobs.boss, role }),
        onError: (error) => log.error({ err: error }, 'metrics server error'),
      });
      stops.push(() => metricsServer.close());
    }
    let worker: WorkerParts | undefined;
    if (runsWorker(role)) {
      const housekeeping = await phases.time('startHousekeeping', () =>
        startJobWorkers(jobs.boss, maintenanceJobs(db.db, photos)),
      );
      stops.push(() => housekeeping.stop());
      const notifications = await phases.time('startNotifications', () =>
        startNotifications(ctx, { log: relayLog, ...options.notifications }),
      );
      stops.push(() => notifications.stop());
      const noticeFanout = await phases.time('startNoticeFanout', () =>
        startNoticeFanout(ctx, notifications.wakeSenders, { log: relayLog, ...options.noticeFanout }),
      );
      stops.push(() => noticeFanout.stop());
      const staffAlerts = await phases.time('startStaffAlerts', () =>
        startStaffAlerts(ctx, options.staffAlerts),
      );
      stops.push(() => staffAlerts.stop());
      const announcer = startReportChangeAnnouncer(db, log, {
        ...options.announcer,
        // New history entries may be new messages to write: relay now rather than at the next tick.
        onChanges: (changes) => {
          options.announcer?.onChanges?.(changes);
          if (options.notifications?.relayOnChanges === false) return;
          notifications.relayNow().catch((error: unknown) => relayLog.error({ err: error }, 'relay failed'));
        },
      });
      stops.push(() => announcer.stop());
      worker = { notifications, noticeFanout, staffAlerts, announcer, housekeeping };
    }
    return {
      role,
      startup: phases.report,
      ctx,
      worker,
      demoAccounts,
      attachLogger(next) {
        log = next;
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }
}

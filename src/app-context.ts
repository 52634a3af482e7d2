// What the HTTP layer and the use cases are given: built once in main.ts (or by a test).
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { IntakeCatalog } from './modules/categories/intake-catalog.ts';
import type { MunicipalityLocator } from './modules/geo/municipality-locator.ts';
import type { Metrics } from './modules/metrics/metrics.ts';
import type { PhotoStorage } from './modules/photos/storage.ts';
import type { Keyring } from './modules/secrets/keyring.ts';

export interface AppContext {
  config: Config;
  db: DatabaseHandle;
  jobs: JobQueue;
  locator: MunicipalityLocator;
  /** Municipalities and categories as report intake sees them, cached per process. */
  catalog: IntakeCatalog;
  /** Where report photos are kept (a local directory, later also S3-compatible storage). */
  photos: PhotoStorage;
  /** Signs form tokens, stop links and fix-check links (shared by all processes; see tenants/app-secret.ts). */
  secret: Buffer;
  /** Encrypts and decrypts the secrets stored in the database (see secrets/keyring.ts). */
  keyring: Keyring;
  /** This process's Prometheus metrics (modules/metrics); absent: nothing is measured. */
  metrics?: Metrics;
}

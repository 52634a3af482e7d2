// `npm run db:migrate`: applies the checked-in migrations to the configured database and exits.
// The server does the same at start-up; this is for deployments that migrate as a separate step.
import { ConfigError, loadConfig } from '../config.ts';
import { configuredDatabase, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { errorText } from '../http/logging.ts';
import { startJobQueue } from '../jobs/queue.ts';

try {
  const config = loadConfig();
  const db = await openDatabase(configuredDatabase(config, 2));
  try {
    await migrateDatabase(db);
    // pg-boss keeps its own schema in the same database; starting it once creates or upgrades it.
    const jobs = await startJobQueue(db, { supervise: false });
    await jobs.stop();
    console.log(`Migrations applied (${config.databaseMode} database).`);
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(`Migration failed: ${error instanceof ConfigError ? error.message : errorText(error)}`);
  process.exitCode = 1;
}

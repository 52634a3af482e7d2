// Starts Meldepunkt in the role ROLE names (web, worker or all; see assemble.ts): configuration,
// the assembled parts, and the HTTP server (the whole application, or a worker's health
// endpoint); and stops them in reverse order on SIGTERM/SIGINT.
import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import { buildApp, loggerOptions } from './app.ts';
import { type Assembly, assemble, runsWeb } from './assemble.ts';
import { ConfigError, loadConfig } from './config.ts';
import { configuredLogDestination } from './http/log-format.ts';
import { loggableError } from './http/logging.ts';
import { DEMO_PASSWORD_FILE } from './modules/accounts/demo-password-file.ts';
import { demoAccountsText } from './startup/demo-accounts-text.ts';
import { buildWorkerHealth } from './worker-health.ts';

/**
 * Starting (migrations, the demo's seed, compiling about a thousand modules) leaves some 40 MB of
 * garbage that V8 keeps until allocation pressure asks for a full collection, which an idle
 * process never does: one collection now returns it to the operating system. `npm start` (the
 * embedded install on a small machine) exposes `gc` for this one call (--expose-gc); without the
 * option nothing happens.
 */
function releaseStartupGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}

async function main(): Promise<void> {
  const started = performance.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Meldepunkt cannot start: ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  let services: Assembly;
  try {
    services = await assemble(config);
  } catch (error) {
    // A stored secret that the configured keys cannot read is a configuration error too.
    if (error instanceof ConfigError) {
      console.error(`Meldepunkt cannot start: ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const buildStarted = performance.now();
  const logger = loggerOptions(config.logLevel, configuredLogDestination(config));
  const app = runsWeb(config.role)
    ? await buildApp(services.ctx, logger)
    : await buildWorkerHealth(services.ctx, logger);
  services.startup.phases.buildApp = Math.round(performance.now() - buildStarted);
  services.attachLogger(app.log);

  closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    // Stop taking requests and let the ones in flight finish, then stop jobs and the database.
    await app.close();
    await services.stop();
  });

  const listenStarted = performance.now();
  await app.listen({ port: config.port, host: config.host });
  services.startup.phases.listen = Math.round(performance.now() - listenStarted);
  app.log.info(services.startup, 'start-up phases (milliseconds) and the work they did');
  app.log.info(
    {
      url: config.publicUrl,
      role: config.role,
      database: config.databaseMode,
      startupMs: Math.round(performance.now() - started),
    },
    runsWeb(config.role)
      ? `Meldepunkt (${config.role}) is ready at ${config.publicUrl} (${config.databaseMode} database)`
      : `Meldepunkt worker is running (health on port ${config.port}, ${config.databaseMode} database)`,
  );
  releaseStartupGarbage();
  if (services.demoAccounts.length > 0) {
    // Last, after the start-up lines, in one write: for the person trying the demo, not the log.
    process.stdout.write(
      demoAccountsText(
        services.demoAccounts,
        config.publicUrl,
        path.join(config.dataDir, DEMO_PASSWORD_FILE),
      ),
    );
  }
}

// A failure while starting (a database error in a migration, say) is printed like a log line: an
// uncaught error would print its whole message, and a database error's carries its parameters.
await main().catch((error: unknown) => {
  console.error(`Meldepunkt stopped after an error: ${JSON.stringify(loggableError(error))}`);
  process.exit(1);
});

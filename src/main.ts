// Starts Meldepunkt in the role ROLE names (web, worker or all; see assemble.ts): configuration,
// the assembled parts, and the HTTP server (the whole application, or a worker's health
// endpoint); and stops them in reverse order on SIGTERM/SIGINT.
import closeWithGrace from 'close-with-grace';
import { buildApp, loggerOptions } from './app.ts';
import { type Assembly, assemble, runsWeb } from './assemble.ts';
import { ConfigError, loadConfig } from './config.ts';
import { loggableError } from './http/logging.ts';
import { buildWorkerHealth } from './worker-health.ts';

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
  const app = runsWeb(config.role)
    ? await buildApp(services.ctx)
    : await buildWorkerHealth(services.ctx, loggerOptions(config.logLevel));
  services.attachLogger(app.log);

  closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    // Stop taking requests and let the ones in flight finish, then stop jobs and the database.
    await app.close();
    await services.stop();
  });

  await app.listen({ port: config.port, host: config.host });
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
  if (services.demoAccounts.length > 0) {
    // Printed, not logged: these are for the person trying the demo, and change at every start.
    const lines = services.demoAccounts.map(
      (a) => `  ${a.role.padEnd(14)} ${a.email.padEnd(36)} ${a.password}`,
    );
    process.stdout.write(
      `\nDemo back office: ${config.publicUrl}/admin/  (passwords are new at every start)\n${lines.join('\n')}\n\n`,
    );
  }
}

// A failure while starting (a database error in a migration, say) is printed like a log line: an
// uncaught error would print its whole message, and a database error's carries its parameters.
await main().catch((error: unknown) => {
  console.error(`Meldepunkt stopped after an error: ${JSON.stringify(loggableError(error))}`);
  process.exit(1);
});

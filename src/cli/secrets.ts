// `npm run secrets -- <command>`: the key that encrypts the secrets stored in the database (see
// docs/operations.md, "Secrets"). generate-key prints a new key; check says which configured keys
// the stored secrets use (and whether any cannot be read); rotate re-encrypts every stored secret
// with the first key. Never prints a secret, only where it is and which key encrypts it.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { configuredDatabase, openDatabase } from '../db/client.ts';
import { DirectoryLockedError } from '../db/directory-lock.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { checkSecrets } from '../modules/secrets/check-secrets.ts';
import { generateKey } from '../modules/secrets/keys.ts';
import { loadKeyring } from '../modules/secrets/load-keyring.ts';
import { rotateSecrets } from '../modules/secrets/rotate-secrets.ts';

const USAGE = `Usage: npm run secrets -- <command>

Commands:
  generate-key  Prints a new random key (32 bytes, base64) for SECRETS_KEY or DATA_DIR/secrets.key.
  check         Which configured keys the stored secrets are encrypted with. Exit code 1 if any
                cannot be read with them, or is still in plain text.
  rotate        Re-encrypts every stored secret with the first key. Put the new key first
                (SECRETS_KEY=new,old) in every process before running it.

Keys come from SECRETS_KEY, else (embedded) from DATA_DIR/secrets.key. Stop the server first in
embedded mode.`;

async function withKeyring<T>(
  work: (
    db: Awaited<ReturnType<typeof openDatabase>>,
    keyring: Awaited<ReturnType<typeof loadKeyring>>,
  ) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(configuredDatabase(config, 2));
  try {
    await migrateDatabase(db);
    return await work(db, await loadKeyring(config, { createKeyFile: false }));
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  const [command] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  switch (command) {
    case 'generate-key':
      console.log(generateKey());
      return 0;
    case 'check':
      return withKeyring(async (db, { keyring, source }) => {
        const result = await checkSecrets(db.db, keyring);
        console.log(`Keys (from ${source}; the first encrypts):`);
        for (const [i, key] of result.keys.entries()) {
          const role = i === 0 ? 'encrypts' : 'decrypts';
          console.log(
            `  ${key.keyId}  ${role}, used by ${key.uses} stored secret${key.uses === 1 ? '' : 's'}`,
          );
        }
        console.log('Stored secrets:');
        for (const s of result.secrets) {
          console.log(`  ${s.context}  ${s.readable ? `key ${s.keyId}` : `NOT READABLE: ${s.problem}`}`);
        }
        const unused = result.keys.slice(1).filter((k) => k.uses === 0);
        if (unused.length > 0)
          console.log(`No stored secret needs ${unused.map((k) => k.keyId).join(', ')} any more.`);
        return result.secrets.every((s) => s.readable) ? 0 : 1;
      });
    case 'rotate':
      return withKeyring(async (db, { keyring }) => {
        const result = await rotateSecrets(db.db, keyring);
        console.log(
          `Re-encrypted ${result.reencrypted} stored secret${result.reencrypted === 1 ? '' : 's'} with key ${keyring.keyIds[0]}; ` +
            `${result.unchanged} already used it.`,
        );
        return 0;
      });
    default:
      console.error(`${command ? `Unknown command "${command}".` : 'No command given.'}\n\n${USAGE}`);
      return 1;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof DirectoryLockedError) {
    console.error(
      `${error.message}\nStop the Meldepunkt server first: the embedded database takes one process at a time.`,
    );
  } else if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}

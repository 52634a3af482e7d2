// Building a migrated database takes seconds; cloning one takes milliseconds. The global setup
// builds one template per database kind, and each test file gets its own copy.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Names of every database one test run creates start with this, so the run can drop its own. */
export function runPrefix(): string {
  return `meldepunkt_test_${randomBytes(4).toString('hex')}`;
}

export function randomDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(base: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// `npm run secrets -- …` end to end against a PostgreSQL database: a key rotation as the
// operator does it, step by step.
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../test/support/databases.ts';
import { buildPorsgrunn } from '../../test/support/factories.ts';
import { queryRows } from '../db/client.ts';
import { encryptStoredSecrets } from '../modules/secrets/encrypt-stored-secrets.ts';
import { createKeyring, envelopeKeyId } from '../modules/secrets/keyring.ts';
import { keyIdOf, parseKey } from '../modules/secrets/keys.ts';
import { loadAppSecret } from '../modules/tenants/app-secret.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function run(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['src/cli/secrets.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('npm run secrets -- generate-key', () => {
  it('prints a new 32-byte key each time', async () => {
    const [a, b] = await Promise.all([run({}, 'generate-key'), run({}, 'generate-key')]);
    expect(parseKey(a.stdout.trim())).toHaveLength(32);
    expect(a.stdout).not.toBe(b.stdout);
  });
});

describe.runIf(databaseKinds().includes('postgres'))('npm run secrets on a PostgreSQL server', () => {
  let database: TestDatabase;
  let oldKey: string;
  let newKey: string;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await buildPorsgrunn(database.handle.db);
    oldKey = (await run({}, 'generate-key')).stdout.trim();
    newKey = (await run({}, 'generate-key')).stdout.trim();
    const oldRing = createKeyring([parseKey(oldKey) ?? Buffer.alloc(0)]);
    await database.handle.db.execute(sql`insert into oidc_providers (kommunenummer, issuer, client_id, client_secret, label)
      values ('4001', 'https://login.example.no', 'meldepunkt', 'porsgrunn-client-secret', 'Porsgrunn')`);
    await loadAppSecret(database.handle.db, oldRing);
    await encryptStoredSecrets(database.handle.db, oldRing);
  });
  afterAll(() => database.close());

  it('checks, rotates to a new key, and the old key is then no longer needed', async () => {
    const url = database.url ?? '';
    const oldId = keyIdOf(parseKey(oldKey) ?? Buffer.alloc(0));
    const newId = keyIdOf(parseKey(newKey) ?? Buffer.alloc(0));

    const before = await run({ DATABASE_URL: url, SECRETS_KEY: oldKey }, 'check');
    expect(before.code).toBe(0);
    expect(before.stdout).toContain(`${oldId}  encrypts, used by 2 stored secrets`);
    expect(before.stdout).toContain(`oidc_providers.client_secret:4001  key ${oldId}`);
    expect(before.stdout).not.toContain('porsgrunn-client-secret');

    const rotated = await run({ DATABASE_URL: url, SECRETS_KEY: `${newKey},${oldKey}` }, 'rotate');
    expect(rotated.stderr).toBe('');
    expect(rotated.stdout).toContain(`Re-encrypted 2 stored secrets with key ${newId}; 0 already used it.`);
    const rows = await queryRows<{ value: string }>(
      database.handle.db,
      sql`select value from app_settings where key = 'form-token-secret' union all select client_secret from oidc_providers`,
    );
    expect(rows.map((r) => envelopeKeyId(r.value))).toEqual([newId, newId]);

    const both = await run({ DATABASE_URL: url, SECRETS_KEY: `${newKey},${oldKey}` }, 'check');
    expect(both.stdout).toContain(`No stored secret needs ${oldId} any more.`);
    expect((await run({ DATABASE_URL: url, SECRETS_KEY: newKey }, 'check')).code).toBe(0);
    const oldOnly = await run({ DATABASE_URL: url, SECRETS_KEY: oldKey }, 'check');
    expect(oldOnly.code).toBe(1);
    expect(oldOnly.stdout).toContain('NOT READABLE');
  });

  it('needs SECRETS_KEY with a database server', async () => {
    const missing = await run({ DATABASE_URL: database.url ?? '' }, 'check');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('SECRETS_KEY is not set');
  });
});

// The secrets in the database are encrypted at start (old plain text included, safely when
// several processes start at once), re-encrypted by a rotation, and reported by a check. Read
// straight from the rows: the database never holds the plain text afterwards.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/databases.ts';
import { buildMunicipality, buildPorsgrunn } from '../../../test/support/factories.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { loadAppSecret } from '../tenants/app-secret.ts';
import { checkSecrets } from './check-secrets.ts';
import { encryptStoredSecrets } from './encrypt-stored-secrets.ts';
import { createKeyring, envelopeKeyId, isEncrypted } from './keyring.ts';
import { rotateSecrets } from './rotate-secrets.ts';
import { oidcClientSecretContext, settingContext } from './stored-secrets.ts';

const APP_SECRET = randomBytes(32).toString('base64');

async function rawRows(db: Database) {
  return queryRows<{ place: string; value: string }>(
    db,
    sql`select 'app_settings:' || key as place, value from app_settings where key = 'form-token-secret'
        union all
        select 'oidc:' || kommunenummer, client_secret from oidc_providers
        order by place`,
  );
}

/** Puts the database back to how an older version left it: every secret in plain text. */
async function plainTextSecrets(db: Database): Promise<void> {
  await db.execute(sql`delete from app_settings where key = 'form-token-secret'`);
  await db.execute(sql`delete from oidc_providers`);
  await db.execute(sql`insert into app_settings (key, value) values ('form-token-secret', ${APP_SECRET})`);
  await db.execute(sql`insert into oidc_providers (kommunenummer, issuer, client_id, client_secret, label) values
    ('4001', 'https://login.example.no/porsgrunn', 'meldepunkt', 'porsgrunn-client-secret', 'Porsgrunn'),
    ('4003', 'https://login.example.no/skien', 'meldepunkt', 'skien-client-secret', 'Skien')`);
}

describe.each(databaseKinds())('secrets stored in the database on %s', (kind) => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.handle.db;
    await buildPorsgrunn(db);
    await buildMunicipality(db, { kommunenummer: '4003', name: 'Skien' });
  });
  afterAll(() => database.close());

  it('encrypts plain text at start, once, even with several processes starting at once', async () => {
    await plainTextSecrets(db);
    const keyring = createKeyring([randomBytes(32)]);
    const counts = await Promise.all([encryptStoredSecrets(db, keyring), encryptStoredSecrets(db, keyring)]);
    expect(counts[0] + counts[1]).toBe(3);
    const rows = await rawRows(db);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(isEncrypted(row.value), row.place).toBe(true);
      expect(row.value).not.toContain('client-secret');
      expect(row.value).not.toContain(APP_SECRET);
    }
    expect(keyring.decrypt(rows[0]?.value ?? '', settingContext('form-token-secret'))).toBe(APP_SECRET);
    expect(keyring.decrypt(rows[1]?.value ?? '', oidcClientSecretContext('4001'))).toBe(
      'porsgrunn-client-secret',
    );
    expect(await encryptStoredSecrets(db, keyring)).toBe(0);
    expect(await rawRows(db)).toEqual(rows);
    // The form-token secret reads back as the same 32 bytes it was in plain text.
    expect((await loadAppSecret(db, keyring)).toString('base64')).toBe(APP_SECRET);
  });

  it('makes the form-token secret encrypted, and encrypts one left in plain text when it reads it', async () => {
    await db.execute(sql`delete from app_settings where key = 'form-token-secret'`);
    const keyring = createKeyring([randomBytes(32)]);
    const made = await loadAppSecret(db, keyring);
    expect(made).toHaveLength(32);
    const [row] = await rawRows(db);
    expect(envelopeKeyId(row?.value ?? '')).toBe(keyring.keyIds[0]);
    expect((await loadAppSecret(db, keyring)).equals(made)).toBe(true);

    await db.execute(sql`update app_settings set value = ${APP_SECRET} where key = 'form-token-secret'`);
    expect((await loadAppSecret(db, keyring)).toString('base64')).toBe(APP_SECRET);
    const [after] = await rawRows(db);
    expect(isEncrypted(after?.value ?? '')).toBe(true);
    // Another key cannot read it: a clear error, not a wrong secret.
    await expect(loadAppSecret(db, createKeyring([randomBytes(32)]))).rejects.toThrow(
      'was encrypted with key',
    );
  });

  it('re-encrypts everything with the new first key on rotation, and reports which keys are in use', async () => {
    await plainTextSecrets(db);
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const oldRing = createKeyring([oldKey]);
    await encryptStoredSecrets(db, oldRing);
    // An administrator's change made with the new key before the rotation: it stays as it is.
    const newRing = createKeyring([newKey, oldKey]);
    await db.execute(sql`update oidc_providers set client_secret = ${newRing.encrypt('skien-new-secret', oidcClientSecretContext('4003'))}
      where kommunenummer = '4003'`);

    const before = await checkSecrets(db, newRing);
    expect(before.keys).toEqual([
      { keyId: newRing.keyIds[0], uses: 1 },
      { keyId: oldRing.keyIds[0], uses: 2 },
    ]);
    expect(before.secrets.every((s) => s.readable)).toBe(true);

    expect(await rotateSecrets(db, newRing)).toEqual({ reencrypted: 2, unchanged: 1 });
    const rows = await rawRows(db);
    expect(rows.map((r) => envelopeKeyId(r.value))).toEqual([
      newRing.keyIds[0],
      newRing.keyIds[0],
      newRing.keyIds[0],
    ]);
    // The old key is no longer needed: the new one alone reads everything.
    const newOnly = createKeyring([newKey]);
    expect((await checkSecrets(db, newOnly)).secrets.every((s) => s.readable)).toBe(true);
    expect(newOnly.decrypt(rows[2]?.value ?? '', oidcClientSecretContext('4003'))).toBe('skien-new-secret');
    expect((await loadAppSecret(db, newOnly)).toString('base64')).toBe(APP_SECRET);
    expect(await rotateSecrets(db, newRing)).toEqual({ reencrypted: 0, unchanged: 3 });
  });

  it('stops a rotation before changing anything when a value cannot be read, and the check says which', async () => {
    await plainTextSecrets(db);
    const lostKey = createKeyring([randomBytes(32)]);
    await encryptStoredSecrets(db, lostKey);
    const current = createKeyring([randomBytes(32)]);
    await db.execute(sql`update oidc_providers set client_secret = ${current.encrypt('x', oidcClientSecretContext('4001'))}
      where kommunenummer = '4001'`);
    const snapshot = await rawRows(db);
    await expect(rotateSecrets(db, current)).rejects.toThrow('is not among the configured keys');
    expect(await rawRows(db)).toEqual(snapshot);
    const check = await checkSecrets(db, current);
    expect(check.secrets.filter((s) => !s.readable).map((s) => s.context)).toEqual([
      'app_settings:form-token-secret',
      'oidc_providers.client_secret:4003',
    ]);
  });
});

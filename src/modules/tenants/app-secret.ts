// The secret that signs form tokens, stop links and fix-check links. Stored in the database so
// that every process agrees on it, encrypted with the keyring (see secrets/keyring.ts); the first
// process to start creates it. Decrypted once, here, and kept as a Buffer in the app context.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { isEncrypted, type Keyring } from '../secrets/keyring.ts';
import { replaceStoredSecret, settingContext } from '../secrets/stored-secrets.ts';
import { appSettings } from './schema.ts';

const KEY = 'form-token-secret';
const CONTEXT = settingContext(KEY);

async function readRow(db: Database) {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, KEY));
  if (!row) throw new Error('The application secret could not be stored');
  return row;
}

export async function loadAppSecret(db: Database, keyring: Keyring): Promise<Buffer> {
  await db
    .insert(appSettings)
    .values({ key: KEY, value: keyring.encrypt(randomBytes(32).toString('base64'), CONTEXT) })
    .onConflictDoNothing();
  let row = await readRow(db);
  if (!isEncrypted(row.value)) {
    // Stored in plain text by an older version: encrypt it now (the first process to do so wins).
    const secret = { table: 'app_settings' as const, id: KEY, value: row.value };
    await replaceStoredSecret(db, secret, keyring.encrypt(row.value, CONTEXT));
    row = await readRow(db);
  }
  return Buffer.from(keyring.decrypt(row.value, CONTEXT), 'base64');
}

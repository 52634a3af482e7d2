// The secret that signs form tokens. Stored in the database so that every process agrees on it;
// the first process to start creates it.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { appSettings } from './schema.ts';

const KEY = 'form-token-secret';

export async function loadAppSecret(db: Database): Promise<Buffer> {
  await db
    .insert(appSettings)
    .values({ key: KEY, value: randomBytes(32).toString('base64') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, KEY));
  if (!row) throw new Error('The application secret could not be stored');
  return Buffer.from(row.value, 'base64');
}

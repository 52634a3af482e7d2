// Idempotency-Key support for POST: a retried request gets the first answer again.
// The key is stored as a hash. The answer is rebuilt from the report it created; the one secret
// in it, the tracking token, is sealed (AES-256-GCM) with a key derived from the Idempotency-Key,
// so only a client holding that key can get it back, and the database alone never reveals it.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import type { Queryable } from '../../db/client.ts';
import { municipalities } from '../tenants/schema.ts';
import { idempotencyKeys, reports } from './schema.ts';

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;
/** How long an answer is kept for replay. */
export const IDEMPOTENCY_TTL_HOURS = 24;

export interface IdempotencyRequest {
  key: string;
  keyHash: Buffer;
  requestHash: Buffer;
}

/**
 * `space` keeps keys of different callers apart: the public intake's ('idempotency') and a staff
 * member's ('idempotency-staff', with their id in the key). The hashed text starts with it, so no
 * key a resident may send (any printable characters) hashes like a staff member's.
 */
export function describeRequest(
  key: string,
  body: unknown,
  space: 'idempotency' | 'idempotency-staff' = 'idempotency',
): IdempotencyRequest {
  return {
    key,
    keyHash: createHash('sha256').update(`${space}:${key}`).digest(),
    requestHash: createHash('sha256')
      .update(stringify(body) ?? '')
      .digest(),
  };
}

function sealingKey(key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'meldepunkt-idempotency', 'tracking-token', 32));
}

export function seal(key: string, secret: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal(key: string, sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
}

export interface EarlierReport {
  id: string;
  ref: string;
  slug: string;
  acute: boolean;
  trackingToken: string;
}

export type Lookup = { kind: 'none' } | { kind: 'replay'; report: EarlierReport } | { kind: 'mismatch' };

export async function lookUpIdempotentAnswer(db: Queryable, request: IdempotencyRequest): Promise<Lookup> {
  const rows = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      sealed: idempotencyKeys.trackingTokenSealed,
      id: reports.id,
      ref: reports.ref,
      acute: reports.acute,
      slug: municipalities.slug,
    })
    .from(idempotencyKeys)
    .innerJoin(reports, eq(idempotencyKeys.reportId, reports.id))
    .innerJoin(municipalities, eq(reports.kommunenummer, municipalities.kommunenummer))
    .where(eq(idempotencyKeys.keyHash, request.keyHash));
  const row = rows[0];
  if (!row) return { kind: 'none' };
  if (!row.requestHash.equals(request.requestHash)) return { kind: 'mismatch' };
  return {
    kind: 'replay',
    report: {
      id: row.id,
      ref: row.ref,
      slug: row.slug,
      acute: row.acute,
      trackingToken: unseal(request.key, row.sealed),
    },
  };
}

export async function forgetExpiredAnswers(db: Queryable, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600_000);
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff));
}

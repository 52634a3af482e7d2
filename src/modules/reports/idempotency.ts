// Idempotency-Key support for POST: a retried request gets the first answer again.
// The key is stored as a hash; the answer is sealed (AES-256-GCM) with a key derived from the
// Idempotency-Key, because the answer holds the tracking token and the database must not.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import type { Queryable } from '../../db/client.ts';
import { idempotencyKeys } from './schema.ts';

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;
/** How long an answer is kept for replay. */
export const IDEMPOTENCY_TTL_HOURS = 24;

export interface IdempotencyRequest {
  key: string;
  keyHash: Buffer;
  requestHash: Buffer;
}

export interface StoredAnswer {
  statusCode: number;
  body: unknown;
}

export function describeRequest(key: string, body: unknown): IdempotencyRequest {
  return {
    key,
    keyHash: createHash('sha256').update(`idempotency:${key}`).digest(),
    requestHash: createHash('sha256')
      .update(stringify(body) ?? '')
      .digest(),
  };
}

function sealingKey(key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'meldepunkt-idempotency', 'response', 32));
}

export function seal(key: string, answer: StoredAnswer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal(key: string, sealed: Buffer): StoredAnswer {
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  const plain = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as StoredAnswer;
}

export type Lookup = { kind: 'none' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'mismatch' };

export async function lookUpIdempotentAnswer(db: Queryable, request: IdempotencyRequest): Promise<Lookup> {
  const rows = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.keyHash, request.keyHash));
  const row = rows[0];
  if (!row) return { kind: 'none' };
  if (!row.requestHash.equals(request.requestHash)) return { kind: 'mismatch' };
  return { kind: 'replay', answer: unseal(request.key, row.responseSealed) };
}

/** Inside the transaction that created the resource: a unique violation means a concurrent twin. */
export async function rememberAnswer(
  tx: Queryable,
  request: IdempotencyRequest,
  answer: StoredAnswer,
): Promise<void> {
  await tx.insert(idempotencyKeys).values({
    keyHash: request.keyHash,
    requestHash: request.requestHash,
    statusCode: answer.statusCode,
    responseSealed: seal(request.key, answer),
  });
}

export async function forgetExpiredAnswers(db: Queryable, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600_000);
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff));
}

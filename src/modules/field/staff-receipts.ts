// Idempotency-Key for staff actions (the field app's offline queue retries them): the first answer
// is kept per user and key, so a retry after a lost response gets it again instead of changing
// the case twice. The receipt is claimed in the same transaction as the action: a concurrent
// duplicate waits on the claim's primary key, then finds the answer; if the action fails, the
// claim goes with it and a retry runs afresh (an error is never replayed, so a retry after a
// server fault is not stuck with it).
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import stringify from 'safe-stable-stringify';
import { type Database, type Queryable, queryRows, type Transaction } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { fieldMessages } from './field-messages.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotency-replayed';
/** What a key may be: a UUID or any other short token of URL-safe characters. */
export const STAFF_IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,100}$/;
/** How long an answer is kept for replay: longer than a crew is ever offline in one stretch. */
export const RECEIPT_TTL_DAYS = 14;

/** The Idempotency-Key sent with the request, checked; null when none was sent. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !STAFF_IDEMPOTENCY_KEY.test(value)) {
    throw new AppError(400, 'invalid_idempotency_key', fieldMessages.invalidKey());
  }
  return value;
}

/**
 * SHA-256 of what makes two requests the same: method, path (with the municipality and report)
 * and body. `body` is the parsed JSON body, or for an upload a description of it (the photo's
 * own hash), whatever stands for its content.
 */
export function requestHash(request: FastifyRequest, body: unknown): string {
  const path = request.url.split('?', 1)[0] ?? '';
  return createHash('sha256')
    .update(`${request.method}\n${path}\n${stringify(body) ?? ''}`)
    .digest('hex');
}

/**
 * Runs a staff action once per Idempotency-Key: without a key, just runs it (on the database; the
 * action opens its own transaction); with one, in a transaction that first claims the key. The
 * answer is the action's (status 200), or the stored one with `Idempotency-Replayed: true`.
 */
export async function answerOnce<T>(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  body: unknown,
  action: (q: Queryable) => Promise<T>,
): Promise<T> {
  const key = idempotencyKeyOf(request);
  if (key === null) return action(db);
  const userId = staffOf(request).userId;
  const hash = requestHash(request, body);
  const outcome = await db.transaction(async (tx) => {
    const claimed = await claim(tx, userId, key, hash);
    if (claimed !== null) return claimed;
    const answer = await action(tx);
    await tx.execute(sql`update staff_action_receipts set status_code = 200,
        response = ${JSON.stringify(answer)}::jsonb
      where user_id = ${userId}::uuid and idempotency_key = ${key}`);
    return { replayed: false as const, statusCode: 200, body: answer };
  });
  if (outcome.replayed) reply.header(REPLAYED_HEADER, 'true');
  reply.code(outcome.statusCode);
  return outcome.body as T;
}

/**
 * Answers from the receipt if this request was already answered (sets the status and replay
 * header), so an upload's retry skips processing its photo again; undefined otherwise. The
 * receipt claim in `answerOnce` remains what holds under concurrency.
 */
export async function earlierAnswer(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  body: unknown,
): Promise<{ body: unknown } | undefined> {
  const key = idempotencyKeyOf(request);
  if (key === null) return undefined;
  const [earlier] = await queryRows<{ request_hash: string; status_code: number; response: unknown }>(
    db,
    sql`select request_hash, status_code, response from staff_action_receipts
      where user_id = ${staffOf(request).userId}::uuid and idempotency_key = ${key}`,
  );
  if (!earlier) return undefined;
  if (earlier.request_hash !== requestHash(request, body)) {
    throw new AppError(422, 'idempotency_key_reused', fieldMessages.keyReused());
  }
  reply.header(REPLAYED_HEADER, 'true').code(earlier.status_code);
  return { body: earlier.response };
}

type Replay = { replayed: true; statusCode: number; body: unknown };

/** Null when the key is now ours; the stored answer when it was used for this same request. */
async function claim(tx: Transaction, userId: string, key: string, hash: string): Promise<Replay | null> {
  const inserted = await queryRows<{ claimed: number }>(
    tx,
    sql`insert into staff_action_receipts (user_id, idempotency_key, request_hash, status_code, response)
      values (${userId}::uuid, ${key}, ${hash}, 0, 'null'::jsonb)
      on conflict do nothing returning 1 as claimed`,
  );
  if (inserted.length > 0) return null;
  const [earlier] = await queryRows<{ request_hash: string; status_code: number; response: unknown }>(
    tx,
    sql`select request_hash, status_code, response from staff_action_receipts
      where user_id = ${userId}::uuid and idempotency_key = ${key}`,
  );
  if (!earlier || earlier.request_hash !== hash) {
    throw new AppError(422, 'idempotency_key_reused', fieldMessages.keyReused());
  }
  return { replayed: true, statusCode: earlier.status_code, body: earlier.response };
}

/** Housekeeping: answers older than RECEIPT_TTL_DAYS are forgotten. */
export async function forgetOldReceipts(db: Queryable): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with gone as (delete from staff_action_receipts
        where created_at < now() - ${`${RECEIPT_TTL_DAYS} days`}::interval returning 1)
      select count(*)::int as n from gone`,
  );
  return rows[0]?.n ?? 0;
}

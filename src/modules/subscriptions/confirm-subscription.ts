// A subscriber confirms a channel: email by the emailed link (its page confirms on POST only,
// since mail scanners open links), SMS by typing the code on the page shown after subscribing.
// Confirming twice is harmless. Five wrong codes drop the code; so does its age (24 hours).
import { sql } from 'drizzle-orm';
import { type Database, type Queryable, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import {
  hashLinkToken,
  hashSubscriberCode,
  isLinkToken,
  MAX_CODE_ATTEMPTS,
  sameHash,
} from './subscriber-secrets.ts';
import { subscriptionMessages } from './subscription-texts.ts';

export interface ConfirmedView {
  address: string | null;
  channel: 'email' | 'sms';
  confirmed: boolean;
}

/** What the emailed link names: 404 when nothing, 410 when it was not confirmed in time. */
export async function findSubscriptionLink(
  db: Queryable,
  kommunenummer: string,
  token: unknown,
): Promise<ConfirmedView> {
  if (!isLinkToken(token))
    throw new AppError(404, 'subscription_link_invalid', subscriptionMessages.linkInvalid());
  const [row] = await queryRows<{ address: string | null; confirmed: boolean; expired: boolean }>(
    db,
    sql`select address, email_confirmed_at is not null as confirmed, confirm_expires_at <= now() as expired
          from subscribers
         where confirm_token_hash = ${hashLinkToken(token)} and kommunenummer = ${kommunenummer}
           and unsubscribed_at is null`,
  );
  if (!row) throw new AppError(404, 'subscription_link_invalid', subscriptionMessages.linkInvalid());
  if (!row.confirmed && row.expired)
    throw new AppError(410, 'subscription_link_expired', subscriptionMessages.linkExpired());
  return { address: row.address, channel: 'email', confirmed: row.confirmed };
}

export async function confirmSubscriptionByLink(
  db: Queryable,
  kommunenummer: string,
  token: unknown,
): Promise<ConfirmedView> {
  const view = await findSubscriptionLink(db, kommunenummer, token);
  await db.execute(
    sql`update subscribers set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
         where confirm_token_hash = ${hashLinkToken(String(token))} and kommunenummer = ${kommunenummer}`,
  );
  return { ...view, confirmed: true };
}

export type CodeOutcome =
  | { result: 'confirmed'; address: string | null }
  | { result: 'wrong'; attemptsLeft: number }
  | { result: 'malformed' }
  | { result: 'expired' };

/** Checks a typed code; a wrong one counts as one of the five tries. */
export async function confirmSubscriptionByCode(
  db: Database,
  secret: Buffer,
  kommunenummer: string,
  subscriberId: string,
  typed: string | undefined,
): Promise<CodeOutcome> {
  const code = typed?.replace(/\s/g, '') ?? '';
  if (!/^\d{6}$/.test(code)) return { result: 'malformed' };
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{
      address: string | null;
      confirmed: boolean;
      hash: Buffer | Uint8Array | null;
      attempts: number;
      expired: boolean;
    }>(
      tx,
      sql`select address, phone_confirmed_at is not null as confirmed, sms_code_hash as hash,
                 confirm_attempts as attempts, coalesce(confirm_expires_at <= now(), true) as expired
            from subscribers
           where id = ${subscriberId}::uuid and kommunenummer = ${kommunenummer} and unsubscribed_at is null
           for update`,
    );
    if (!row) return { result: 'expired' };
    if (row.confirmed) return { result: 'confirmed', address: row.address };
    if (!row.hash || row.expired || row.attempts >= MAX_CODE_ATTEMPTS) return { result: 'expired' };
    if (sameHash(Buffer.from(row.hash), hashSubscriberCode(secret, subscriberId, code))) {
      await tx.execute(
        sql`update subscribers set phone_confirmed_at = now(), sms_code_hash = null, updated_at = now()
             where id = ${subscriberId}::uuid`,
      );
      return { result: 'confirmed', address: row.address };
    }
    const attempts = row.attempts + 1;
    await tx.execute(
      sql`update subscribers set confirm_attempts = ${attempts},
             sms_code_hash = case when ${attempts} >= ${MAX_CODE_ATTEMPTS} then null else sms_code_hash end
           where id = ${subscriberId}::uuid`,
    );
    if (attempts >= MAX_CODE_ATTEMPTS) return { result: 'expired' };
    return { result: 'wrong', attemptsLeft: MAX_CODE_ATTEMPTS - attempts };
  });
}

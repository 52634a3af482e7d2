// A follower confirms that the address is theirs: by the emailed link (its page confirms on POST
// only, since mail scanners open links) or by typing the SMS code on the page they were shown
// after asking. Confirming twice is harmless. A request for an address that already followed is
// answered like any other (see follow-report.ts): a code typed for it is checked the same way,
// so the page cannot be used to learn whether a number follows a report.
import { sql } from 'drizzle-orm';
import { type Database, type Queryable, queryRows } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { hashCode, hashLinkToken, isLinkToken, sameHash } from './follower-secrets.ts';

export const MAX_CODE_ATTEMPTS = 5;

export interface FollowRequestView {
  id: string;
  channel: 'email' | 'sms';
  /** The address as typed, for the page to show masked. */
  address: string;
}

/** The request a "check your email / type the code" page is about, for this report. */
export async function findFollowRequest(
  db: Queryable,
  ref: string,
  followerId: string,
): Promise<FollowRequestView> {
  const [row] = await queryRows<{ id: string; email: string | null; phone: string | null }>(
    db,
    sql`select f.id, f.email, f.phone from report_followers f join reports r on r.id = f.report_id
         where f.id = ${followerId}::uuid and r.ref = ${ref}`,
  );
  if (!row) throw new AppError(404, 'follow_request_not_found', messages.followRequestNotFound());
  return row.email
    ? { id: row.id, channel: 'email', address: row.email }
    : { id: row.id, channel: 'sms', address: row.phone ?? '' };
}

export interface LinkView {
  confirmed: boolean;
}

/** What the emailed link names: 404 when nothing, 410 when it was never confirmed in time. */
export async function findFollowLink(db: Queryable, ref: string, token: unknown): Promise<LinkView> {
  if (!isLinkToken(token)) throw new AppError(404, 'follow_link_invalid', messages.followLinkInvalid());
  const [row] = await queryRows<{ confirmed: boolean; expired: boolean }>(
    db,
    sql`select f.confirmed_at is not null as confirmed, f.confirm_expires_at <= now() as expired
          from report_followers f join reports r on r.id = f.report_id
         where f.confirm_token_hash = ${hashLinkToken(token)} and r.ref = ${ref}`,
  );
  if (!row) throw new AppError(404, 'follow_link_invalid', messages.followLinkInvalid());
  if (!row.confirmed && row.expired)
    throw new AppError(410, 'follow_link_expired', messages.followLinkExpired());
  return { confirmed: row.confirmed };
}

/** Confirms by the emailed link (the page's POST). */
export async function confirmFollowerByLink(db: Queryable, ref: string, token: unknown): Promise<void> {
  await findFollowLink(db, ref, token);
  await db.execute(
    sql`update report_followers f set confirmed_at = coalesce(f.confirmed_at, now())
          from reports r
         where r.id = f.report_id and r.ref = ${ref} and f.confirm_token_hash = ${hashLinkToken(String(token))}
           and (f.confirmed_at is not null or f.confirm_expires_at > now())`,
  );
}

export type CodeOutcome =
  | { result: 'confirmed' }
  | { result: 'wrong'; attemptsLeft: number }
  /** Not six digits: nothing counted, the person is asked again. */
  | { result: 'malformed' }
  /** Too old, or tried five times: follow again for a new code. */
  | { result: 'expired' };

/** Checks a code typed on the page; a wrong one counts as one of the five tries. */
export async function confirmFollowerByCode(
  db: Database,
  secret: Buffer,
  ref: string,
  followerId: string,
  typed: unknown,
): Promise<CodeOutcome> {
  const code = typeof typed === 'string' ? typed.replace(/\s/g, '') : '';
  const request = await findFollowRequest(db, ref, followerId);
  if (request.channel !== 'sms')
    throw new AppError(404, 'follow_request_not_found', messages.followRequestNotFound());
  if (!/^\d{6}$/.test(code)) return { result: 'malformed' };
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{
      report_id: string;
      phone: string;
      code_hash: Buffer | Uint8Array | null;
      attempts: number;
      expired: boolean;
    }>(
      tx,
      sql`select report_id, phone, confirm_code_hash as code_hash, confirm_attempts as attempts,
                 coalesce(confirm_expires_at <= now(), true) as expired
            from report_followers where id = ${followerId}::uuid for update`,
    );
    if (!row?.code_hash || row.expired || row.attempts >= MAX_CODE_ATTEMPTS) return { result: 'expired' };
    if (sameHash(hashCode(secret, row.report_id, row.phone, code), Buffer.from(row.code_hash))) {
      await tx.execute(
        sql`update report_followers set confirmed_at = coalesce(confirmed_at, now()) where id = ${followerId}::uuid`,
      );
      return { result: 'confirmed' };
    }
    await tx.execute(
      sql`update report_followers set confirm_attempts = confirm_attempts + 1 where id = ${followerId}::uuid`,
    );
    const attemptsLeft = MAX_CODE_ATTEMPTS - row.attempts - 1;
    return attemptsLeft > 0 ? { result: 'wrong', attemptsLeft } : { result: 'expired' };
  });
}

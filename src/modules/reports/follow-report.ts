// "Follow it instead": a request to hear about a report's updates. Anyone can type any address,
// so the address gets nothing but one confirmation until its owner confirms (double opt-in): an
// email with a link (it works for 24 hours), or by SMS a 6-digit code to type on the page the
// resident is shown next (30 minutes, 5 tries). Only confirmed followers get updates or are
// counted; one never confirmed is forgotten after a day (forget-unconfirmed-followers.ts).
//
// Requests are capped per hour: per client address, per report and per followed address, so no
// one can flood a report with followers or someone's inbox with confirmations. A request for an
// address that already follows the report changes nothing and sends nothing, and is answered like
// any other, so the answer does not tell whether an address follows a report.
import { and, eq, sql } from 'drizzle-orm';
import { type Database, type Queryable, queryRows } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { type ConfirmationDeps, queueFollowConfirmation } from '../notifications/follow-confirmation.ts';
import { checkContact } from './contact.ts';
import { capKey, hashCode, newCode, newLinkToken } from './follower-secrets.ts';
import { followRequests, reportFollowers, reports } from './schema.ts';

/** Accepted requests per hour. */
export const FOLLOW_CAPS = { perClient: 5, perReport: 20, perAddress: 3 } as const;
export const CONFIRM_LINK_HOURS = 24;
export const CONFIRM_CODE_MINUTES = 30;

export interface FollowDeps extends ConfirmationDeps {
  db: Database;
}

export interface FollowInput {
  ref: string;
  email?: string | undefined;
  phone?: string | undefined;
  language: Language;
  /** The client's address, for the per-client cap (kept only as an HMAC, for an hour). */
  clientAddress: string;
}

export interface FollowRequested {
  /** The request's id: the page that says "check your email", or asks for the code, is named by it. */
  followerId: string;
  channel: 'email' | 'sms';
}

export async function followReport(deps: FollowDeps, input: FollowInput): Promise<FollowRequested> {
  const [report] = await deps.db.select({ id: reports.id }).from(reports).where(eq(reports.ref, input.ref));
  if (!report) throw new AppError(404, 'report_not_found', messages.reportNotFound(input.ref));
  const { contact, errors } = checkContact(
    { email: input.email, phone: input.phone, notify: 'none', language: input.language },
    { required: true, categoryName: { nb: input.ref }, fallbackLanguage: input.language },
  );
  if (errors.length > 0 || !contact) {
    const details = errors.map((e) =>
      e.field === 'contact' ? { ...e, message: messages.followNeedsContact() } : e,
    );
    throw new AppError(422, 'invalid_follower', messages.followNeedsContact(), details);
  }
  // Updates go by email when there is an address, else by SMS (as the relay sends them), so that
  // is the one channel to confirm; a number given beside an email address is not kept.
  const channel = contact.email ? 'email' : 'sms';
  const address = contact.email ?? contact.phone ?? '';
  const secret = channel === 'email' ? newLinkToken() : undefined;
  const code = channel === 'sms' ? newCode() : undefined;
  const codeHash = code === undefined ? null : hashCode(deps.secret, report.id, address, code);

  return deps.db.transaction(async (tx) => {
    await claimCap(tx, deps.secret, report.id, input.clientAddress, address);
    const pending = {
      language: contact.language,
      confirmTokenHash: secret?.hash ?? null,
      confirmCodeHash: codeHash,
      confirmExpiresAt: sql`now() + ${channel === 'email' ? `${CONFIRM_LINK_HOURS} hours` : `${CONFIRM_CODE_MINUTES} minutes`}::interval`,
      confirmAttempts: 0,
      // The day an unconfirmed request is kept starts again with each request.
      createdAt: sql`now()`,
    };
    const [asked] = await tx
      .insert(reportFollowers)
      .values({
        reportId: report.id,
        email: channel === 'email' ? address : null,
        phone: channel === 'sms' ? address : null,
        ...pending,
      })
      .onConflictDoUpdate({
        target:
          channel === 'email'
            ? [reportFollowers.reportId, reportFollowers.email]
            : [reportFollowers.reportId, reportFollowers.phone],
        set: pending,
        // Someone who already follows stays as they are.
        setWhere: sql`${reportFollowers.confirmedAt} is null`,
      })
      .returning({ id: reportFollowers.id });
    if (!asked) return { followerId: await existingFollower(tx, report.id, channel, address), channel };
    await queueFollowConfirmation(tx, deps, {
      followerId: asked.id,
      reportId: report.id,
      channel,
      address,
      language: contact.language,
      secret: secret?.token ?? code ?? '',
      requestKey: (secret?.hash ?? codeHash ?? Buffer.alloc(0)).toString('hex').slice(0, 16),
    });
    return { followerId: asked.id, channel };
  });
}

/** Counts this request against the hourly caps, or refuses it with 429 when one is used up. */
async function claimCap(
  tx: Queryable,
  secret: Buffer,
  reportId: string,
  clientAddress: string,
  address: string,
): Promise<void> {
  const client = capKey(secret, 'client', clientAddress);
  const followed = capKey(secret, 'address', address);
  const [counts] = await queryRows<{ client: number; report: number; address: number }>(
    tx,
    sql`select count(*) filter (where client_hash = ${client})::int as client,
               count(*) filter (where report_id = ${reportId}::uuid)::int as report,
               count(*) filter (where address_hash = ${followed})::int as address
          from follow_requests
         where created_at > now() - interval '1 hour'
           and (client_hash = ${client} or report_id = ${reportId}::uuid or address_hash = ${followed})`,
  );
  if (
    (counts?.client ?? 0) >= FOLLOW_CAPS.perClient ||
    (counts?.report ?? 0) >= FOLLOW_CAPS.perReport ||
    (counts?.address ?? 0) >= FOLLOW_CAPS.perAddress
  ) {
    throw new AppError(429, 'follow_rate_limited', messages.followRateLimited());
  }
  await tx.insert(followRequests).values({ reportId, clientHash: client, addressHash: followed });
}

async function existingFollower(
  tx: Queryable,
  reportId: string,
  channel: 'email' | 'sms',
  address: string,
): Promise<string> {
  const [row] = await tx
    .select({ id: reportFollowers.id })
    .from(reportFollowers)
    .where(
      and(
        eq(reportFollowers.reportId, reportId),
        channel === 'email' ? eq(reportFollowers.email, address) : eq(reportFollowers.phone, address),
      ),
    );
  if (!row) throw new Error('follower neither added nor found');
  return row.id;
}

/** Followers who confirmed: the number the report's page shows. */
export async function countFollowers(db: Queryable, reportId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reportFollowers)
    .where(and(eq(reportFollowers.reportId, reportId), sql`${reportFollowers.confirmedAt} is not null`));
  return row?.n ?? 0;
}

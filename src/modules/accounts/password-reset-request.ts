// "Forgot password": makes a one-time link for an active account that has a password and emails
// it through the messages table (exactly once, with retries). The caller always answers the same,
// so the answer does not tell whether an address has an account. The token is 32 random bytes;
// only its SHA-256 is stored; it works for one hour and once.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { Language } from '../../shared/language.ts';
import {
  queueStaffEmails,
  type StaffEmailDeps,
  staffEmailBody,
} from '../notifications/staff-message-store.ts';
import { PASSWORD_RESET_EMAIL } from './password-reset-messages.ts';
import { hashToken } from './sessions.ts';

export const RESET_TOKEN_TTL = '1 hour';
/** More links than this per account and hour are not sent: no one's inbox can be flooded. */
export const MAX_RESETS_PER_HOUR = 3;

export interface PasswordResetDeps extends StaffEmailDeps {
  publicUrl: string;
}

export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/admin/reset-password?token=${token}`;
}

/** Returns whether an email was queued (for tests and logs; never for the HTTP answer). */
export async function requestPasswordReset(deps: PasswordResetDeps, email: string): Promise<boolean> {
  const [user] = await queryRows<{
    id: string;
    name: string;
    email: string;
    language: Language;
    kommunenummer: string | null;
    recent: number;
  }>(
    deps.db,
    sql`select u.id, u.name, u.email, u.language,
          (select r.kommunenummer from staff_roles r where r.user_id = u.id
            order by r.created_at, r.kommunenummer limit 1) as kommunenummer,
          (select count(*)::int from password_resets pr
            where pr.user_id = u.id and pr.created_at > now() - interval '1 hour') as recent
        from staff_users u
       where u.email = ${email.trim().toLowerCase()} and u.active and u.password_hash is not null`,
  );
  // A message belongs to a municipality; an account with no role anywhere cannot log in anyway.
  if (!user?.kommunenummer || user.recent >= MAX_RESETS_PER_HOUR) return false;
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  await deps.db.execute(
    sql`insert into password_resets (token_hash, user_id, expires_at)
        values (${tokenHash}, ${user.id}::uuid, now() + ${RESET_TOKEN_TTL}::interval)`,
  );
  const text = PASSWORD_RESET_EMAIL[user.language];
  const added = await queueStaffEmails(deps, [
    {
      kommunenummer: user.kommunenummer,
      idempotencyKey: `password_reset:${tokenHash.toString('hex')}`,
      kind: 'password_reset',
      reportId: null,
      recipient: user.email,
      language: user.language,
      subject: text.subject,
      ...staffEmailBody(
        user.language,
        text.subject,
        text.body(user.name, resetLink(deps.publicUrl, token)),
        text.footer,
      ),
    },
  ]);
  return added > 0;
}

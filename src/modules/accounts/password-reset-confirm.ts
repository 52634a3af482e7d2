// Sets a new password from a reset link. In one transaction: the token is spent (only an unused,
// unexpired one; a second use finds nothing), the argon2id hash replaces the old one, every other
// link of the account is spent too, all its sessions end, the login throttle for its address is
// cleared, and the change is audited in every municipality the account works for. The link in the
// stored email is then blanked out.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { staffMessages } from '../../i18n/staff-messages.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAccountAudit } from './account-audit.ts';
import { clearAddress } from './login-throttle.ts';
import { passwordResetMessages } from './password-reset-messages.ts';
import { redactResetLink } from './password-reset-redact.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { endStreamsOfUser } from './session-streams.ts';
import { endAllSessions, hashToken } from './sessions.ts';

/** 32 bytes in base64url, as the link carries it. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

function invalid(): AppError {
  return new AppError(400, 'reset_token_invalid', passwordResetMessages.tokenInvalid());
}

export async function confirmPasswordReset(
  db: Database,
  input: { token: string; password: string },
): Promise<{ userId: string }> {
  if (!TOKEN_FORMAT.test(input.token)) throw invalid();
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(400, 'password_too_short', staffMessages.passwordTooShort(MIN_PASSWORD_LENGTH), [
      { field: 'password', code: 'too_short', message: staffMessages.passwordTooShort(MIN_PASSWORD_LENGTH) },
    ]);
  }
  const tokenHash = hashToken(input.token);
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction(async (tx) => {
    const [spent] = await queryRows<{ user_id: string }>(
      tx,
      sql`update password_resets set used_at = now()
           where token_hash = ${tokenHash} and used_at is null and expires_at > now()
          returning user_id`,
    );
    if (!spent) throw invalid();
    const [user] = await queryRows<{ id: string; email: string }>(
      tx,
      sql`update staff_users u set password_hash = ${passwordHash}, updated_at = now()
           where u.id = ${spent.user_id}::uuid and u.active
          returning u.id, u.email`,
    );
    // A deactivated account keeps its old (unusable) password; the spent token rolls back with it.
    if (!user) throw invalid();
    await tx.execute(
      sql`update password_resets set used_at = now() where user_id = ${user.id}::uuid and used_at is null`,
    );
    await endAllSessions(tx, user.id);
    await clearAddress(tx, user.email);
    await recordAccountAudit(tx, user.id, {
      actorId: user.id,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.id,
      after: { method: 'email_link' },
    });
    return user.id;
  });
  await redactResetLink(db, tokenHash);
  // Every session has ended: so do its live streams in this process (other processes within 30 s).
  endStreamsOfUser(userId);
  return { userId };
}

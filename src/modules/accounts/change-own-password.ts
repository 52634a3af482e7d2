// The holder changes their own password, giving the current one (throttled like a login, so a
// borrowed session cannot be used to guess it). Every other session of the account ends, every
// unused reset link dies, and the change goes to the audit log of every municipality the account
// works for.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { staffMessages } from '../../i18n/staff-messages.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAccountAudit } from './account-audit.ts';
import { accountMessages } from './account-messages.ts';
import { LoginThrottledError } from './log-in.ts';
import { attemptFailed, attemptSucceeded, reserveAttempt } from './login-throttle.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import type { StaffPrincipal } from './principal.ts';
import { endOtherSessions } from './sessions.ts';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  /** This session's token: it stays logged in. */
  sessionToken: string;
  clientAddress: string;
}

export async function changeOwnPassword(
  db: Database,
  principal: StaffPrincipal,
  change: PasswordChange,
): Promise<void> {
  if (change.newPassword.length < MIN_PASSWORD_LENGTH) {
    const message = staffMessages.passwordTooShort(MIN_PASSWORD_LENGTH);
    throw new AppError(400, 'password_too_short', message, [
      { field: 'newPassword', code: 'too_short', message },
    ]);
  }
  const [account] = await queryRows<{ password_hash: string | null }>(
    db,
    sql`select password_hash from staff_users where id = ${principal.userId}::uuid`,
  );
  if (!account?.password_hash) throw new AppError(400, 'no_password', accountMessages.noPassword());
  const wait = await reserveAttempt(db, principal.email, change.clientAddress);
  if (wait > 0) throw new LoginThrottledError(wait);
  if (!(await verifyPassword(account.password_hash, change.currentPassword))) {
    await attemptFailed(db, principal.email, change.clientAddress);
    const message = accountMessages.wrongCurrentPassword();
    throw new AppError(400, 'wrong_current_password', message, [
      { field: 'currentPassword', code: 'wrong', message },
    ]);
  }
  await attemptSucceeded(db, principal.email, change.clientAddress);
  const passwordHash = await hashPassword(change.newPassword);
  await db.transaction(async (tx) => {
    await tx.execute(sql`update staff_users set password_hash = ${passwordHash}, updated_at = now()
      where id = ${principal.userId}::uuid`);
    await tx.execute(sql`update password_resets set used_at = now()
      where user_id = ${principal.userId}::uuid and used_at is null`);
    await endOtherSessions(tx, principal.userId, change.sessionToken);
    await recordAccountAudit(tx, principal.userId, {
      actorId: principal.userId,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: principal.userId,
      after: { method: 'holder' },
    });
  });
}

// Logs a staff member in with email and password, throttling guesses (see login-throttle.ts).
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { staffMessages } from '../../i18n/staff-messages.ts';
import { AppError } from '../../shared/errors.ts';
import { clearFailures, lockedMinutes, recordFailure, throttleKeys } from './login-throttle.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { createSession, type NewSession } from './sessions.ts';

export interface LogInInput {
  email: string;
  password: string;
  clientAddress: string;
  userAgent: string | undefined;
}

export async function logIn(db: Database, input: LogInInput): Promise<NewSession & { userId: string }> {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.clientAddress);
  const minutes = await lockedMinutes(
    db,
    keys.map((k) => k.key),
  );
  if (minutes > 0) throw new AppError(429, 'login_throttled', staffMessages.loginThrottled(minutes));

  const [user] = await queryRows<{ id: string; password_hash: string | null }>(
    db,
    sql`select id, password_hash from staff_users where email = ${email} and active`,
  );
  // Unknown addresses and OIDC-only accounts take as long as a wrong password.
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  if (!user?.password_hash || !passwordOk) {
    await recordFailure(db, keys);
    throw new AppError(401, 'invalid_credentials', staffMessages.invalidCredentials());
  }
  await clearFailures(db, keys[0]?.key ?? '');
  const session = await createSession(db, user.id, 'password', input.userAgent);
  return { ...session, userId: user.id };
}

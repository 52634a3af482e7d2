// Logs a staff member in with email and password, throttling guesses per address and client (see
// login-throttle.ts). The session covers every municipality of the account: the password is the
// account's own credential.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { staffMessages } from '../../i18n/staff-messages.ts';
import { AppError } from '../../shared/errors.ts';
import { attemptFailed, attemptSucceeded, reserveAttempt } from './login-throttle.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { createSession, type NewSession } from './sessions.ts';

export interface LogInInput {
  email: string;
  password: string;
  clientAddress: string;
  userAgent: string | undefined;
  /** A named device's session (the field app) lives longer; see SESSION_LIFETIMES. */
  deviceName?: string | undefined;
}

/** 429 with the wait, which the route also sends as Retry-After. */
export class LoginThrottledError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(seconds: number) {
    super(429, 'login_throttled', staffMessages.loginThrottled(seconds));
    this.retryAfterSeconds = seconds;
  }
}

export async function logIn(db: Database, input: LogInInput): Promise<NewSession & { userId: string }> {
  const email = input.email.trim().toLowerCase();
  const wait = await reserveAttempt(db, email, input.clientAddress);
  if (wait > 0) throw new LoginThrottledError(wait);

  const [user] = await queryRows<{ id: string; password_hash: string | null }>(
    db,
    sql`select id, password_hash from staff_users where email = ${email} and active`,
  );
  // Unknown addresses and OIDC-only accounts take as long as a wrong password.
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  if (!user?.password_hash || !passwordOk) {
    await attemptFailed(db, email, input.clientAddress);
    throw new AppError(401, 'invalid_credentials', staffMessages.invalidCredentials());
  }
  await attemptSucceeded(db, email, input.clientAddress);
  const session = await createSession(db, user.id, { method: 'password' }, input.userAgent, input.deviceName);
  return { ...session, userId: user.id };
}

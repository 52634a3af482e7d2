// The holder asks to link their account to a municipality's login: only in a password session
// (the account's own credential; a session opened through one municipality's login cannot tie
// the account to a login), only for a municipality they work for, and only while the account is
// not linked yet. The flow is bound to the account and to this session (oidc-start-login.ts);
// oidc-link-account.ts finishes it when the provider sends the browser back.

import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { accountMessages } from './account-messages.ts';
import type { OidcDeps } from './oidc-discovery.ts';
import { startOidcLogin } from './oidc-start-login.ts';
import { membershipIn, type StaffPrincipal } from './principal.ts';
import { hashToken } from './sessions.ts';

export async function startOidcLink(
  db: Database,
  deps: OidcDeps,
  principal: StaffPrincipal,
  sessionToken: string,
  kommunenummer: string,
  publicUrl: string,
): Promise<{ redirectTo: string; state: string }> {
  if (principal.scope !== null) {
    throw new AppError(403, 'password_session_required', accountMessages.passwordSessionRequired());
  }
  if (!membershipIn(principal, kommunenummer))
    throw new AppError(403, 'forbidden', accountMessages.notMember());
  const [account] = await queryRows<{ linked: boolean }>(
    db,
    sql`select oidc_issuer is not null as linked from staff_users where id = ${principal.userId}::uuid`,
  );
  if (account?.linked) throw new AppError(409, 'oidc_already_linked', accountMessages.alreadyLinked());
  return startOidcLogin(db, deps, kommunenummer, publicUrl, {
    kind: 'link',
    userId: principal.userId,
    sessionTokenHash: hashToken(sessionToken),
  });
}

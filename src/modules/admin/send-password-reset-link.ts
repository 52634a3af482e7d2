// An administrator cannot set anyone's password (security review, finding 2). For an account that
// is only this municipality's (or that they may otherwise change, see account-policy.ts), they can
// have a "set a new password" link sent to the account's own address, through the same flow as
// "forgot password" (at most 3 links per account and hour). The link goes to the mailbox only.
import { AppError } from '../../shared/errors.ts';
import { mayChangeAccount } from '../accounts/account-policy.ts';
import { type PasswordResetDeps, requestPasswordReset } from '../accounts/password-reset-request.ts';
import type { StaffPrincipal } from '../accounts/principal.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { adminMessages } from './admin-messages.ts';
import { notFound } from './admin-support.ts';
import { findUser } from './user-queries.ts';

export async function sendPasswordResetLink(
  deps: PasswordResetDeps,
  actor: StaffPrincipal,
  kommunenummer: string,
  id: string,
): Promise<void> {
  const user = await findUser(deps.db, kommunenummer, id, actor);
  if (!user) throw notFound('user');
  if (!(await mayChangeAccount(deps.db, actor, id))) {
    throw new AppError(403, 'account_shared', adminMessages.accountShared());
  }
  if (!user.hasPassword) throw new AppError(409, 'no_password', adminMessages.noPassword());
  if (!user.active) throw new AppError(409, 'account_inactive', adminMessages.inactive());
  const sent = await requestPasswordReset(deps, user.email);
  await recordAudit(deps.db, {
    kommunenummer,
    actorId: actor.userId,
    action: 'user.password_reset_sent',
    entityType: 'staff_user',
    entityId: id,
    after: { sent },
  });
}

// The holder links their own account to a municipality's identity provider, or removes the link.
// Linking is the second half of a flow the holder started from "My account" in a password
// session (see account-routes.ts): the provider's identity goes to THAT account, if the session
// that asked is still alive, the account is not linked yet and the identity is no one else's.
// Both are written to the audit log of every municipality the account works for.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAccountAudit } from './account-audit.ts';
import { accountMessages } from './account-messages.ts';
import type { OidcIdentity } from './oidc-find-account.ts';
import type { StaffPrincipal } from './principal.ts';

export interface PendingLink {
  userId: string;
  sessionTokenHash: Buffer;
  kommunenummer: string;
}

export type LinkResult =
  | { kind: 'linked'; userId: string }
  | { kind: 'link_refused'; code: 'session_gone' | 'already_linked' | 'identity_taken'; reason: string };

export async function linkOidcIdentity(
  db: Database,
  pending: PendingLink,
  identity: OidcIdentity,
): Promise<LinkResult> {
  try {
    return await db.transaction(async (tx): Promise<LinkResult> => {
      const [session] = await queryRows<{ ok: number }>(
        tx,
        sql`select 1 as ok from staff_sessions
             where token_hash = ${pending.sessionTokenHash} and user_id = ${pending.userId}::uuid
               and scope_kommunenummer is null and expires_at > now()`,
      );
      if (!session)
        return { kind: 'link_refused', code: 'session_gone', reason: 'the session that asked has ended' };
      const [account] = await queryRows<{ oidc_issuer: string | null; usable: boolean }>(
        tx,
        sql`select u.oidc_issuer, (u.active and exists (select 1 from staff_roles r
              where r.user_id = u.id and r.kommunenummer = ${pending.kommunenummer})) as usable
            from staff_users u where u.id = ${pending.userId}::uuid for update`,
      );
      if (!account?.usable) {
        return {
          kind: 'link_refused',
          code: 'session_gone',
          reason: 'the account is gone, deactivated or left',
        };
      }
      if (account.oidc_issuer !== null) {
        return { kind: 'link_refused', code: 'already_linked', reason: 'the account is already linked' };
      }
      const [taken] = await queryRows<{ id: string }>(
        tx,
        sql`select id from staff_users where oidc_issuer = ${identity.issuer} and oidc_subject = ${identity.subject}`,
      );
      if (taken) {
        return {
          kind: 'link_refused',
          code: 'identity_taken',
          reason: 'the identity is linked to another account',
        };
      }
      await tx.execute(sql`update staff_users set oidc_issuer = ${identity.issuer},
          oidc_subject = ${identity.subject}, updated_at = now()
        where id = ${pending.userId}::uuid`);
      await recordAccountAudit(tx, pending.userId, {
        actorId: pending.userId,
        action: 'user.oidc_linked',
        entityType: 'staff_user',
        entityId: pending.userId,
        after: {
          oidcIssuer: identity.issuer,
          oidcSubject: identity.subject,
          by: 'holder',
          through: pending.kommunenummer,
        },
      });
      return { kind: 'linked', userId: pending.userId };
    });
  } catch (error) {
    // Another account took the identity between the check and the update.
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      return {
        kind: 'link_refused',
        code: 'identity_taken',
        reason: 'the identity is linked to another account',
      };
    }
    throw error;
  }
}

/**
 * Removes the holder's link: only in a password session, 409 when there is none. Audited in every
 * municipality of the account.
 */
export async function unlinkOidcIdentity(db: Database, principal: StaffPrincipal): Promise<void> {
  if (principal.scope !== null) {
    throw new AppError(403, 'password_session_required', accountMessages.passwordSessionRequired());
  }
  const userId = principal.userId;
  await db.transaction(async (tx) => {
    const [before] = await queryRows<{ oidc_issuer: string | null; oidc_subject: string | null }>(
      tx,
      sql`select oidc_issuer, oidc_subject from staff_users where id = ${userId}::uuid for update`,
    );
    if (!before?.oidc_issuer) throw new AppError(409, 'oidc_not_linked', accountMessages.notLinked());
    await tx.execute(sql`update staff_users set oidc_issuer = null, oidc_subject = null, updated_at = now()
      where id = ${userId}::uuid`);
    await recordAccountAudit(tx, userId, {
      actorId: userId,
      action: 'user.oidc_unlinked',
      entityType: 'staff_user',
      entityId: userId,
      before: { oidcIssuer: before.oidc_issuer, oidcSubject: before.oidc_subject },
    });
  });
}

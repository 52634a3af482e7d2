// Which staff account an identity from municipality K's provider belongs to.
//
// 1. The identity linked earlier (issuer + subject): the account must be active and have a role
//    in K. The session it gets is scoped to K anyway (see sessions.ts).
// 2. Otherwise, by the provider's *verified* email, but only an active account that works for K
//    and for no other municipality, and that is not linked to any identity yet. K's
//    administrators control K's provider: what it says may decide who someone is in K, never in
//    another municipality (security review, finding 1), and never replace an identity the holder
//    already has. An unverified address is never trusted: anyone could type an administrator's
//    address into a self-service provider.
//
// Every refusal has a reason for the server log, without personal data in it.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
}

export type AccountMatch =
  | { kind: 'found'; userId: string; linked: boolean }
  | { kind: 'none'; reason: string };

export async function findOidcAccount(
  db: Queryable,
  kommunenummer: string,
  identity: OidcIdentity,
): Promise<AccountMatch> {
  const hasRoleHere = sql`exists (select 1 from staff_roles r where r.user_id = u.id and r.kommunenummer = ${kommunenummer})`;
  const [bySubject] = await queryRows<{ id: string; usable: boolean }>(
    db,
    sql`select u.id, (u.active and ${hasRoleHere}) as usable from staff_users u
      where u.oidc_issuer = ${identity.issuer} and u.oidc_subject = ${identity.subject}`,
  );
  if (bySubject) {
    return bySubject.usable
      ? { kind: 'found', userId: bySubject.id, linked: false }
      : { kind: 'none', reason: 'linked account is deactivated or has no role in this municipality' };
  }
  if (!identity.email) return { kind: 'none', reason: 'the provider sent no email address' };
  if (!identity.emailVerified)
    return { kind: 'none', reason: 'the provider did not mark the email as verified' };
  const email = identity.email.trim().toLowerCase();
  // Locked, so the account cannot join another municipality between this check and the link.
  const [byEmail] = await queryRows<{ id: string; oidc_issuer: string | null; elsewhere: boolean }>(
    db,
    sql`select u.id, u.oidc_issuer,
        exists (select 1 from staff_roles r where r.user_id = u.id and r.kommunenummer <> ${kommunenummer}) as elsewhere
      from staff_users u
      where u.email = ${email} and u.active and ${hasRoleHere}
      for update`,
  );
  if (!byEmail) return { kind: 'none', reason: 'no active account with a role here has this email' };
  if (byEmail.elsewhere) {
    return {
      kind: 'none',
      reason:
        'the account also works for another municipality: it is linked only by its holder, from "My account"',
    };
  }
  if (byEmail.oidc_issuer !== null) {
    return { kind: 'none', reason: 'the account is already linked to another identity' };
  }
  await db.execute(sql`update staff_users set oidc_issuer = ${identity.issuer}, oidc_subject = ${identity.subject},
      updated_at = now() where id = ${byEmail.id}::uuid`);
  return { kind: 'found', userId: byEmail.id, linked: true };
}

// Which staff account an identity from a municipality's provider belongs to. First the identity
// linked at an earlier login (issuer + subject); otherwise an active account with a role in that
// municipality whose address matches the provider's *verified* email, which is then linked. An
// unverified address is never trusted: anyone could type an administrator's address into a
// self-service provider.
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
  const [byEmail] = await queryRows<{ id: string; oidc_issuer: string | null }>(
    db,
    sql`select u.id, u.oidc_issuer from staff_users u
      where u.email = ${email} and u.active and ${hasRoleHere}`,
  );
  if (!byEmail) return { kind: 'none', reason: 'no active account with a role here has this email' };
  // Another identity at the same provider already owns this account: a different person (or a
  // recreated directory entry) must be sorted out by an administrator, not linked silently.
  if (byEmail.oidc_issuer === identity.issuer) {
    return { kind: 'none', reason: 'the account is linked to another subject at this provider' };
  }
  await db.execute(sql`update staff_users set oidc_issuer = ${identity.issuer}, oidc_subject = ${identity.subject},
      updated_at = now() where id = ${byEmail.id}::uuid`);
  return { kind: 'found', userId: byEmail.id, linked: true };
}

// What the invitation page shows before the person accepts: which municipality invites them, with
// which roles, and how they accept: by logging in (an account exists for the address; are they
// logged in as it already?) or by creating their account. Only for the holder of the token, who
// got it in the invited mailbox.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Language } from '../../shared/language.ts';
import type { StaffPrincipal } from '../accounts/principal.ts';
import type { StaffRole } from '../accounts/roles.ts';
import { invitationByToken } from './invitation-by-token.ts';

export interface InvitationLookup {
  municipality: { kommunenummer: string; name: string };
  email: string;
  name: string;
  language: Language;
  roles: StaffRole[];
  expiresAt: string;
  accountExists: boolean;
  signedInAsInvitee: boolean;
}

export async function lookUpInvitation(
  db: Queryable,
  token: string,
  viewer: StaffPrincipal | null,
): Promise<InvitationLookup> {
  const invitation = await invitationByToken(db, token);
  const [account] = await queryRows<{ id: string }>(
    db,
    sql`select id from staff_users where email = ${invitation.email}`,
  );
  return {
    municipality: { kommunenummer: invitation.kommunenummer, name: invitation.municipalityName },
    email: invitation.email,
    name: invitation.name,
    language: invitation.language,
    roles: invitation.roles,
    expiresAt: invitation.expiresAt,
    accountExists: account !== undefined,
    signedInAsInvitee: viewer !== null && account !== undefined && viewer.userId === account.id,
  };
}

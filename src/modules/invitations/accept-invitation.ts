// The holder of an existing account accepts an invitation: logged in as the invited address, and
// with the token from that mailbox. Both are needed: the session proves the account, the token
// proves the consent of whoever reads the mailbox. A session alone never accepts anything (an
// account someone else pre-created for the address would otherwise take the roles; security
// review, finding 2). The joining is written to the audit log of the inviting municipality
// (user.joined) and of every other municipality the account works for
// (user.joined_other_municipality).
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAccountAudit } from '../accounts/account-audit.ts';
import type { StaffPrincipal } from '../accounts/principal.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { invitationByToken } from './invitation-by-token.ts';
import { invitationMessages } from './invitation-messages.ts';
import { joinMunicipality } from './join-municipality.ts';
import { redactInvitationLink } from './redact-invitation-links.ts';

export async function acceptInvitation(
  db: Database,
  principal: StaffPrincipal,
  token: string,
): Promise<{ kommunenummer: string; name: string }> {
  const accepted = await db.transaction(async (tx) => {
    const invitation = await invitationByToken(tx, token, { lock: true });
    if (invitation.email !== principal.email) {
      throw new AppError(403, 'invitation_other_account', invitationMessages.otherAccount());
    }
    // Locked like an OIDC login's check of the account's municipalities (oidc-find-account.ts).
    const [account] = await queryRows<{ active: boolean }>(
      tx,
      sql`select active from staff_users where id = ${principal.userId}::uuid for update`,
    );
    if (!account?.active) throw new AppError(403, 'account_inactive', invitationMessages.accountInactive());
    await joinMunicipality(tx, principal.userId, invitation);
    const joined = {
      kommunenummer: invitation.kommunenummer,
      roles: invitation.roles,
      teamIds: invitation.teamIds,
      invitationId: invitation.id,
    };
    await recordAudit(tx, {
      kommunenummer: invitation.kommunenummer,
      actorId: principal.userId,
      action: 'user.joined',
      entityType: 'staff_user',
      entityId: principal.userId,
      after: { ...joined, invitedBy: invitation.invitedBy },
    });
    await recordAccountAudit(
      tx,
      principal.userId,
      {
        actorId: principal.userId,
        action: 'user.joined_other_municipality',
        entityType: 'staff_user',
        entityId: principal.userId,
        after: { kommunenummer: invitation.kommunenummer, municipality: invitation.municipalityName },
      },
      { except: invitation.kommunenummer },
    );
    return invitation;
  });
  await redactInvitationLink(db, accepted.tokenHash);
  return { kommunenummer: accepted.kommunenummer, name: accepted.municipalityName };
}

// "Send again": a new invitation with the same address, name, roles and teams, a new token and
// seven new days; the old one is withdrawn (its link dies and is blanked). For an expired
// invitation too. Audited as invitation.resent, pointing from the old invitation to the new.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import type { StaffRole } from '../accounts/roles.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { invitationMessages } from './invitation-messages.ts';
import { redactInvitationLink } from './redact-invitation-links.ts';
import { type InvitationDeps, type StoredInvitation, storeInvitation } from './store-invitation.ts';

export async function resendInvitation(
  deps: InvitationDeps,
  actorId: string,
  kommunenummer: string,
  id: string,
): Promise<StoredInvitation> {
  const { stored, oldTokenHash } = await deps.db.transaction(async (tx) => {
    const [old] = await queryRows<{
      email: string;
      name: string;
      language: Language;
      roles: StaffRole[];
      team_ids: string[];
      token_hash: Buffer | Uint8Array;
      here: boolean;
    }>(
      tx,
      sql`update staff_invitations i set revoked_at = now()
           where i.id = ${id}::uuid and i.kommunenummer = ${kommunenummer}
             and i.accepted_at is null and i.revoked_at is null
          returning i.email, i.name, i.language, to_json(i.roles) as roles, to_json(i.team_ids) as team_ids,
            i.token_hash,
            exists (select 1 from staff_roles r join staff_users u on u.id = r.user_id
              where u.email = i.email and r.kommunenummer = i.kommunenummer) as here`,
    );
    if (!old) throw new AppError(404, 'not_found', invitationMessages.notFound());
    // The person has joined meanwhile (another invitation): nothing left to invite them to.
    if (old.here) throw new AppError(409, 'user_exists', invitationMessages.userExists());
    const fresh = await storeInvitation(tx, deps, {
      kommunenummer,
      email: old.email,
      name: old.name,
      language: old.language,
      roles: old.roles,
      teamIds: old.team_ids,
      invitedBy: actorId,
    });
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'invitation.resent',
      entityType: 'staff_invitation',
      entityId: fresh.invitationId,
      before: { invitationId: id },
      after: { invitationId: fresh.invitationId, email: old.email },
    });
    return { stored: fresh, oldTokenHash: Buffer.from(old.token_hash) };
  });
  await redactInvitationLink(deps.db, oldTokenHash);
  return stored;
}

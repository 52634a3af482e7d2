// Invites an address to work for a municipality: the only way to add a person, whether or not the
// address already has an account (from another municipality). Nothing changes for an existing
// account until its holder accepts with the token from their mailbox, and no one but the person
// chooses a password (security review, findings 1 and 2). What the caller sees is the same in
// both cases: the same statements run, the same answer comes back, the same email goes out.
// Only what concerns this municipality differs: a person who already has a role here
// (409 user_exists) or a pending invitation here (409 invitation_pending).
//
// Independent of HTTP: the administration API calls it, and so does the operator's command line
// (invitedBy null), which prints the link.

import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { isEmailAddress, isUuid } from '../../shared/text.ts';
import type { StaffRole } from '../accounts/roles.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { invitationMessages } from './invitation-messages.ts';
import { type InvitationDeps, type StoredInvitation, sqlArray, storeInvitation } from './store-invitation.ts';

export interface NewInvitation {
  kommunenummer: string;
  email: string;
  name: string;
  language?: Language;
  roles: StaffRole[];
  teamIds?: string[];
  /** The inviting administrator; null for the platform operator's command line. */
  invitedBy: string | null;
}

export async function createInvitation(
  deps: InvitationDeps,
  input: NewInvitation,
): Promise<StoredInvitation> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const roles = [...new Set(input.roles)];
  const teamIds = [...new Set(input.teamIds ?? [])];
  const [municipality] = await queryRows<{ ok: number }>(
    deps.db,
    sql`select 1 as ok from municipalities where kommunenummer = ${input.kommunenummer}`,
  );
  if (!municipality)
    throw new AppError(404, 'municipality_not_found', invitationMessages.municipalityUnknown());
  const errors: ErrorDetail[] = [];
  if (!isEmailAddress(email))
    errors.push({ field: 'email', code: 'invalid_email', message: invitationMessages.emailFormat() });
  if (!name) errors.push({ field: 'name', code: 'required', message: invitationMessages.nameRequired() });
  if (roles.length === 0)
    errors.push({ field: 'roles', code: 'required', message: invitationMessages.rolesRequired() });
  errors.push(...(await teamsNotHere(deps, input.kommunenummer, teamIds)));
  if (errors.length > 0)
    throw new AppError(400, 'invalid_change', invitationMessages.invalidInvitation(), errors);

  try {
    return await deps.db.transaction(async (tx) => {
      // The same question for every address: does someone with it work HERE already?
      const [here] = await queryRows<{ here: boolean }>(
        tx,
        sql`select exists (select 1 from staff_roles r join staff_users u on u.id = r.user_id
              where u.email = ${email} and r.kommunenummer = ${input.kommunenummer}) as here`,
      );
      if (here?.here) throw new AppError(409, 'user_exists', invitationMessages.userExists());
      // An expired invitation is closed, so a new one can take its place.
      await tx.execute(sql`update staff_invitations set revoked_at = now()
        where kommunenummer = ${input.kommunenummer} and email = ${email}
          and accepted_at is null and revoked_at is null and expires_at <= now()`);
      const stored = await storeInvitation(tx, deps, {
        kommunenummer: input.kommunenummer,
        email,
        name,
        language: input.language ?? 'nb',
        roles,
        teamIds,
        invitedBy: input.invitedBy,
      });
      await recordAudit(tx, {
        kommunenummer: input.kommunenummer,
        actorId: input.invitedBy,
        action: 'invitation.created',
        entityType: 'staff_invitation',
        entityId: stored.invitationId,
        after: { email, name, language: input.language ?? 'nb', roles, teamIds },
      });
      return stored;
    });
  } catch (error) {
    // Another invitation of the same address here was stored first.
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      throw new AppError(409, 'invitation_pending', invitationMessages.pending(), [
        { field: 'email', code: 'invitation_pending', message: invitationMessages.pending() },
      ]);
    }
    throw error;
  }
}

async function teamsNotHere(
  deps: InvitationDeps,
  kommunenummer: string,
  teamIds: string[],
): Promise<ErrorDetail[]> {
  const wellFormed = teamIds.filter(isUuid);
  const found =
    wellFormed.length === 0
      ? []
      : await queryRows<{ id: string }>(
          deps.db,
          sql`select id from teams where kommunenummer = ${kommunenummer} and id = any(${sqlArray(wellFormed)}::uuid[])`,
        );
  const here = new Set(found.map((t) => t.id));
  return teamIds.flatMap((id, index) =>
    here.has(id)
      ? []
      : [
          {
            field: `teamIds.${index}`,
            code: 'not_in_municipality',
            message: invitationMessages.teamNotHere(),
          },
        ],
  );
}

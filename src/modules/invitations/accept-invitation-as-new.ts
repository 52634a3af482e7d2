// A person without an account accepts an invitation with the token from their mailbox: they
// choose their own name and password, the account is created for the invited address (never for
// another), gets the invited roles and teams, and is logged in (a password session). Audited as
// user.created in the inviting municipality.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';
import { staffMessages } from '../../i18n/staff-messages.ts';
import { AppError } from '../../shared/errors.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../accounts/passwords.ts';
import { createSession, type NewSession } from '../accounts/sessions.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { invitationByToken } from './invitation-by-token.ts';
import { invitationMessages } from './invitation-messages.ts';
import { joinMunicipality } from './join-municipality.ts';
import { redactInvitationLink } from './redact-invitation-links.ts';

export interface NewAccountAcceptance {
  token: string;
  name: string;
  password: string;
  userAgent: string | undefined;
}

function accountExists(): AppError {
  return new AppError(409, 'account_exists', invitationMessages.accountExists());
}

export async function acceptInvitationAsNew(
  db: Database,
  input: NewAccountAcceptance,
): Promise<NewSession & { userId: string; kommunenummer: string }> {
  const name = input.name.trim();
  const problems = [];
  if (!name) problems.push({ field: 'name', code: 'required', message: invitationMessages.nameRequired() });
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    const message = staffMessages.passwordTooShort(MIN_PASSWORD_LENGTH);
    problems.push({ field: 'password', code: 'too_short', message });
  }
  if (problems.length > 0) {
    // The token is checked first: a dead link is what the person needs to hear about.
    await invitationByToken(db, input.token);
    throw new AppError(400, 'invalid_change', invitationMessages.invalidInvitation(), problems);
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const result = await db.transaction(async (tx) => {
      const invitation = await invitationByToken(tx, input.token, { lock: true });
      const [existing] = await queryRows<{ id: string }>(
        tx,
        sql`select id from staff_users where email = ${invitation.email}`,
      );
      if (existing) throw accountExists();
      const [created] = await queryRows<{ id: string }>(
        tx,
        sql`insert into staff_users (email, name, language, password_hash)
            values (${invitation.email}, ${name}, ${invitation.language}, ${passwordHash}) returning id`,
      );
      if (!created) throw new Error('staff user not created');
      await joinMunicipality(tx, created.id, invitation);
      await recordAudit(tx, {
        kommunenummer: invitation.kommunenummer,
        actorId: created.id,
        action: 'user.created',
        entityType: 'staff_user',
        entityId: created.id,
        after: {
          email: invitation.email,
          name,
          language: invitation.language,
          roles: invitation.roles,
          teamIds: invitation.teamIds,
          invitationId: invitation.id,
          invitedBy: invitation.invitedBy,
        },
      });
      const session = await createSession(tx, created.id, { method: 'password' }, input.userAgent);
      return {
        ...session,
        userId: created.id,
        kommunenummer: invitation.kommunenummer,
        tokenHash: invitation.tokenHash,
      };
    });
    await redactInvitationLink(db, result.tokenHash);
    const { tokenHash: _spent, ...session } = result;
    return session;
  } catch (error) {
    // The address got an account between the check and the insert.
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw accountExists();
    throw error;
  }
}

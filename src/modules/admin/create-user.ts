// Adds a person to the municipality's staff. An account that already exists (it works for another
// municipality) only gets roles and teams here: its name and password are the other
// municipality's business, so they are left as they are.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { staffMessages } from '../../i18n/staff-messages.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import { isEmailAddress } from '../../shared/text.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../accounts/passwords.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UserCreateInput } from './admin-http-schemas.ts';
import { adminMessages } from './admin-messages.ts';
import { refuseIfAny, withUniqueCheck } from './admin-support.ts';
import { checkTeams, setRoles, setTeams } from './set-memberships.ts';
import { findUser } from './user-queries.ts';

export async function createUser(
  db: Database,
  actorId: string,
  kommunenummer: string,
  input: UserCreateInput,
) {
  const email = input.email.trim().toLowerCase();
  const teamIds = input.teamIds ?? [];
  const errors: ErrorDetail[] = [];
  if (!isEmailAddress(email))
    errors.push({ field: 'email', code: 'invalid_email', message: adminMessages.emailFormat() });
  if (input.roles.length === 0)
    errors.push({ field: 'roles', code: 'required', message: adminMessages.rolesRequired() });
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    errors.push({
      field: 'password',
      code: 'too_short',
      message: staffMessages.passwordTooShort(MIN_PASSWORD_LENGTH),
    });
  }
  errors.push(...(await checkTeams(db, kommunenummer, teamIds)));
  refuseIfAny(errors);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);

  const conflict = { code: 'user_exists', message: adminMessages.userExists(), field: 'email' };
  return withUniqueCheck(db, conflict, async (tx) => {
    const [existing] = await queryRows<{ id: string; here: boolean }>(
      tx,
      sql`select id, exists (select 1 from staff_roles r where r.user_id = u.id and r.kommunenummer = ${kommunenummer}) as here
        from staff_users u where email = ${email} for update`,
    );
    if (existing?.here) throw new AppError(409, 'user_exists', adminMessages.userExists());
    let userId = existing?.id;
    if (!userId) {
      const [created] = await queryRows<{ id: string }>(
        tx,
        sql`insert into staff_users (email, name, language, password_hash)
          values (${email}, ${input.name.trim()}, ${input.language ?? 'nb'}, ${passwordHash}) returning id`,
      );
      userId = created?.id;
    }
    if (!userId) throw new Error('staff user not created');
    await setRoles(tx, userId, kommunenummer, input.roles);
    await setTeams(tx, userId, kommunenummer, teamIds);
    const user = await findUser(tx, kommunenummer, userId);
    if (!user) throw new Error('staff user not found after creation');
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: existing ? 'user.added' : 'user.created',
      entityType: 'staff_user',
      entityId: userId,
      // Never the password or its hash: only whether one was set.
      after: { ...user, passwordSet: passwordHash !== null && !existing },
    });
    return user;
  });
}

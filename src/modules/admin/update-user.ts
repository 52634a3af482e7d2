// Changes a staff member's roles and teams in this municipality, and, where this administrator may
// (see accounts/account-policy.ts), the account itself: its name, address, language, or whether it
// is active. Those belong to every municipality the account works for and to its holder, so an
// administrator of only some of them gets 403 account_shared (security review, finding 2).
// A value sent unchanged is not a change. An address can be changed by a platform operator only:
// an immediate change would tell whoever tries whether an address has an account elsewhere.
// Deactivating ends every session at once. An administrator cannot take away their own admin
// role or deactivate themselves, so a municipality is never left without anyone to fix it by a
// slip of the mouse. Removing every role here also removes the account from this municipality's
// teams.

import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';
import { AppError } from '../../shared/errors.ts';
import { isEmailAddress } from '../../shared/text.ts';
import { recordAccountAudit } from '../accounts/account-audit.ts';
import { mayChangeAccount } from '../accounts/account-policy.ts';
import type { StaffPrincipal } from '../accounts/principal.ts';
import { endStreamsOfUser } from '../accounts/session-streams.ts';
import { endAllSessions } from '../accounts/sessions.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UserChanges } from './admin-http-schemas.ts';
import { adminMessages } from './admin-messages.ts';
import { changedFields, notFound, refuseIfAny } from './admin-support.ts';
import { checkTeams, setRoles, setTeams } from './set-memberships.ts';
import { type AdminUser, findUser } from './user-queries.ts';

const ACCOUNT_FIELDS = ['name', 'email', 'language', 'active'] as const;
type AccountField = (typeof ACCOUNT_FIELDS)[number];

/** The account fields this request really changes (a value sent as it is changes nothing). */
function accountChanges(before: AdminUser, changes: UserChanges): Partial<Pick<AdminUser, AccountField>> {
  const wanted: Partial<Pick<AdminUser, AccountField>> = {
    ...(changes.name === undefined ? {} : { name: changes.name.trim() }),
    ...(changes.email === undefined ? {} : { email: changes.email.trim().toLowerCase() }),
    ...(changes.language === undefined ? {} : { language: changes.language }),
    ...(changes.active === undefined ? {} : { active: changes.active }),
  };
  return Object.fromEntries(
    Object.entries(wanted).filter(([field, value]) => before[field as AccountField] !== value),
  ) as Partial<Pick<AdminUser, AccountField>>;
}

export async function updateUser(
  db: Database,
  actor: StaffPrincipal,
  kommunenummer: string,
  id: string,
  changes: UserChanges,
) {
  if (
    id === actor.userId &&
    ((changes.roles && !changes.roles.includes('admin')) || changes.active === false)
  ) {
    throw new AppError(400, 'cannot_remove_own_admin', adminMessages.ownAdminRole());
  }
  if (changes.email !== undefined && !isEmailAddress(changes.email.trim())) {
    refuseIfAny([{ field: 'email', code: 'invalid_email', message: adminMessages.emailFormat() }]);
  }
  refuseIfAny(await checkTeams(db, kommunenummer, changes.teamIds ?? []));
  try {
    return await db.transaction(async (tx) => {
      // Locked: the account cannot join another municipality while this decides who may change it.
      await tx.execute(sql`select 1 from staff_users where id = ${id}::uuid for update`);
      const before = await findUser(tx, kommunenummer, id, actor);
      if (!before) throw notFound('user');
      const account = accountChanges(before, changes);
      if (Object.keys(account).length > 0 && !(await mayChangeAccount(tx, actor, id))) {
        throw new AppError(403, 'account_shared', adminMessages.accountShared());
      }
      if (account.email !== undefined && !actor.platformOperator) {
        throw new AppError(403, 'account_shared', adminMessages.emailByOperator());
      }
      if (Object.keys(account).length > 0) {
        await tx.execute(sql`update staff_users set
            name = coalesce(${account.name ?? null}, name),
            email = coalesce(${account.email ?? null}, email),
            language = coalesce(${account.language ?? null}, language),
            active = coalesce(${account.active ?? null}::boolean, active),
            updated_at = now()
          where id = ${id}::uuid`);
      }
      if (changes.roles) await setRoles(tx, id, kommunenummer, changes.roles);
      if (changes.teamIds) await setTeams(tx, id, kommunenummer, changes.teamIds);
      // No role here any more: no place in this municipality's teams either.
      if (changes.roles?.length === 0) await setTeams(tx, id, kommunenummer, []);
      if (account.active === false) await endAllSessions(tx, id);
      if (account.active === false) endStreamsOfUser(id);
      // With every role here removed, the account is no longer this municipality's to show.
      const after = (await findUser(tx, kommunenummer, id, actor)) ?? { ...before, roles: [], teams: [] };
      await recordAudit(tx, {
        kommunenummer,
        actorId: actor.userId,
        action: account.active === false ? 'user.deactivated' : 'user.updated',
        entityType: 'staff_user',
        entityId: id,
        ...changedFields(before, after),
      });
      if (Object.keys(account).length > 0) {
        // The account's own fields changed: every other municipality it works for is told too.
        const [now] = await queryRows<Pick<AdminUser, AccountField>>(
          tx,
          sql`select name, email, language, active from staff_users where id = ${id}::uuid`,
        );
        await recordAccountAudit(
          tx,
          id,
          {
            actorId: actor.userId,
            action: account.active === false ? 'user.deactivated' : 'user.account_updated',
            entityType: 'staff_user',
            entityId: id,
            ...changedFields(pick(before), pick(now ?? before)),
          },
          { except: kommunenummer },
        );
      }
      return after;
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      throw new AppError(409, 'email_taken', adminMessages.emailTaken(), [
        { field: 'email', code: 'email_taken', message: adminMessages.emailTaken() },
      ]);
    }
    throw error;
  }
}

function pick(user: Pick<AdminUser, AccountField>): Pick<AdminUser, AccountField> {
  return { name: user.name, email: user.email, language: user.language, active: user.active };
}

// Changes a staff member's name, language, roles and teams in this municipality, or deactivates
// the account. Deactivating ends every session at once. An administrator cannot take away their
// own admin role or deactivate themselves, so a municipality is never left without anyone to fix it
// by a slip of the mouse.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { endStreamsOfUser } from '../accounts/session-streams.ts';
import { endAllSessions } from '../accounts/sessions.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UserChanges } from './admin-http-schemas.ts';
import { adminMessages } from './admin-messages.ts';
import { changedFields, notFound, refuseIfAny } from './admin-support.ts';
import { checkTeams, setRoles, setTeams } from './set-memberships.ts';
import { findUser } from './user-queries.ts';

export async function updateUser(
  db: Database,
  actorId: string,
  kommunenummer: string,
  id: string,
  changes: UserChanges,
) {
  if (id === actorId && ((changes.roles && !changes.roles.includes('admin')) || changes.active === false)) {
    throw new AppError(400, 'cannot_remove_own_admin', adminMessages.ownAdminRole());
  }
  refuseIfAny(await checkTeams(db, kommunenummer, changes.teamIds ?? []));
  return db.transaction(async (tx) => {
    const before = await findUser(tx, kommunenummer, id);
    if (!before) throw notFound('user');
    if (changes.active !== undefined && changes.active !== before.active) {
      const [elsewhere] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from staff_roles where user_id = ${id}::uuid and kommunenummer <> ${kommunenummer}`,
      );
      if ((elsewhere?.n ?? 0) > 0) throw new AppError(409, 'account_shared', adminMessages.accountShared());
    }
    if (changes.name !== undefined || changes.language !== undefined || changes.active !== undefined) {
      await tx.execute(sql`update staff_users set
          name = coalesce(${changes.name?.trim() ?? null}, name),
          language = coalesce(${changes.language ?? null}, language),
          active = coalesce(${changes.active ?? null}::boolean, active),
          updated_at = now()
        where id = ${id}::uuid`);
    }
    if (changes.roles) await setRoles(tx, id, kommunenummer, changes.roles);
    if (changes.teamIds) await setTeams(tx, id, kommunenummer, changes.teamIds);
    if (changes.active === false) await endAllSessions(tx, id);
    if (changes.active === false) endStreamsOfUser(id);
    // With every role here removed, the account is no longer this municipality's to show.
    const after = (await findUser(tx, kommunenummer, id)) ?? { ...before, roles: [], teams: [] };
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: changes.active === false && before.active ? 'user.deactivated' : 'user.updated',
      entityType: 'staff_user',
      entityId: id,
      ...changedFields(before, after),
    });
    return after;
  });
}

// Replaces an account's roles and team memberships within one municipality, leaving those it has
// elsewhere untouched.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import type { StaffRole } from '../accounts/roles.ts';
import { adminMessages } from './admin-messages.ts';
import { belongsTo } from './admin-support.ts';

export async function checkTeams(
  db: Queryable,
  kommunenummer: string,
  teamIds: string[],
): Promise<ErrorDetail[]> {
  const errors: ErrorDetail[] = [];
  for (const [index, teamId] of teamIds.entries()) {
    if (!(await belongsTo(db, 'teams', teamId, kommunenummer))) {
      errors.push({
        field: `teamIds.${index}`,
        code: 'not_in_municipality',
        message: adminMessages.notInMunicipality('team'),
      });
    }
  }
  return errors;
}

export async function setRoles(db: Queryable, userId: string, kommunenummer: string, roles: StaffRole[]) {
  await db.execute(
    sql`delete from staff_roles where user_id = ${userId}::uuid and kommunenummer = ${kommunenummer}`,
  );
  for (const role of roles) {
    await db.execute(
      sql`insert into staff_roles (user_id, kommunenummer, role) values (${userId}::uuid, ${kommunenummer}, ${role})`,
    );
  }
}

export async function setTeams(db: Queryable, userId: string, kommunenummer: string, teamIds: string[]) {
  await db.execute(sql`delete from team_members tm using teams t
    where tm.team_id = t.id and tm.user_id = ${userId}::uuid and t.kommunenummer = ${kommunenummer}`);
  for (const teamId of teamIds) {
    await db.execute(
      sql`insert into team_members (team_id, user_id) values (${teamId}::uuid, ${userId}::uuid)`,
    );
  }
}

// The staff accounts with a role in a municipality, with their roles and teams there, and whether
// the administrator asking may change the account itself (see accounts/account-policy.ts).
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Language } from '../../shared/language.ts';
import { accountEditableSql } from '../accounts/account-policy.ts';
import type { StaffPrincipal } from '../accounts/principal.ts';
import type { StaffRole } from '../accounts/roles.ts';

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  language: Language;
  active: boolean;
  roles: StaffRole[];
  teams: { id: string; name: string }[];
  hasPassword: boolean;
  oidcLinked: boolean;
  /** Name, address, language and activity: whether this administrator may change them. */
  accountEditable: boolean;
}

function usersQuery(kommunenummer: string, userId: string | null, actor: StaffPrincipal) {
  return sql`select u.id, u.email, u.name, u.language, u.active,
      u.password_hash is not null as "hasPassword",
      u.oidc_subject is not null as "oidcLinked",
      ${accountEditableSql(actor, sql`u`)} as "accountEditable",
      coalesce((select json_agg(r.role order by r.role) from staff_roles r
        where r.user_id = u.id and r.kommunenummer = ${kommunenummer}), '[]'::json) as roles,
      coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
        from team_members tm join teams t on t.id = tm.team_id
        where tm.user_id = u.id and t.kommunenummer = ${kommunenummer}), '[]'::json) as teams
    from staff_users u
    where exists (select 1 from staff_roles r where r.user_id = u.id and r.kommunenummer = ${kommunenummer})
      ${userId ? sql`and u.id = ${userId}::uuid` : sql``}
    order by u.name, u.email`;
}

export function listUsers(db: Queryable, kommunenummer: string, actor: StaffPrincipal): Promise<AdminUser[]> {
  return queryRows<AdminUser>(db, usersQuery(kommunenummer, null, actor));
}

/** The account as this municipality sees it; undefined when it has no role here. */
export async function findUser(
  db: Queryable,
  kommunenummer: string,
  id: string,
  actor: StaffPrincipal,
): Promise<AdminUser | undefined> {
  const [row] = await queryRows<AdminUser>(db, usersQuery(kommunenummer, id, actor));
  return row;
}

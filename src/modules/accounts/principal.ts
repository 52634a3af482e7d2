// The logged-in staff member as every policy sees them: who, and what they may do where.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Language } from '../../shared/language.ts';
import type { StaffRole } from './roles.ts';

export interface Membership {
  kommunenummer: string;
  name: string;
  slug: string;
  roles: StaffRole[];
  teams: { id: string; name: string }[];
}

export interface StaffPrincipal {
  userId: string;
  email: string;
  name: string;
  language: Language;
  memberships: Membership[];
}

export function membershipIn(principal: StaffPrincipal, kommunenummer: string): Membership | undefined {
  return principal.memberships.find((m) => m.kommunenummer === kommunenummer);
}

export function hasRole(
  principal: StaffPrincipal,
  kommunenummer: string,
  roles: readonly StaffRole[],
): boolean {
  const membership = membershipIn(principal, kommunenummer);
  return membership?.roles.some((role) => roles.includes(role)) ?? false;
}

interface PrincipalRow {
  id: string;
  email: string;
  name: string;
  language: Language;
  memberships: Membership[] | null;
}

/** Loads an active account with its roles and teams per municipality; null if gone or deactivated. */
export async function loadPrincipal(db: Queryable, userId: string): Promise<StaffPrincipal | null> {
  const [row] = await queryRows<PrincipalRow>(
    db,
    sql`select u.id, u.email, u.name, u.language,
      (select json_agg(json_build_object(
          'kommunenummer', m.kommunenummer, 'name', m.name, 'slug', m.slug,
          'roles', (select json_agg(r.role order by r.role) from staff_roles r
                    where r.user_id = u.id and r.kommunenummer = m.kommunenummer),
          'teams', coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
                    from team_members tm join teams t on t.id = tm.team_id
                    where tm.user_id = u.id and t.kommunenummer = m.kommunenummer), '[]'::json))
        order by m.name)
       from municipalities m
       where exists (select 1 from staff_roles r where r.user_id = u.id and r.kommunenummer = m.kommunenummer)
      ) as memberships
    from staff_users u where u.id = ${userId}::uuid and u.active`,
  );
  if (!row) return null;
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    language: row.language,
    memberships: row.memberships ?? [],
  };
}

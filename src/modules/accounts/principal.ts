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
  /** The memberships this session may act in: all of them, or the scope's only. */
  memberships: Membership[];
  /** The session's scope (opened through that municipality's provider); null after a password login. */
  scope: string | null;
  /** Whether this session covers every municipality the account belongs to (so it may change the account). */
  coversAccount: boolean;
  /** A platform operator in a password session (never through a municipality's provider). */
  platformOperator: boolean;
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
  platform_operator: boolean;
  memberships: Membership[] | null;
  elsewhere: boolean;
}

/**
 * Loads an active account with its roles and teams per municipality; null if gone or deactivated.
 * With a scope (a session opened through that municipality's identity provider), only that
 * municipality's membership: the provider vouches for the person there and nowhere else.
 */
export async function loadPrincipal(
  db: Queryable,
  userId: string,
  scope: string | null,
): Promise<StaffPrincipal | null> {
  const inScope = scope === null ? sql`true` : sql`m.kommunenummer = ${scope}`;
  const [row] = await queryRows<PrincipalRow>(
    db,
    sql`select u.id, u.email, u.name, u.language, u.platform_operator,
      exists (select 1 from staff_roles r where r.user_id = u.id
        and ${scope === null ? sql`false` : sql`r.kommunenummer <> ${scope}`}) as elsewhere,
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
         and ${inScope}
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
    scope,
    coversAccount: !row.elsewhere,
    platformOperator: scope === null && row.platform_operator,
  };
}

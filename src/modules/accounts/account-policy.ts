// Who may change an account itself (its name, address, language, whether it is active): the
// things every municipality the account works for relies on, unlike its roles and teams, which
// are each municipality's own business. Besides the holder (see update-own-account.ts) that is
//   - an administrator of EVERY municipality the account has a role in (in this session: a
//     session scoped to one municipality is an administrator there only), or
//   - a platform operator (set from the command line) in a password session.
// A platform operator's own account is changed only by its holder or another platform operator,
// so no municipality's administrator can take over the platform through it.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { hasRole, type StaffPrincipal } from './principal.ts';

/** The municipalities where this session acts as an administrator. */
function adminIn(actor: StaffPrincipal): string[] {
  return actor.memberships
    .filter((m) => hasRole(actor, m.kommunenummer, ['admin']))
    .map((m) => m.kommunenummer);
}

/** Whether `actor` may change the account `userId` itself (never true for an unknown account). */
export async function mayChangeAccount(
  db: Queryable,
  actor: StaffPrincipal,
  userId: string,
): Promise<boolean> {
  const [row] = await queryRows<{ editable: boolean }>(
    db,
    sql`select ${accountEditableSql(actor, sql`u`)} as editable from staff_users u where u.id = ${userId}::uuid`,
  );
  return row?.editable ?? false;
}

/** The same rule as a column over `staff_users` aliased `alias`, for lists. */
export function accountEditableSql(actor: StaffPrincipal, alias: SQL): SQL {
  if (actor.platformOperator) return sql`true`;
  const mine = adminIn(actor);
  const outsideMine =
    mine.length === 0
      ? sql`true`
      : sql`r.kommunenummer not in (${sql.join(
          mine.map((k) => sql`${k}`),
          sql`, `,
        )})`;
  return sql`(not ${alias}.platform_operator and not exists (select 1 from staff_roles r
    where r.user_id = ${alias}.id and ${outsideMine}))`;
}

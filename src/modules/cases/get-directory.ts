// What every staff screen needs to name things in one municipality: its teams, the people who
// work there, its category groups and categories (inactive ones too: old reports use them).
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { type Language, type LocalizedText, localize } from '../../shared/language.ts';
import type { StaffRole } from '../accounts/roles.ts';

export interface Directory {
  teams: { id: string; code: string; name: string }[];
  people: { id: string; name: string; roles: StaffRole[]; teamIds: string[] }[];
  groups: { id: string; name: string; active: boolean }[];
  categories: { id: string; code: string; name: string; groupId: string; acute: boolean; active: boolean }[];
}

export async function getDirectory(
  db: Database,
  kommunenummer: string,
  language: Language,
): Promise<Directory> {
  const [teams, people, groups, categories] = await Promise.all([
    queryRows<Directory['teams'][number]>(
      db,
      sql`select id, code, name from teams where kommunenummer = ${kommunenummer} order by name`,
    ),
    queryRows<Directory['people'][number]>(
      db,
      sql`select u.id, u.name,
          (select json_agg(r.role order by r.role) from staff_roles r
            where r.user_id = u.id and r.kommunenummer = ${kommunenummer}) as roles,
          coalesce((select json_agg(tm.team_id order by tm.team_id) from team_members tm
            join teams t on t.id = tm.team_id
            where tm.user_id = u.id and t.kommunenummer = ${kommunenummer}), '[]'::json) as "teamIds"
        from staff_users u
        where u.active and exists (select 1 from staff_roles r where r.user_id = u.id and r.kommunenummer = ${kommunenummer})
        order by u.name, u.id`,
    ),
    queryRows<{ id: string; name: LocalizedText; active: boolean }>(
      db,
      sql`select id, name, active from category_groups where kommunenummer = ${kommunenummer} order by sort_order, code`,
    ),
    queryRows<{
      id: string;
      code: string;
      name: LocalizedText;
      groupId: string;
      acute: boolean;
      active: boolean;
    }>(
      db,
      // In the order residents see them: group by group, each in the order its administrators set.
      sql`select c.id, c.code, c.name, c.group_id as "groupId", c.acute, c.active from categories c
        join category_groups g on g.id = c.group_id
        where c.kommunenummer = ${kommunenummer}
        order by g.sort_order, g.code, c.sort_order, c.code`,
    ),
  ]);
  return {
    teams,
    people,
    groups: groups.map((g) => ({ ...g, name: localize(g.name, language) })),
    categories: categories.map((c) => ({ ...c, name: localize(c.name, language) })),
  };
}

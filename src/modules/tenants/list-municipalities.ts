// Every municipality on the platform, for the operator: whether it takes reports, how many
// active staff accounts have a role in it, and how many reports it has.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

export interface MunicipalitySummary {
  kommunenummer: string;
  name: string;
  slug: string;
  enabled: boolean;
  staffCount: number;
  reportCount: number;
}

export async function listMunicipalities(db: Queryable): Promise<MunicipalitySummary[]> {
  return queryRows<MunicipalitySummary>(
    db,
    sql`select m.kommunenummer, m.name, m.slug, m.enabled,
          (select count(distinct r.user_id)::int from staff_roles r
             join staff_users u on u.id = r.user_id and u.active
            where r.kommunenummer = m.kommunenummer) as "staffCount",
          (select count(*)::int from reports p where p.kommunenummer = m.kommunenummer) as "reportCount"
        from municipalities m
       order by m.kommunenummer`,
  );
}

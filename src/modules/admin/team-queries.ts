// Teams as the administration pages list them.
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { teams } from '../tenants/schema.ts';

export type TeamRow = typeof teams.$inferSelect;
export const presentTeam = (row: TeamRow) => ({ id: row.id, code: row.code, name: row.name });

export async function listTeams(db: Queryable, kommunenummer: string) {
  const rows = await db
    .select()
    .from(teams)
    .where(eq(teams.kommunenummer, kommunenummer))
    .orderBy(asc(teams.name));
  return rows.map(presentTeam);
}

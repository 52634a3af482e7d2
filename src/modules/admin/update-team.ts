// Renames a team; its code stays.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { teams } from '../tenants/schema.ts';
import { changedFields, notFound } from './admin-support.ts';
import { presentTeam as present } from './team-queries.ts';

export async function updateTeam(
  db: Database,
  actorId: string,
  kommunenummer: string,
  id: string,
  input: { name: string },
) {
  return db.transaction(async (tx) => {
    const where = and(eq(teams.id, id), eq(teams.kommunenummer, kommunenummer));
    const [existing] = await tx.select().from(teams).where(where);
    if (!existing) throw notFound('team');
    const [row] = await tx.update(teams).set({ name: input.name.trim() }).where(where).returning();
    if (!row) throw notFound('team');
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'team.updated',
      entityType: 'team',
      entityId: id,
      ...changedFields(present(existing), present(row)),
    });
    return present(row);
  });
}

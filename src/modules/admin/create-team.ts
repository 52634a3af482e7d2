// A team reports are routed to, such as "VA drift". Teams are not deleted: reports point at them.
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { teams } from '../tenants/schema.ts';
import { adminMessages } from './admin-messages.ts';
import { withUniqueCheck } from './admin-support.ts';
import { presentTeam as present } from './team-queries.ts';

export async function createTeam(
  db: Database,
  actorId: string,
  kommunenummer: string,
  input: { code: string; name: string },
) {
  const conflict = { code: 'code_taken', message: adminMessages.codeTaken(input.code), field: 'code' };
  return withUniqueCheck(db, conflict, async (tx) => {
    const [row] = await tx
      .insert(teams)
      .values({ kommunenummer, code: input.code, name: input.name.trim() })
      .returning();
    if (!row) throw new Error('team not created');
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'team.created',
      entityType: 'team',
      entityId: row.id,
      after: present(row),
    });
    return present(row);
  });
}

// Routes a report to a team and/or a person. Both must belong to the report's municipality:
// a team of another municipality, or someone without a role here, is refused with a reason.
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/text.ts';
import { staffRoles, staffUsers } from '../accounts/schema.ts';
import { teams } from '../tenants/schema.ts';
import {
  addEvent,
  type CaseActor,
  checkVersion,
  type LockedReport,
  lockReport,
  updateReport,
} from './case-changes.ts';
import { caseMessages } from './case-messages.ts';

export interface Assignment {
  teamId: string | null;
  assigneeId: string | null;
}

export async function assignReport(
  db: Database,
  actor: CaseActor,
  reportId: string,
  assignment: Assignment & { version: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const report = await lockReport(tx, actor.kommunenummer, reportId);
    await checkVersion(tx, report, assignment.version);
    await checkAssignment(tx, actor.kommunenummer, assignment);
    await applyAssignment(tx, actor, report, assignment);
  });
}

export async function checkAssignment(
  db: Queryable,
  kommunenummer: string,
  assignment: Assignment,
): Promise<void> {
  if (assignment.teamId !== null) {
    const found =
      isUuid(assignment.teamId) &&
      (
        await db
          .select({ id: teams.id })
          .from(teams)
          .where(and(eq(teams.id, assignment.teamId), eq(teams.kommunenummer, kommunenummer)))
      ).length > 0;
    if (!found) throw new AppError(400, 'invalid_team', caseMessages.teamNotInMunicipality());
  }
  if (assignment.assigneeId !== null) {
    const found =
      isUuid(assignment.assigneeId) &&
      (
        await db
          .select({ id: staffUsers.id })
          .from(staffUsers)
          .where(
            and(
              eq(staffUsers.id, assignment.assigneeId),
              eq(staffUsers.active, true),
              sql`exists (select 1 from ${staffRoles} where ${staffRoles.userId} = ${staffUsers.id}
                and ${staffRoles.kommunenummer} = ${kommunenummer})`,
            ),
          )
      ).length > 0;
    if (!found) throw new AppError(400, 'invalid_assignee', caseMessages.assigneeNotInMunicipality());
  }
}

/** For a report already locked, with the assignment already checked. Internal: never public. */
export async function applyAssignment(
  tx: Queryable,
  actor: CaseActor,
  report: LockedReport,
  assignment: Assignment,
): Promise<void> {
  await updateReport(tx, report, { teamId: assignment.teamId, assigneeId: assignment.assigneeId });
  await addEvent(tx, report.id, actor.userId, {
    kind: 'assigned',
    public: false,
    before: { teamId: report.teamId, assigneeId: report.assigneeId },
    after: { teamId: assignment.teamId, assigneeId: assignment.assigneeId },
  });
}

// A new category residents can report under. It shows on the public form at once: the intake
// catalog checks each cached row's version, and the category tree is read from the database.
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { categories } from '../categories/schema.ts';
import type { CategoryCreateInput } from './admin-http-schemas.ts';
import { adminMessages } from './admin-messages.ts';
import { cleanText, withUniqueCheck } from './admin-support.ts';
import { presentCategory } from './category-queries.ts';
import { checkCategory } from './check-category.ts';

export async function createCategory(
  db: Database,
  actorId: string,
  kommunenummer: string,
  input: CategoryCreateInput,
) {
  await checkCategory(db, kommunenummer, input);
  const conflict = { code: 'code_taken', message: adminMessages.codeTaken(input.code), field: 'code' };
  return withUniqueCheck(db, conflict, async (tx) => {
    const [row] = await tx
      .insert(categories)
      .values({
        kommunenummer,
        groupId: input.groupId,
        code: input.code,
        name: cleanText(input.name),
        help: input.help ? cleanText(input.help) : null,
        acute: input.acute ?? false,
        contactRequired: input.contactRequired ?? false,
        publicDescription: input.publicDescription ?? true,
        // A category that keeps descriptions private is about someone's home: show only the area.
        publicLocation: input.publicLocation ?? (input.publicDescription === false ? 'coarse' : 'exact'),
        questions: input.questions ?? [],
        defaultTeamId: input.defaultTeamId ?? null,
        deadlineHours: input.deadlineHours ?? null,
        ...(input.nearbyRadiusMeters === undefined ? {} : { nearbyRadiusMeters: input.nearbyRadiusMeters }),
        noticeTypes: input.noticeTypes ?? [],
        incidentMinReports: input.incidentMinReports ?? null,
        ...(input.incidentRadiusMeters === undefined
          ? {}
          : { incidentRadiusMeters: input.incidentRadiusMeters }),
        ...(input.incidentWindowMinutes === undefined
          ? {}
          : { incidentWindowMinutes: input.incidentWindowMinutes }),
        sortOrder: input.sortOrder ?? 0,
        active: input.active ?? true,
      })
      .returning();
    if (!row) throw new Error('category not created');
    const after = presentCategory(row);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'category.created',
      entityType: 'category',
      entityId: row.id,
      after,
    });
    return after;
  });
}

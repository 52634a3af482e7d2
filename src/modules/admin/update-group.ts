// Renames, reorders or deactivates a category group. Its code stays: reports and imports use it.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { categoryGroups } from '../categories/schema.ts';
import { changedFields, cleanText, notFound } from './admin-support.ts';
import { findGroup, presentGroup } from './category-queries.ts';

export interface GroupChanges {
  name?: LocalizedText;
  sortOrder?: number;
  active?: boolean;
}

export async function updateGroup(
  db: Database,
  actorId: string,
  kommunenummer: string,
  id: string,
  changes: GroupChanges,
) {
  return db.transaction(async (tx) => {
    const existing = await findGroup(tx, kommunenummer, id);
    if (!existing) throw notFound('group');
    const [row] = await tx
      .update(categoryGroups)
      .set({
        name: cleanText(changes.name ?? existing.name),
        ...(changes.sortOrder === undefined ? {} : { sortOrder: changes.sortOrder }),
        ...(changes.active === undefined ? {} : { active: changes.active }),
      })
      .where(eq(categoryGroups.id, id))
      .returning();
    if (!row) throw notFound('group');
    const after = presentGroup(row);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'category_group.updated',
      entityType: 'category_group',
      entityId: id,
      ...changedFields(presentGroup(existing), after),
    });
    return after;
  });
}

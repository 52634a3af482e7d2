// Drag to reorder within a group: the list must be exactly the group's categories (active or not),
// so a stale page cannot silently drop one from the order.
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { categories } from '../categories/schema.ts';
import { adminMessages } from './admin-messages.ts';
import { refuseIfAny } from './admin-support.ts';
import { findCategory, listCategories, presentCategory } from './category-queries.ts';

export async function reorderCategories(db: Database, actorId: string, kommunenummer: string, ids: string[]) {
  return db.transaction(async (tx) => {
    const first = ids[0] ? await findCategory(tx, kommunenummer, ids[0]) : undefined;
    const inGroup = first
      ? (await listCategories(tx, kommunenummer)).filter((c) => c.groupId === first.groupId)
      : [];
    const expected = new Set(inGroup.map((c) => c.id));
    const exact =
      new Set(ids).size === ids.length && ids.length === expected.size && ids.every((id) => expected.has(id));
    if (!first || !exact) {
      refuseIfAny([{ field: 'ids', code: 'not_the_group', message: adminMessages.reorderMismatch() }]);
    }
    const before = inGroup.map((c) => c.id);
    // Steps of 10 leave room for a category added later between two others.
    await tx
      .update(categories)
      .set({
        sortOrder: sql`(array_position(${sql.raw('ARRAY[')}${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}${sql.raw(']')}, ${categories.id}) * 10)`,
        updatedAt: new Date(),
      })
      .where(inArray(categories.id, ids));
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'category.reordered',
      entityType: 'category_group',
      entityId: first?.groupId ?? '',
      before: { order: before },
      after: { order: ids },
    });
    const rows = await listCategories(tx, kommunenummer);
    return rows.filter((c) => c.groupId === first?.groupId).map(presentCategory);
  });
}

// Changes any field of a category except its code (the Open311 service_code, which stays).
// `active: false` deactivates it: residents no longer see it, old reports keep it.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { categories } from '../categories/schema.ts';
import type { CategoryChanges } from './admin-http-schemas.ts';
import { changedFields, cleanText, notFound } from './admin-support.ts';
import { findCategory, presentCategory } from './category-queries.ts';
import { checkCategory } from './check-category.ts';

export async function updateCategory(
  db: Database,
  actorId: string,
  kommunenummer: string,
  id: string,
  changes: CategoryChanges,
) {
  await checkCategory(db, kommunenummer, changes);
  return db.transaction(async (tx) => {
    const existing = await findCategory(tx, kommunenummer, id);
    if (!existing) throw notFound('category');
    const [row] = await tx
      .update(categories)
      .set({
        ...changes,
        ...(changes.name ? { name: cleanText(changes.name) } : {}),
        ...(changes.help === undefined ? {} : { help: changes.help ? cleanText(changes.help) : null }),
        updatedAt: new Date(),
      })
      .where(eq(categories.id, id))
      .returning();
    if (!row) throw notFound('category');
    const { updatedAt: _before, ...before } = presentCategory(existing);
    const { updatedAt: _after, ...after } = presentCategory(row);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'category.updated',
      entityType: 'category',
      entityId: id,
      ...changedFields(before, after),
    });
    return presentCategory(row);
  });
}

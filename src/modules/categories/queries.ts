import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { categories, categoryGroups } from './schema.ts';

export type Category = typeof categories.$inferSelect;
export type CategoryGroup = typeof categoryGroups.$inferSelect;

export async function findCategoryByCode(
  db: Queryable,
  kommunenummer: string,
  code: string,
): Promise<Category | undefined> {
  const rows = await db
    .select()
    .from(categories)
    .where(and(eq(categories.kommunenummer, kommunenummer), eq(categories.code, code)));
  return rows[0];
}

/** Active groups and their active categories, in display order. */
export async function listActiveCategories(
  db: Queryable,
  kommunenummer: string,
): Promise<{ group: CategoryGroup; category: Category }[]> {
  return db
    .select({ group: categoryGroups, category: categories })
    .from(categories)
    .innerJoin(categoryGroups, eq(categories.groupId, categoryGroups.id))
    .where(
      and(
        eq(categories.kommunenummer, kommunenummer),
        eq(categories.active, true),
        eq(categoryGroups.active, true),
      ),
    )
    .orderBy(
      asc(categoryGroups.sortOrder),
      asc(categoryGroups.code),
      asc(categories.sortOrder),
      asc(categories.code),
    );
}

import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { municipalities } from '../tenants/schema.ts';
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

function intakeTargetQuery(db: Queryable) {
  return db
    .select({
      municipality: municipalities,
      category: categories,
      groupActive: categoryGroups.active,
      // xmin changes whenever a row is updated: a version that no code path can forget to bump.
      versions: {
        municipality: sql<string>`${municipalities}.xmin::text`,
        category: sql<string | null>`${categories}.xmin::text`,
        group: sql<string | null>`${categoryGroups}.xmin::text`,
      },
    })
    .from(municipalities)
    .leftJoin(
      categories,
      and(
        eq(categories.kommunenummer, municipalities.kommunenummer),
        eq(categories.code, sql.placeholder('code')),
      ),
    )
    .leftJoin(categoryGroups, eq(categoryGroups.id, categories.groupId))
    .where(eq(municipalities.kommunenummer, sql.placeholder('kommunenummer')))
    .prepare('find_intake_target');
}

const preparedLookups = new WeakMap<Queryable, ReturnType<typeof intakeTargetQuery>>();

export type IntakeTargetRow = NonNullable<Awaited<ReturnType<typeof findIntakeTarget>>>;

/**
 * A municipality and one of its categories (with its group), in one round trip: what report
 * intake needs before it can check a report. `category` is null when the code is unknown there.
 * Prepared once per database, since every report asks it.
 */
export async function findIntakeTarget(db: Queryable, kommunenummer: string, code: string) {
  let query = preparedLookups.get(db);
  if (!query) {
    query = intakeTargetQuery(db);
    preparedLookups.set(db, query);
  }
  const rows = await query.execute({ kommunenummer, code });
  return rows[0];
}

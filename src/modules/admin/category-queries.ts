// Reading a municipality's category groups and categories as the administration pages show them:
// every field, inactive ones included.
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { categories, categoryGroups } from '../categories/schema.ts';
import { NOTICE_TYPES, type NoticeType } from '../notices/schema.ts';

function isNoticeType(value: string): value is NoticeType {
  return (NOTICE_TYPES as readonly string[]).includes(value);
}

export type GroupRow = typeof categoryGroups.$inferSelect;
export type CategoryRow = typeof categories.$inferSelect;

export function presentGroup(row: GroupRow) {
  return { id: row.id, code: row.code, name: row.name, sortOrder: row.sortOrder, active: row.active };
}

export function presentCategory(row: CategoryRow) {
  return {
    id: row.id,
    code: row.code,
    groupId: row.groupId,
    name: row.name,
    help: row.help,
    acute: row.acute,
    contactRequired: row.contactRequired,
    publicDescription: row.publicDescription,
    publicLocation: row.publicLocation,
    questions: row.questions,
    defaultTeamId: row.defaultTeamId,
    deadlineHours: row.deadlineHours,
    nearbyRadiusMeters: row.nearbyRadiusMeters,
    noticeTypes: row.noticeTypes.filter(isNoticeType),
    incidentMinReports: row.incidentMinReports,
    incidentRadiusMeters: row.incidentRadiusMeters,
    incidentWindowMinutes: row.incidentWindowMinutes,
    sortOrder: row.sortOrder,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function listGroups(db: Queryable, kommunenummer: string): Promise<GroupRow[]> {
  return db
    .select()
    .from(categoryGroups)
    .where(eq(categoryGroups.kommunenummer, kommunenummer))
    .orderBy(asc(categoryGroups.sortOrder), asc(categoryGroups.code));
}

export function listCategories(db: Queryable, kommunenummer: string): Promise<CategoryRow[]> {
  return db
    .select()
    .from(categories)
    .where(eq(categories.kommunenummer, kommunenummer))
    .orderBy(asc(categories.groupId), asc(categories.sortOrder), asc(categories.code));
}

export async function findGroup(
  db: Queryable,
  kommunenummer: string,
  id: string,
): Promise<GroupRow | undefined> {
  const [row] = await db
    .select()
    .from(categoryGroups)
    .where(and(eq(categoryGroups.kommunenummer, kommunenummer), eq(categoryGroups.id, id)));
  return row;
}

export async function findCategory(
  db: Queryable,
  kommunenummer: string,
  id: string,
): Promise<CategoryRow | undefined> {
  const [row] = await db
    .select()
    .from(categories)
    .where(and(eq(categories.kommunenummer, kommunenummer), eq(categories.id, id)));
  return row;
}

// Reply templates as the administration pages list them, inactive ones included.
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { replyTemplates } from '../cases/schema.ts';

export type TemplateRow = typeof replyTemplates.$inferSelect;

export function presentTemplate(row: TemplateRow) {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    categoryId: row.categoryId,
    body: row.body,
    sortOrder: row.sortOrder,
    active: row.active,
  };
}

export async function listTemplates(db: Queryable, kommunenummer: string) {
  const rows = await db
    .select()
    .from(replyTemplates)
    .where(eq(replyTemplates.kommunenummer, kommunenummer))
    .orderBy(asc(replyTemplates.sortOrder), asc(replyTemplates.name));
  return rows.map(presentTemplate);
}

export async function findTemplate(db: Queryable, kommunenummer: string, id: string) {
  const [row] = await db
    .select()
    .from(replyTemplates)
    .where(and(eq(replyTemplates.kommunenummer, kommunenummer), eq(replyTemplates.id, id)));
  return row;
}

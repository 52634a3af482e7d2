// A new category group (tema), such as "Vann".
import type { Database } from '../../db/client.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { categoryGroups } from '../categories/schema.ts';
import { adminMessages } from './admin-messages.ts';
import { cleanText, withUniqueCheck } from './admin-support.ts';
import { presentGroup } from './category-queries.ts';

export interface NewGroup {
  code: string;
  name: LocalizedText;
  sortOrder?: number;
  active?: boolean;
}

export async function createGroup(db: Database, actorId: string, kommunenummer: string, input: NewGroup) {
  const conflict = { code: 'code_taken', message: adminMessages.codeTaken(input.code), field: 'code' };
  return withUniqueCheck(db, conflict, async (tx) => {
    const [row] = await tx
      .insert(categoryGroups)
      .values({
        kommunenummer,
        code: input.code,
        name: cleanText(input.name),
        sortOrder: input.sortOrder ?? 0,
        active: input.active ?? true,
      })
      .returning();
    if (!row) throw new Error('group not created');
    const after = presentGroup(row);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'category_group.created',
      entityType: 'category_group',
      entityId: row.id,
      after,
    });
    return after;
  });
}

// Changes a reply template; `active: false` stops offering it.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { replyTemplates } from '../cases/schema.ts';
import type { TemplateChanges } from './admin-http-schemas.ts';
import { changedFields, cleanText, notFound } from './admin-support.ts';
import { checkTemplateCategory } from './create-template.ts';
import { findTemplate, presentTemplate } from './template-queries.ts';

export async function updateTemplate(
  db: Database,
  actorId: string,
  kommunenummer: string,
  id: string,
  changes: TemplateChanges,
) {
  await checkTemplateCategory(db, kommunenummer, changes.categoryId);
  return db.transaction(async (tx) => {
    const existing = await findTemplate(tx, kommunenummer, id);
    if (!existing) throw notFound('template');
    const [row] = await tx
      .update(replyTemplates)
      .set({
        ...changes,
        ...(changes.name ? { name: changes.name.trim() } : {}),
        ...(changes.body ? { body: cleanText(changes.body) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(replyTemplates.id, id))
      .returning();
    if (!row) throw notFound('template');
    const after = presentTemplate(row);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'reply_template.updated',
      entityType: 'reply_template',
      entityId: id,
      ...changedFields(presentTemplate(existing), after),
    });
    return after;
  });
}

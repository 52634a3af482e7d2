// A public reply a case handler starts from, offered for its status and category (null: any).
import type { Database } from '../../db/client.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { replyTemplates } from '../cases/schema.ts';
import type { ReportStatus } from '../reports/statuses.ts';
import { adminMessages } from './admin-messages.ts';
import { belongsTo, cleanText, refuseIfAny } from './admin-support.ts';
import { presentTemplate } from './template-queries.ts';

export interface NewTemplate {
  name: string;
  body: LocalizedText;
  status?: ReportStatus | null;
  categoryId?: string | null;
  sortOrder?: number;
  active?: boolean;
}

export async function checkTemplateCategory(
  db: Database,
  kommunenummer: string,
  categoryId: string | null | undefined,
) {
  if (categoryId && !(await belongsTo(db, 'categories', categoryId, kommunenummer))) {
    refuseIfAny([
      {
        field: 'categoryId',
        code: 'not_in_municipality',
        message: adminMessages.notInMunicipality('category'),
      },
    ]);
  }
}

export async function createTemplate(
  db: Database,
  actorId: string,
  kommunenummer: string,
  input: NewTemplate,
) {
  await checkTemplateCategory(db, kommunenummer, input.categoryId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(replyTemplates)
      .values({
        kommunenummer,
        name: input.name.trim(),
        body: cleanText(input.body),
        status: input.status ?? null,
        categoryId: input.categoryId ?? null,
        sortOrder: input.sortOrder ?? 0,
        active: input.active ?? true,
      })
      .returning();
    if (!row) throw new Error('template not created');
    const after = presentTemplate(row);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'reply_template.created',
      entityType: 'reply_template',
      entityId: row.id,
      after,
    });
    return after;
  });
}

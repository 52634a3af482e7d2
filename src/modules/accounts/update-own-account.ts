// The holder changes their own name or language. Only in a session that covers every
// municipality the account works for (a session opened through one municipality's login speaks
// for that municipality only). Written to the audit log of each of them.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { recordAccountAudit } from './account-audit.ts';
import { accountMessages } from './account-messages.ts';
import type { StaffPrincipal } from './principal.ts';

export interface OwnAccountChanges {
  name?: string;
  language?: Language;
}

export async function updateOwnAccount(
  db: Database,
  principal: StaffPrincipal,
  changes: OwnAccountChanges,
): Promise<void> {
  if (!principal.coversAccount)
    throw new AppError(403, 'account_session_scoped', accountMessages.sessionScoped());
  await db.transaction(async (tx) => {
    const [before] = await queryRows<{ name: string; language: Language }>(
      tx,
      sql`select name, language from staff_users where id = ${principal.userId}::uuid for update`,
    );
    if (!before) return;
    const after = {
      name: changes.name?.trim() ?? before.name,
      language: changes.language ?? before.language,
    };
    const changed = (['name', 'language'] as const).filter((field) => before[field] !== after[field]);
    if (changed.length === 0) return;
    const diff = {
      before: Object.fromEntries(changed.map((field) => [field, before[field]])),
      after: Object.fromEntries(changed.map((field) => [field, after[field]])),
    };
    await tx.execute(sql`update staff_users set name = ${after.name}, language = ${after.language}, updated_at = now()
      where id = ${principal.userId}::uuid`);
    await recordAccountAudit(tx, principal.userId, {
      actorId: principal.userId,
      action: 'user.account_updated',
      entityType: 'staff_user',
      entityId: principal.userId,
      ...diff,
    });
  });
}

// Small pieces every administrative use case shares: refusing with field details, turning a
// unique violation into a 409, and keeping localized texts free of blank translations.

import { sql } from 'drizzle-orm';
import { type Database, queryRows, type Transaction } from '../../db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';
import { AppError, type ErrorDetail, type Message } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { type AdminEntity, adminMessages } from './admin-messages.ts';

export function refuseIfAny(errors: ErrorDetail[]): void {
  if (errors.length > 0) throw new AppError(400, 'invalid_change', adminMessages.invalidChange(), errors);
}

export function notFound(what: AdminEntity): AppError {
  return new AppError(404, 'not_found', adminMessages.notFound(what));
}

/** Runs a change; a unique violation (23505) becomes a 409 with the given message. */
export async function withUniqueCheck<T>(
  db: Database,
  conflict: { code: string; message: Message; field: string },
  change: (tx: Transaction) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction(change);
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      throw new AppError(409, conflict.code, conflict.message, [
        { field: conflict.field, code: conflict.code, message: conflict.message },
      ]);
    }
    throw error;
  }
}

/** Drops blank optional translations, so "" never hides the bokmål fallback. */
export function cleanText(text: LocalizedText): LocalizedText {
  const result: LocalizedText = { nb: text.nb.trim() };
  if (text.nn?.trim()) result.nn = text.nn.trim();
  if (text.en?.trim()) result.en = text.en.trim();
  return result;
}

/** Whether a row with this id exists in the municipality's table (teams, category groups, categories). */
export async function belongsTo(
  db: Database | Transaction,
  table: 'teams' | 'category_groups' | 'categories',
  id: string,
  kommunenummer: string,
): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from ${sql.identifier(table)} where id = ${id}::uuid and kommunenummer = ${kommunenummer}`,
  );
  return rows.length > 0;
}

/** Only the fields that changed, before and after, for the audit log. */
export function changedFields<T extends object>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

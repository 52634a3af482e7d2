// A change to an account itself (its name, address, password, language, identity link, which
// municipalities it belongs to) concerns every municipality the account works for, so each of
// them finds it in its own audit log, not only the one where it was made.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { type AuditEntry, recordAudit } from '../audit/record-audit.ts';

/** The municipalities the account has a role in, in order. */
export async function municipalitiesOf(db: Queryable, userId: string): Promise<string[]> {
  const rows = await queryRows<{ kommunenummer: string }>(
    db,
    sql`select distinct kommunenummer from staff_roles where user_id = ${userId}::uuid order by kommunenummer`,
  );
  return rows.map((r) => r.kommunenummer);
}

/**
 * Writes the entry to the audit log of every municipality the account has a role in, except
 * `except` (where the caller writes its own entry); an account with no role anywhere gets one
 * entry without a municipality. Returns the municipalities written to.
 */
export async function recordAccountAudit(
  db: Queryable,
  userId: string,
  entry: Omit<AuditEntry, 'kommunenummer'>,
  options: { except?: string } = {},
): Promise<string[]> {
  const all = await municipalitiesOf(db, userId);
  if (all.length === 0) {
    await recordAudit(db, { ...entry, kommunenummer: null });
    return [];
  }
  const targets = all.filter((k) => k !== options.except);
  for (const kommunenummer of targets) await recordAudit(db, { ...entry, kommunenummer });
  return targets;
}

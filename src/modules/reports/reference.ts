// Report references people can read aloud on the phone: kommunenummer, year, running number
// (4001-2026-00123). The number comes from a PostgreSQL sequence per municipality and year:
// sequences hand out numbers without locking, so concurrent reports never wait for each other.
// A rolled-back report leaves a gap in the numbers, which is harmless.
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { PG_DUPLICATE_TABLE, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';

const OSLO_YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' });

/** The year in Norway at that moment (a report at 00:30 on 1 January is in the new year). */
export function norwegianYear(at: Date): number {
  return Number(OSLO_YEAR.format(at));
}

export function formatReference(kommunenummer: string, year: number, n: number): string {
  return `${kommunenummer}-${year}-${String(n).padStart(5, '0')}`;
}

export const REFERENCE_PATTERN = '^[0-9]{4}-[0-9]{4}-[0-9]{5,}$';

export function referenceSequenceName(kommunenummer: string, year: number): string {
  // Both parts are checked digits, so the name is safe to put into SQL text.
  if (!/^\d{4}$/.test(kommunenummer) || !Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new Error(`Invalid reference sequence parts: ${kommunenummer}/${year}`);
  }
  return `report_ref_${kommunenummer}_${year}`;
}

/**
 * SQL for the next reference: formatReference() done by the database, so the number can be
 * taken inside the statement that stores the report.
 */
export function nextReferenceSql(kommunenummer: string, year: number): SQL {
  const sequence = referenceSequenceName(kommunenummer, year);
  return sql`(select ${`${kommunenummer}-${year}-`} || lpad(n::text, greatest(5, length(n::text)), '0')
    from (select nextval(${sequence}::regclass) as n) as next_number)`;
}

/**
 * Creates the year's sequence. Made ahead (this year and next when a municipality is added, and
 * next year's by the worker's daily schedule), and by intake as a fallback when one is missing.
 * `if not exists` is not safe under concurrency: two sessions may both find no sequence and one
 * then fails with "already exists" (42P07) or a unique violation on pg_class (23505). Either
 * means the sequence is there, which is all the caller needs.
 */
export async function createReferenceSequence(
  db: Queryable,
  kommunenummer: string,
  year: number,
): Promise<void> {
  const sequence = referenceSequenceName(kommunenummer, year);
  try {
    await db.execute(sql.raw(`create sequence if not exists ${sequence} as bigint`));
  } catch (error) {
    if (!createdMeanwhile(error)) throw error;
  }
}

/** The error another session's concurrent CREATE gives: the sequence exists, which is success. */
export function createdMeanwhile(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code === PG_DUPLICATE_TABLE || code === PG_UNIQUE_VIOLATION;
}

/** This year's and next year's sequences for these municipalities (all active ones when omitted). */
export async function createReferenceSequencesAhead(
  db: Queryable,
  kommunenummere: readonly string[],
  now: Date = new Date(),
): Promise<void> {
  const year = norwegianYear(now);
  for (const kommunenummer of kommunenummere) {
    await createReferenceSequence(db, kommunenummer, year);
    await createReferenceSequence(db, kommunenummer, year + 1);
  }
}

// Report references people can read aloud on the phone: kommunenummer, year, running number
// (4001-2026-00123). The number comes from a PostgreSQL sequence per municipality and year:
// sequences hand out numbers without locking, so concurrent reports never wait for each other.
// A rolled-back report leaves a gap in the numbers, which is harmless.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { PG_UNDEFINED_TABLE, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';

const OSLO_YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' });

/** The year in Norway at that moment (a report at 00:30 on 1 January is in the new year). */
export function norwegianYear(at: Date): number {
  return Number(OSLO_YEAR.format(at));
}

export function formatReference(kommunenummer: string, year: number, n: number): string {
  return `${kommunenummer}-${year}-${String(n).padStart(5, '0')}`;
}

export const REFERENCE_PATTERN = '^[0-9]{4}-[0-9]{4}-[0-9]{5,}$';

function sequenceName(kommunenummer: string, year: number): string {
  // Both parts are checked digits, so the name is safe to put into SQL text.
  if (!/^\d{4}$/.test(kommunenummer) || !Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new Error(`Invalid reference sequence parts: ${kommunenummer}/${year}`);
  }
  return `report_ref_${kommunenummer}_${year}`;
}

/** Must run outside a transaction: the first report of a year creates that year's sequence. */
export async function allocateReference(db: Database, kommunenummer: string, at: Date): Promise<string> {
  const year = norwegianYear(at);
  const name = sequenceName(kommunenummer, year);
  for (let attempt = 0; ; attempt++) {
    try {
      const rows = await queryRows<{ n: string | number }>(db, sql`select nextval(${name}::regclass) as n`);
      return formatReference(kommunenummer, year, Number(rows[0]?.n));
    } catch (error) {
      const code = pgErrorCode(error);
      if (code !== PG_UNDEFINED_TABLE || attempt > 2) throw error;
    }
    try {
      await db.execute(sql.raw(`create sequence if not exists ${name} as bigint`));
    } catch (error) {
      // Two processes creating the same sequence at once: the loser sees a unique violation.
      if (pgErrorCode(error) !== PG_UNIQUE_VIOLATION) throw error;
    }
  }
}

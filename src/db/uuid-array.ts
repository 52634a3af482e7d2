// A list of ids as one uuid[] parameter ('{a,b,c}'), whatever its length: the statement's text
// stays the same for every batch size. Only for ids read from a uuid column (the literal is not
// escaped, and PostgreSQL refuses anything that is not a uuid).
import { type SQL, sql } from 'drizzle-orm';

export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

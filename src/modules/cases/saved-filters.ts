// Saved inbox filters: each staff member's own named filters per municipality. Nobody sees or
// deletes another person's filters; a name is unique per person and municipality.
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';
import { AppError } from '../../shared/errors.ts';
import { inboxMessages } from './inbox-messages.ts';
import { savedFilters } from './schema.ts';

export interface SavedFilter {
  id: string;
  name: string;
  query: Record<string, string>;
}

interface Owner {
  userId: string;
  kommunenummer: string;
}

const columns = { id: savedFilters.id, name: savedFilters.name, query: savedFilters.query };

export function listSavedFilters(db: Queryable, owner: Owner): Promise<SavedFilter[]> {
  return db
    .select(columns)
    .from(savedFilters)
    .where(and(eq(savedFilters.userId, owner.userId), eq(savedFilters.kommunenummer, owner.kommunenummer)))
    .orderBy(asc(savedFilters.name), asc(savedFilters.id));
}

export async function saveFilter(
  db: Queryable,
  owner: Owner,
  input: { name: string; query: Record<string, string> },
): Promise<SavedFilter> {
  const name = input.name.trim();
  try {
    const [row] = await db
      .insert(savedFilters)
      .values({ userId: owner.userId, kommunenummer: owner.kommunenummer, name, query: input.query })
      .returning(columns);
    if (!row) throw new Error('saved filter not stored');
    return row;
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      const message = inboxMessages.savedFilterNameTaken(name);
      throw new AppError(409, 'saved_filter_name_taken', message, [
        { field: 'name', code: 'saved_filter_name_taken', message },
      ]);
    }
    throw error;
  }
}

/** Deletes the caller's own filter; someone else's, or one that is gone, is a 404. */
export async function deleteSavedFilter(db: Queryable, owner: Owner, id: string): Promise<void> {
  const deleted = await db
    .delete(savedFilters)
    .where(
      and(
        eq(savedFilters.id, id),
        eq(savedFilters.userId, owner.userId),
        eq(savedFilters.kommunenummer, owner.kommunenummer),
      ),
    )
    .returning({ id: savedFilters.id });
  if (deleted.length === 0) throw new AppError(404, 'not_found', inboxMessages.savedFilterNotFound());
}

// Keyset paging for the inbox: each sort orders by its keys and then the report id, and the
// cursor carries the last row's keys (as PostgreSQL printed them, so no precision is lost) in an
// opaque base64url string. The next page is "rows after this tuple": no offsets, no duplicates or
// gaps when reports arrive meanwhile.
import { type SQL, sql } from 'drizzle-orm';
import { isTimestamp } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/text.ts';
import type { InboxSort } from './inbox-filters.ts';
import { inboxMessages } from './inbox-messages.ts';

type KeyType = 'timestamptz' | 'int';

interface SortSpec {
  keys: { expr: string; type: KeyType }[];
  direction: 'asc' | 'desc';
}

const PRIORITY_RANK = "(case r.priority when 'hoy' then 3 when 'normal' then 2 else 1 end)";

const SORTS: Record<InboxSort, SortSpec> = {
  '-created': { keys: [{ expr: 'r.created_at', type: 'timestamptz' }], direction: 'desc' },
  created: { keys: [{ expr: 'r.created_at', type: 'timestamptz' }], direction: 'asc' },
  // Reports without a deadline come last.
  due: {
    keys: [{ expr: "coalesce(r.due_at, 'infinity'::timestamptz)", type: 'timestamptz' }],
    direction: 'asc',
  },
  '-priority': {
    keys: [
      { expr: PRIORITY_RANK, type: 'int' },
      { expr: 'r.created_at', type: 'timestamptz' },
    ],
    direction: 'desc',
  },
  '-updated': { keys: [{ expr: 'r.updated_at', type: 'timestamptz' }], direction: 'desc' },
};

const INT = /^-?\d{1,9}$/;

/** A timestamp key as PostgreSQL printed it; every field is checked, since PostgreSQL casts it. */
function isTimestampKey(key: string): boolean {
  return key === 'infinity' || isTimestamp(key);
}

export interface Cursor {
  sort: InboxSort;
  keys: string[];
  id: string;
}

/** The keys of each row, as text, for the cursor: select it as `cursor_keys`. */
export function cursorKeysColumn(sort: InboxSort): SQL {
  return sql.raw(`array[${SORTS[sort].keys.map((k) => `${k.expr}::text`).join(', ')}] as cursor_keys`);
}

export function orderBy(sort: InboxSort): SQL {
  const { keys, direction } = SORTS[sort];
  // The inbox indexes are `created_at DESC NULLS LAST, id DESC NULLS LAST`; PostgreSQL only walks
  // them for an ORDER BY with the same null ordering (DESC alone means NULLS FIRST), else it sorts
  // every matching row. The keys are never null, so this changes no order.
  const order = direction === 'desc' ? 'desc nulls last' : 'asc nulls first';
  return sql.raw([...keys.map((k) => `${k.expr} ${order}`), `r.id ${order}`].join(', '));
}

/** Rows after the cursor in the sort's order. */
export function afterCursor(cursor: Cursor): SQL {
  const { keys, direction } = SORTS[cursor.sort];
  const left = sql.raw([...keys.map((k) => k.expr), 'r.id'].join(', '));
  const right = sql.join(
    [...keys.map((k, i) => sql`${cursor.keys[i]}::${sql.raw(k.type)}`), sql`${cursor.id}::uuid`],
    sql`, `,
  );
  return direction === 'desc' ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.keys, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string, sort: InboxSort): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const spec = SORTS[sort];
    if (Array.isArray(value) && value.length === 3 && value[0] === sort) {
      const [, keys, id] = value as [unknown, unknown, unknown];
      const keysValid =
        Array.isArray(keys) &&
        keys.length === spec.keys.length &&
        keys.every(
          (key, i) =>
            typeof key === 'string' && (spec.keys[i]?.type === 'int' ? INT.test(key) : isTimestampKey(key)),
        );
      if (keysValid && typeof id === 'string' && isUuid(id)) return { sort, keys: keys as string[], id };
    }
  } catch {
    // fall through to the error below
  }
  const message = inboxMessages.invalidCursor();
  throw new AppError(400, 'invalid_cursor', message, [{ field: 'cursor', code: 'invalid_cursor', message }]);
}

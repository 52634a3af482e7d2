// The inbox list: one page of a municipality's reports under the filters, in the chosen order.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Language } from '../../shared/language.ts';
import {
  afterCursor,
  type Cursor,
  cursorKeysColumn,
  decodeCursor,
  encodeCursor,
  orderBy,
} from './inbox-cursor.ts';
import { filterConditions, type InboxFilter, type InboxSort } from './inbox-filters.ts';
import {
  type InboxItem,
  type InboxItemRow,
  inboxItemColumns,
  inboxItemJoins,
  presentInboxItem,
} from './present-inbox-item.ts';

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
}

export type InboxRow = InboxItemRow & { cursor_keys: string[] };

/** Rows of the inbox after `after` (raw, for the list and the export), one more than `limit`. */
export function selectInboxRows(
  db: Queryable,
  filter: InboxFilter,
  sort: InboxSort,
  limit: number,
  after: Cursor | undefined,
): Promise<InboxRow[]> {
  const conditions = after
    ? sql`${filterConditions(filter)} and ${afterCursor(after)}`
    : filterConditions(filter);
  return queryRows<InboxRow>(
    db,
    sql`select ${inboxItemColumns}, ${cursorKeysColumn(sort)}
      from reports r ${inboxItemJoins}
      where ${conditions}
      order by ${orderBy(sort)}
      limit ${limit + 1}`,
  );
}

export function nextCursorOf(rows: InboxRow[], limit: number, sort: InboxSort): Cursor | null {
  const last = rows[limit - 1];
  return rows.length > limit && last ? { sort, keys: last.cursor_keys, id: last.id } : null;
}

export async function listInbox(
  db: Queryable,
  filter: InboxFilter,
  page: { sort: InboxSort; limit: number; cursor?: string | undefined },
  language: Language,
): Promise<InboxPage> {
  const after = page.cursor ? decodeCursor(page.cursor, page.sort) : undefined;
  const rows = await selectInboxRows(db, filter, page.sort, page.limit, after);
  const next = nextCursorOf(rows, page.limit, page.sort);
  return {
    items: rows.slice(0, page.limit).map((row) => presentInboxItem(row, language)),
    nextCursor: next ? encodeCursor(next) : null,
  };
}

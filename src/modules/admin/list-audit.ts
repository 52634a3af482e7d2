// The municipality's audit log, newest first, a page at a time. The cursor is the last id seen:
// entries are only ever added, so a page never shifts while someone reads on.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

interface AuditRow {
  id: number;
  action: string;
  entity_type: string;
  entity_id: string;
  actor_id: string | null;
  actor_name: string | null;
  before: unknown;
  after: unknown;
  created_at: Date | string;
}

export async function listAudit(
  db: Queryable,
  kommunenummer: string,
  cursor: string | undefined,
  limit: number,
) {
  const rows = await queryRows<AuditRow>(
    db,
    sql`select a.id, a.action, a.entity_type, a.entity_id, a.actor_id, u.name as actor_name,
        a.before, a.after, a.created_at
      from audit_log a left join staff_users u on u.id = a.actor_id
      where a.kommunenummer = ${kommunenummer}
        ${cursor ? sql`and a.id < ${Number(cursor)}` : sql``}
      order by a.id desc
      limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      id: String(row.id),
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
      before: row.before,
      after: row.after,
      createdAt: new Date(row.created_at).toISOString(),
    })),
    nextCursor: rows.length > limit ? String(page.at(-1)?.id) : null,
  };
}

// Adds an entry to the audit log. Called inside the same transaction as the change it records,
// so a change and its audit entry are stored together or not at all.
import type { Queryable } from '../../db/client.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
  kommunenummer: string | null;
  actorId: string | null;
  /** "<entity>.<verb>", e.g. "category.updated", "user.created", "report.contact_viewed". */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    kommunenummer: entry.kommunenummer,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

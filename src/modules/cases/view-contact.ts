// A reporter's name, email and phone, for staff allowed to see them. Every look is written to the
// audit log in the same transaction as the read: no read without its log entry.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { isUuid } from '../../shared/text.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { reportContacts, reports } from '../reports/schema.ts';
import type { NotifyChannel } from '../reports/statuses.ts';
import { type CaseActor, reportNotFound } from './case-changes.ts';

export interface ReporterContact {
  name: string | null;
  email: string | null;
  phone: string | null;
  notify: NotifyChannel;
  language: string | null;
}

export async function viewContact(
  db: Database,
  actor: CaseActor,
  reportId: string,
): Promise<ReporterContact> {
  if (!isUuid(reportId)) throw reportNotFound();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: reports.id,
        name: reportContacts.name,
        email: reportContacts.email,
        phone: reportContacts.phone,
        notify: reportContacts.notify,
        language: reportContacts.language,
      })
      .from(reports)
      .leftJoin(reportContacts, eq(reportContacts.reportId, reports.id))
      .where(and(eq(reports.id, reportId), eq(reports.kommunenummer, actor.kommunenummer)));
    if (!row) throw reportNotFound();
    await recordAudit(tx, {
      kommunenummer: actor.kommunenummer,
      actorId: actor.userId,
      action: 'report.contact_viewed',
      entityType: 'report',
      entityId: reportId,
    });
    return {
      name: row.name,
      email: row.email,
      phone: row.phone,
      notify: row.notify ?? 'none',
      language: row.language,
    };
  });
}

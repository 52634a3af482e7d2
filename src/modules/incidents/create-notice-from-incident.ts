// "Create notice from incident": a draft notice in the municipality's wording for the type the
// category names first (else "other"), over the convex hull of the incident's reports buffered
// by a margin, starting now. The reports are linked to it (by the staff member), and the incident
// is closed as noticed, all in one transaction: a second click finds it no longer open (409).
// The draft is for staff to review and publish (the SPA opens it for editing).
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { createNoticeFromTemplate } from '../notices/create-from-template.ts';
import type { StaffNotice } from '../notices/notice-queries.ts';
import { NOTICE_TYPES, type NoticeType } from '../notices/schema.ts';
import { broadcastIncidentChange } from './announce-incident.ts';
import { bufferedHull } from './geometry.ts';
import { getIncident } from './incident-queries.ts';
import { incidentMessages } from './incident-texts.ts';

/** How far the notice's area reaches beyond the outermost reports. */
export const NOTICE_MARGIN_METERS = 150;
/**
 * The margin for a category whose reports are shown coarsely or not at all in public: a notice
 * is public, and a tight hull around five households' reports would say where they live more
 * precisely than the public map's 500 m cells do.
 */
export const PRIVATE_NOTICE_MARGIN_METERS = 500;

function isNoticeType(value: string): value is NoticeType {
  return (NOTICE_TYPES as readonly string[]).includes(value);
}

export async function createNoticeFromIncident(
  db: Database,
  actor: { userId: string; kommunenummer: string },
  id: string,
  language: Language,
): Promise<{ incidentId: string; notice: StaffNotice }> {
  return db.transaction(async (tx) => {
    const incident = await getIncident(tx, actor.kommunenummer, id, language, true);
    if (incident.status !== 'open') throw new AppError(409, 'incident_not_open', incidentMessages.notOpen());
    const type = incident.noticeTypes.find(isNoticeType) ?? 'other';
    const exact = incident.publicLocation === 'exact';
    const ring = bufferedHull(incident.reports, exact ? NOTICE_MARGIN_METERS : PRIVATE_NOTICE_MARGIN_METERS);
    // A report's address names the notice only where the category shows reports' places in
    // public; otherwise it may be someone's home, and the draft would carry it into the title.
    const place = (exact ? incident.reports.find((r) => r.address)?.address : undefined) ?? incident.category;
    // Given the transaction, createNotice runs in a savepoint of it: all or nothing together.
    const notice = await createNoticeFromTemplate(tx, actor.userId, actor.kommunenummer, {
      type,
      areaName: place.slice(0, 100),
      area: { type: 'Polygon', coordinates: [ring] },
      startsAt: new Date().toISOString(),
      expectedEndAt: null,
    });
    await tx.execute(
      sql`insert into notice_report_links (notice_id, report_id, linked_by)
          select ${notice.id}::uuid, report_id, ${actor.userId}::uuid from incident_reports
           where incident_id = ${id}
          on conflict do nothing`,
    );
    await tx.execute(
      sql`update incidents set status = 'noticed', notice_id = ${notice.id}, closed_at = now(),
                 closed_by = ${actor.userId}, updated_at = now()
           where id = ${id}`,
    );
    await recordAudit(tx, {
      kommunenummer: actor.kommunenummer,
      actorId: actor.userId,
      action: 'incident.noticed',
      entityType: 'incident',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'noticed', noticeId: notice.id, reports: incident.reports.map((r) => r.id) },
    });
    await broadcastIncidentChange(tx, {
      id,
      kommunenummer: actor.kommunenummer,
      status: 'noticed',
      reportCount: incident.reports.length,
    });
    return { incidentId: id, notice };
  });
}

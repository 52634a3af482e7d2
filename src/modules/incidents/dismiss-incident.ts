// Staff judge an open incident to be noise: it is closed as dismissed, audited. Its reports stay
// in it (a report belongs to one incident at most), so they do not raise it again.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { broadcastIncidentChange } from './announce-incident.ts';
import { getIncident, type IncidentDetail } from './incident-queries.ts';
import { incidentMessages } from './incident-texts.ts';

export async function dismissIncident(
  db: Database,
  actor: { userId: string; kommunenummer: string },
  id: string,
  language: Language,
): Promise<IncidentDetail> {
  return db.transaction(async (tx) => {
    const incident = await getIncident(tx, actor.kommunenummer, id, language, true);
    if (incident.status !== 'open') throw new AppError(409, 'incident_not_open', incidentMessages.notOpen());
    await tx.execute(
      sql`update incidents set status = 'dismissed', closed_at = now(), closed_by = ${actor.userId}, updated_at = now()
           where id = ${id}`,
    );
    await recordAudit(tx, {
      kommunenummer: actor.kommunenummer,
      actorId: actor.userId,
      action: 'incident.dismissed',
      entityType: 'incident',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'dismissed' },
    });
    await broadcastIncidentChange(tx, {
      id,
      kommunenummer: actor.kommunenummer,
      status: 'dismissed',
      reportCount: incident.reportCount,
    });
    return { ...incident, status: 'dismissed' };
  });
}

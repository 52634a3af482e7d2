// The platform operator switches a municipality off (it stops using the service, or is not ready
// yet) and on again. Off, its pages and the API take no new reports and say it is not available;
// its staff can still log in and read everything. Nothing is deleted.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tenantMessages } from './tenant-messages.ts';

export async function setMunicipalityEnabled(
  db: Database,
  kommunenummer: string,
  enabled: boolean,
): Promise<{ name: string; changed: boolean }> {
  return db.transaction(async (tx) => {
    const [before] = await queryRows<{ name: string; enabled: boolean }>(
      tx,
      sql`select name, enabled from municipalities where kommunenummer = ${kommunenummer} for update`,
    );
    if (!before) {
      throw new AppError(404, 'municipality_not_found', tenantMessages.municipalityNotFound(kommunenummer));
    }
    if (before.enabled === enabled) return { name: before.name, changed: false };
    await tx.execute(
      sql`update municipalities set enabled = ${enabled}, updated_at = now() where kommunenummer = ${kommunenummer}`,
    );
    await recordAudit(tx, {
      kommunenummer,
      actorId: null,
      action: enabled ? 'municipality.activated' : 'municipality.deactivated',
      entityType: 'municipality',
      entityId: kommunenummer,
      before: { enabled: before.enabled },
      after: { enabled },
    });
    return { name: before.name, changed: true };
  });
}

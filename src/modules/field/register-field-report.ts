// A report a crew registers out in the field (channel `felt`): it goes through the same intake as
// every channel (createReport: the same checks, numbering and alerts), with the staff member as
// the one who registered it and no resident contact. The place must be in the municipality the
// crew works in. A retry with the same Idempotency-Key gets the first answer: the key is kept in
// the intake's own idempotency record, written in the same statement as the report, under a name
// that includes the staff member (a key is only unique on the device that made it).
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, queryRows } from '../../db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import type { IntakeCatalog } from '../categories/intake-catalog.ts';
import type { MunicipalityLocator } from '../geo/municipality-locator.ts';
import { createReport } from '../reports/create-report.ts';
import { describeRequest, type IdempotencyRequest, lookUpIdempotentAnswer } from '../reports/idempotency.ts';
import type { StoredPhoto } from '../reports/insert-received-report.ts';
import { fieldMessages } from './field-messages.ts';

export interface FieldReportInput {
  kommunenummer: string;
  category: string;
  description: string;
  lat?: number | undefined;
  lon?: number | undefined;
  address?: string | undefined;
  answers?: unknown;
  assetId?: string | undefined;
}

export interface FieldReportDeps {
  database: DatabaseHandle;
  catalog: IntakeCatalog;
  locator: MunicipalityLocator;
}

export interface FieldReportAnswer {
  id: string;
  reference: string;
  replayed: boolean;
}

/**
 * The intake idempotency record for a staff member's key and request. The key lives in a space of
 * its own (no public key hashes the same) and stands for the request in its municipality: the
 * same key and body under another municipality's URL is another request (422), never a replay.
 */
export function fieldIdempotency(
  userId: string,
  kommunenummer: string,
  key: string,
  subject: unknown,
): IdempotencyRequest {
  return describeRequest(`${userId}:${key}`, { kommunenummer, subject }, 'idempotency-staff');
}

/** The earlier answer to this key and request, if any; 422 for the key on another request. */
export async function earlierFieldReport(
  database: DatabaseHandle,
  idempotency: IdempotencyRequest,
): Promise<FieldReportAnswer | undefined> {
  const found = await lookUpIdempotentAnswer(database.db, idempotency);
  if (found.kind === 'mismatch') throw new AppError(422, 'idempotency_key_reused', fieldMessages.keyReused());
  return found.kind === 'replay'
    ? { id: found.report.id, reference: found.report.ref, replayed: true }
    : undefined;
}

export async function registerFieldReport(
  deps: FieldReportDeps,
  input: FieldReportInput,
  actor: { userId: string; language: Language },
  photos: StoredPhoto[],
  idempotency: IdempotencyRequest | undefined,
): Promise<FieldReportAnswer> {
  if ((input.lat === undefined) !== (input.lon === undefined)) {
    throw new AppError(400, 'location_incomplete', fieldMessages.pointIncomplete());
  }
  const asset = input.assetId ? await findAsset(deps.database, input.kommunenummer, input.assetId) : null;
  try {
    const created = await createReport(
      deps,
      {
        category: input.category,
        municipality: input.kommunenummer,
        location:
          input.lat !== undefined && input.lon !== undefined ? { lat: input.lat, lon: input.lon } : undefined,
        address: input.address,
        description: input.description,
        answers: input.answers,
        assetRef: asset?.externalId,
        registeredAssetId: asset?.id,
        photos: { stored: photos },
        channel: 'felt',
        actor: actor.userId,
        language: actor.language,
      },
      idempotency,
    );
    return { id: created.id, reference: created.ref, replayed: false };
  } catch (error) {
    // The same key in flight twice: the other copy was stored first; answer as it was answered.
    if (idempotency && pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      const earlier = await earlierFieldReport(deps.database, idempotency);
      if (earlier) return earlier;
    }
    throw error;
  }
}

async function findAsset(database: DatabaseHandle, kommunenummer: string, assetId: string) {
  const [row] = await queryRows<{ id: string; external_id: string }>(
    database.db,
    sql`select id, external_id from assets where id = ${assetId}::uuid and kommunenummer = ${kommunenummer}`,
  );
  if (!row) {
    const message = fieldMessages.unknownAsset();
    throw new AppError(422, 'invalid_report', messages.invalidRequest(), [
      { field: 'assetId', code: 'unknown_asset', message },
    ]);
  }
  return { id: row.id, externalId: row.external_id };
}

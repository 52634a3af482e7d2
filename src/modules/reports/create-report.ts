// Report intake: the one use case every channel (web form, QR, front desk, field app, API,
// Open311) goes through. It checks everything, then stores the report, the reporter's contact,
// the first history entry and the Idempotency-Key record together. What follows a report (the
// receipt, the team's alert, live screens) is started by its history entry, read by the worker
// (the outbox, see notifications/relay.ts): nothing else joins the intake transaction.
import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import type { IntakeCatalog } from '../categories/intake-catalog.ts';
import type { MunicipalityLocator } from '../geo/municipality-locator.ts';
import { checkReport, type Place, resolvePlace } from './check-report.ts';
import type { ContactInput } from './contact.ts';
import { type IdempotencyRequest, seal } from './idempotency.ts';
import type { StoredPhoto } from './insert-received-report.ts';
import { CatalogChangedError, insertReceivedReport } from './insert-received-report.ts';
import { intakeGateFor } from './intake-gate.ts';
import type { Channel, ReportStatus } from './statuses.ts';
import { createTrackingToken } from './tracking-token.ts';

export interface CreateReportInput {
  category: string;
  municipality?: string | undefined;
  location?: { lat: number; lon: number } | undefined;
  /** An address, or a free-text description of the place when there is no point. */
  address?: string | undefined;
  description: string;
  answers?: unknown;
  contact?: ContactInput | undefined;
  /** The asset (hydrant, pumping station…) the report is about, e.g. from a QR sticker. */
  assetRef?: string | undefined;
  /** The report link (QR sticker) the report was started from. */
  reportLinkId?: string | undefined;
  /**
   * A registered asset staff chose (the field app), already checked to be the municipality's.
   * Never from a resident: theirs comes from the report link, read in the insert.
   */
  registeredAssetId?: string | undefined;
  /** Photos already processed and in photo storage, in order; and/or a draft whose photos move over. */
  photos?: { stored?: StoredPhoto[] | undefined; draftId?: string | undefined } | undefined;
  channel: Channel;
  /** Who registered it, for the first history entry: a staff account's id (front desk); else the reporter. */
  actor?: string | undefined;
  /** The language the reporter asked for; their default for messages (else the municipality's). */
  language?: Language | undefined;
}

export interface CreatedReport {
  id: string;
  ref: string;
  kommunenummer: string;
  slug: string;
  status: ReportStatus;
  acute: boolean;
  trackingToken: string;
  createdAt: Date;
}

export interface CreateReportDeps {
  database: DatabaseHandle;
  catalog: IntakeCatalog;
  locator: MunicipalityLocator;
  now?: () => Date;
}

/** Checks against the cached catalog; a refusal is confirmed against fresh rows first. */
async function check(
  deps: Pick<CreateReportDeps, 'catalog'>,
  place: Place,
  input: CreateReportInput,
  fresh = false,
) {
  const target = fresh
    ? await deps.catalog.refresh(place.kommunenummer, input.category)
    : await deps.catalog.get(place.kommunenummer, input.category);
  try {
    return checkReport(target, place, input);
  } catch (error) {
    if (!(error instanceof AppError) || !target?.fromCache) throw error;
    return checkReport(await deps.catalog.refresh(place.kommunenummer, input.category), place, input);
  }
}

/**
 * Runs every check intake would run, without storing anything: for forms that show the resident
 * their mistakes before the last step. Throws the same AppError createReport would.
 */
export async function checkNewReport(
  deps: Pick<CreateReportDeps, 'catalog' | 'locator'>,
  input: CreateReportInput,
): Promise<void> {
  let place: Place;
  try {
    place = resolvePlace(deps.locator, input);
  } catch (placeError) {
    // Without a usable place, still tell the resident everything else that is wrong, at once.
    if (!(placeError instanceof AppError) || !input.municipality) throw placeError;
    try {
      await check(deps, { kommunenummer: input.municipality, name: '' }, input);
    } catch (other) {
      if (other instanceof AppError && other.status === 422 && other.code === 'invalid_report') {
        throw new AppError(422, 'invalid_report', other.localized, [...placeError.details, ...other.details]);
      }
    }
    throw placeError;
  }
  await check(deps, place, input);
}

export async function createReport(
  deps: CreateReportDeps,
  input: CreateReportInput,
  idempotency?: IdempotencyRequest,
): Promise<CreatedReport> {
  // Embedded mode: waits its turn, or is refused with a 503 when too many wait (intake-gate.ts).
  const gate = intakeGateFor(deps.database);
  if (!gate) return storeReport(deps, input, idempotency);
  return gate.run(() => storeReport(deps, input, idempotency));
}

async function storeReport(
  deps: CreateReportDeps,
  input: CreateReportInput,
  idempotency?: IdempotencyRequest,
): Promise<CreatedReport> {
  const place = resolvePlace(deps.locator, input);
  const now = deps.now?.() ?? new Date();
  const id = randomUUID();
  const { token, hash } = createTrackingToken();

  for (let attempt = 0; ; attempt++) {
    const checked = await check(deps, place, input, attempt > 0);
    const { municipality, category } = checked;
    try {
      const ref = await insertReceivedReport(
        deps.database,
        {
          id,
          kommunenummer: municipality.kommunenummer,
          categoryId: category.id,
          versions: checked.versions,
          channel: input.channel,
          actor: input.actor ?? 'reporter',
          acute: checked.acute,
          description: checked.description,
          address: input.address?.trim() || null,
          lat: input.location?.lat ?? null,
          lon: input.location?.lon ?? null,
          answers: checked.answers,
          assetRef: input.assetRef?.trim() || null,
          reportLinkId: input.reportLinkId ?? null,
          registeredAssetId: input.registeredAssetId ?? null,
          photos: input.photos?.stored ?? [],
          photosFromDraft: input.photos?.draftId ?? null,
          trackingTokenHash: hash,
          dueAt: category.deadlineHours ? new Date(now.getTime() + category.deadlineHours * 3600_000) : null,
          createdAt: now,
        },
        checked.contact,
        idempotency
          ? {
              keyHash: idempotency.keyHash,
              requestHash: idempotency.requestHash,
              trackingTokenSealed: seal(idempotency.key, token),
            }
          : null,
      );
      return {
        id,
        ref,
        kommunenummer: municipality.kommunenummer,
        slug: municipality.slug,
        status: 'mottatt',
        acute: checked.acute,
        trackingToken: token,
        createdAt: now,
      };
    } catch (error) {
      // The category or municipality changed since it was read: check again on fresh rows.
      if (!(error instanceof CatalogChangedError) || attempt >= 2) throw error;
    }
  }
}

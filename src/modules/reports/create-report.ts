// Report intake: the one use case every channel (web form, QR, front desk, field app, API,
// Open311) goes through. It checks everything, then stores the report, the reporter's contact,
// the first history entry and the `report.received` job in one transaction.
import type { Database, Queryable } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { findCategoryByCode } from '../categories/queries.ts';
import { checkAnswers } from '../categories/questions.ts';
import type { MunicipalityLocator } from '../geo/municipality-locator.ts';
import { findMunicipality, type Municipality } from '../tenants/queries.ts';
import { type ContactInput, checkContact } from './contact.ts';
import { allocateReference } from './reference.ts';
import { reportContacts, reportEvents, reports } from './schema.ts';
import type { Channel, ReportStatus } from './statuses.ts';
import { createTrackingToken } from './tracking-token.ts';

export const MAX_DESCRIPTION_LENGTH = 4000;

export interface CreateReportInput {
  category: string;
  municipality?: string | undefined;
  location?: { lat: number; lon: number } | undefined;
  /** An address, or a free-text description of the place when there is no point. */
  address?: string | undefined;
  description: string;
  answers?: unknown;
  contact?: ContactInput | undefined;
  channel: Channel;
  /** The language the reporter used; their default for messages. */
  language: Language;
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
  db: Database;
  jobs: JobQueue;
  locator: MunicipalityLocator;
  now?: () => Date;
}

/** Work that must commit with the report, such as remembering an idempotent answer. */
export type InTransaction = (tx: Queryable, report: CreatedReport) => Promise<void>;

async function resolveMunicipality(deps: CreateReportDeps, input: CreateReportInput): Promise<Municipality> {
  if (input.location) {
    const { lat, lon } = input.location;
    const found = deps.locator.locate(lat, lon);
    if (!found) {
      throw new AppError(422, 'location_outside_norway', messages.locationOutsideNorway(), [
        { field: 'location', code: 'outside_norway', message: messages.locationOutsideNorway() },
      ]);
    }
    if (input.municipality && input.municipality !== found.kommunenummer) {
      const expected = deps.locator.nameOf(input.municipality) ?? input.municipality;
      const message = messages.locationInOtherMunicipality(expected, found.name);
      throw new AppError(422, 'location_in_other_municipality', message, [
        { field: 'location', code: 'other_municipality', message },
      ]);
    }
    const municipality = await findMunicipality(deps.db, found.kommunenummer);
    if (!municipality?.enabled) {
      const message = messages.municipalityNotInService(found.name);
      throw new AppError(422, 'municipality_not_in_service', message, [
        { field: 'location', code: 'not_in_service', message },
      ]);
    }
    return municipality;
  }
  if (input.municipality && input.address?.trim()) {
    const municipality = await findMunicipality(deps.db, input.municipality);
    if (!municipality?.enabled) {
      const name = deps.locator.nameOf(input.municipality);
      const message = name
        ? messages.municipalityNotInService(name)
        : messages.municipalityNotFound(input.municipality);
      throw new AppError(422, 'municipality_not_in_service', message, [
        { field: 'municipality', code: 'not_in_service', message },
      ]);
    }
    return municipality;
  }
  const message = messages.locationOrAddressRequired();
  throw new AppError(422, 'location_required', message, [{ field: 'location', code: 'required', message }]);
}

export async function createReport(
  deps: CreateReportDeps,
  input: CreateReportInput,
  inTransaction?: InTransaction,
): Promise<CreatedReport> {
  const municipality = await resolveMunicipality(deps, input);
  const errors: ErrorDetail[] = [];

  const category = await findCategoryByCode(deps.db, municipality.kommunenummer, input.category);
  if (!category) {
    errors.push({
      field: 'category',
      code: 'unknown_category',
      message: messages.unknownCategory(input.category),
    });
  } else if (!category.active) {
    errors.push({
      field: 'category',
      code: 'inactive_category',
      message: messages.inactiveCategory(category.name),
    });
  }

  const description = input.description.trim();
  if (description.length === 0) {
    errors.push({ field: 'description', code: 'required', message: messages.descriptionRequired() });
  } else if (description.length > MAX_DESCRIPTION_LENGTH) {
    errors.push({
      field: 'description',
      code: 'too_long',
      message: messages.descriptionTooLong(MAX_DESCRIPTION_LENGTH),
    });
  }

  const answerCheck = checkAnswers(category?.questions ?? [], input.answers);
  if (category) errors.push(...answerCheck.errors);

  const contactCheck = checkContact(input.contact, {
    required: category?.contactRequired ?? false,
    categoryName: category?.name ?? { nb: input.category },
    fallbackLanguage: input.language,
  });
  errors.push(...contactCheck.errors);

  if (!category || errors.length > 0) {
    throw new AppError(422, 'invalid_report', messages.invalidRequest(), errors);
  }

  const now = deps.now?.() ?? new Date();
  const ref = await allocateReference(deps.db, municipality.kommunenummer, now);
  const { token, hash } = createTrackingToken();
  const acute = category.acute || answerCheck.acute;
  const dueAt = category.deadlineHours ? new Date(now.getTime() + category.deadlineHours * 3600_000) : null;
  const address = input.address?.trim() || null;

  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reports)
      .values({
        ref,
        kommunenummer: municipality.kommunenummer,
        categoryId: category.id,
        status: 'mottatt',
        channel: input.channel,
        acute,
        description,
        address,
        lat: input.location?.lat ?? null,
        lon: input.location?.lon ?? null,
        answers: answerCheck.answers,
        trackingTokenHash: hash,
        dueAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: reports.id });
    if (!row) throw new Error('Insert of report returned no row');

    if (contactCheck.contact) {
      await tx.insert(reportContacts).values({ reportId: row.id, ...contactCheck.contact });
    }
    await tx.insert(reportEvents).values({
      reportId: row.id,
      kind: 'received',
      public: true,
      status: 'mottatt',
      actor: 'reporter',
      createdAt: now,
    });
    await deps.jobs.enqueue(tx, 'report.received', {
      reportId: row.id,
      ref,
      kommunenummer: municipality.kommunenummer,
    });
    const created: CreatedReport = {
      id: row.id,
      ref,
      kommunenummer: municipality.kommunenummer,
      slug: municipality.slug,
      status: 'mottatt',
      acute,
      trackingToken: token,
      createdAt: now,
    };
    await inTransaction?.(tx, created);
    return created;
  });
}

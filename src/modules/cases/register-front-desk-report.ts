// Front desk: a report taken on the phone or at the counter, registered by a staff member on the
// caller's behalf. It goes through the same intake as every other channel (createReport): the
// same checks, the same receipt job, the same numbering. Only the first history entry differs:
// its actor is the staff member, not the reporter.
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import type { IntakeCatalog } from '../categories/intake-catalog.ts';
import { categories } from '../categories/schema.ts';
import type { MunicipalityLocator } from '../geo/municipality-locator.ts';
import type { ContactInput } from '../reports/contact.ts';
import { createReport } from '../reports/create-report.ts';
import { frontDeskMessages } from './front-desk-messages.ts';

/** The channels a front-desk registration can come in by. */
export const FRONT_DESK_CHANNELS = ['telefon', 'skranke'] as const;
export type FrontDeskChannel = (typeof FRONT_DESK_CHANNELS)[number];

export interface FrontDeskReportInput {
  kommunenummer: string;
  channel: FrontDeskChannel;
  categoryId: string;
  description: string;
  address?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  answers?: unknown;
  contact: ContactInput;
  /** The caller's language, for their receipt and later messages. */
  language: Language;
}

export interface FrontDeskDeps {
  database: DatabaseHandle;
  catalog: IntakeCatalog;
  locator: MunicipalityLocator;
}

/**
 * Intake names fields as the public API has them; the front-desk body names the category by id
 * and the point as lat/lon, so the screen can put each message next to its own field.
 */
function frontDeskField(field: string, input: FrontDeskReportInput): string {
  if (field === 'category') return 'categoryId';
  if (field === 'location') return input.lat === undefined ? 'address' : 'lat';
  return field;
}

function withFrontDeskFields(error: AppError, input: FrontDeskReportInput): AppError {
  const details = error.details.map((d) => ({ ...d, field: frontDeskField(d.field, input) }));
  return new AppError(error.status, error.code, error.localized, details);
}

async function categoryCode(database: DatabaseHandle, kommunenummer: string, categoryId: string) {
  const [row] = await database.db
    .select({ code: categories.code })
    .from(categories)
    .where(and(eq(categories.id, categoryId), eq(categories.kommunenummer, kommunenummer)));
  return row?.code;
}

export async function registerFrontDeskReport(
  deps: FrontDeskDeps,
  input: FrontDeskReportInput,
  actorId: string,
): Promise<{ id: string; ref: string }> {
  if ((input.lat === undefined) !== (input.lon === undefined)) {
    const message = frontDeskMessages.pointIncomplete();
    const field = input.lat === undefined ? 'lat' : 'lon';
    throw new AppError(400, 'invalid_request', messages.invalidRequest(), [
      { field, code: 'required', message },
    ]);
  }
  const code = await categoryCode(deps.database, input.kommunenummer, input.categoryId);
  if (!code) {
    const detail: ErrorDetail = {
      field: 'categoryId',
      code: 'unknown_category',
      message: messages.unknownCategory(input.categoryId),
    };
    throw new AppError(422, 'invalid_report', messages.invalidRequest(), [detail]);
  }
  try {
    const created = await createReport(deps, {
      category: code,
      municipality: input.kommunenummer,
      location:
        input.lat !== undefined && input.lon !== undefined ? { lat: input.lat, lon: input.lon } : undefined,
      address: input.address,
      description: input.description,
      answers: input.answers,
      contact: input.contact,
      channel: input.channel,
      actor: actorId,
      language: input.language,
    });
    return { id: created.id, ref: created.ref };
  } catch (error) {
    if (error instanceof AppError) throw withFrontDeskFields(error, input);
    throw error;
  }
}

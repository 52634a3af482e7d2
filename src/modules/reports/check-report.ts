// The checks a new report must pass before it is stored, over data already looked up:
// where it is, whether the municipality takes reports, the category, description, answers and
// contact. Pure functions: no database, no HTTP.
import { messages } from '../../i18n/messages.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import type { IntakeTarget } from '../categories/intake-catalog.ts';
import { checkAnswers } from '../categories/questions.ts';
import type { MunicipalityLocator } from '../geo/municipality-locator.ts';
import { checkContact } from './contact.ts';
import type { CreateReportInput } from './create-report.ts';

export const MAX_DESCRIPTION_LENGTH = 4000;

export interface Place {
  kommunenummer: string;
  /** The municipality's name from the boundary data, for messages when it is not a tenant. */
  name: string;
}

/** Which municipality the report is for: where the point is, or the one named with an address. */
export function resolvePlace(locator: MunicipalityLocator, input: CreateReportInput): Place {
  if (input.location) {
    const found = locator.locate(input.location.lat, input.location.lon);
    if (!found) {
      const message = messages.locationOutsideNorway();
      throw new AppError(422, 'location_outside_norway', message, [
        { field: 'location', code: 'outside_norway', message },
      ]);
    }
    if (input.municipality && input.municipality !== found.kommunenummer) {
      const expected = locator.nameOf(input.municipality) ?? input.municipality;
      const message = messages.locationInOtherMunicipality(expected, found.name);
      throw new AppError(422, 'location_in_other_municipality', message, [
        { field: 'location', code: 'other_municipality', message },
      ]);
    }
    return found;
  }
  if (input.municipality && input.address?.trim()) {
    return { kommunenummer: input.municipality, name: locator.nameOf(input.municipality) ?? '' };
  }
  const message = messages.locationOrAddressRequired();
  throw new AppError(422, 'location_required', message, [{ field: 'location', code: 'required', message }]);
}

export function notInService(place: Place, field: string): AppError {
  const message = place.name
    ? messages.municipalityNotInService(place.name)
    : messages.municipalityNotFound(place.kommunenummer);
  return new AppError(422, 'municipality_not_in_service', message, [
    { field, code: 'not_in_service', message },
  ]);
}

/**
 * A municipality that uses the service but was deactivated by the platform operator. 422 like
 * the other refusals of the report's place, so the web form shows it beside the map.
 */
export function unavailable(name: string, field: string): AppError {
  const message = messages.municipalityUnavailable(name);
  return new AppError(422, 'municipality_unavailable', message, [{ field, code: 'unavailable', message }]);
}

export type CheckedReport = ReturnType<typeof checkReport>;

/** Throws an AppError (422) naming every problem; returns what is to be stored otherwise. */
export function checkReport(target: IntakeTarget | undefined, place: Place, input: CreateReportInput) {
  const field = input.location ? 'location' : 'municipality';
  if (!target) throw notInService(place, field);
  const municipality = target.municipality;
  if (!municipality.enabled) throw unavailable(municipality.name, field);
  const category = target.category;

  const errors: ErrorDetail[] = [];
  if (!category) {
    errors.push({
      field: 'category',
      code: 'unknown_category',
      message: messages.unknownCategory(input.category),
    });
  } else if (!category.active || !target.groupActive) {
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
    // A crew's own report from the field has no resident to reach: staff reported it.
    required: (category?.contactRequired ?? false) && input.channel !== 'felt',
    categoryName: category?.name ?? { nb: input.category },
    fallbackLanguage: input.language ?? municipality.defaultLanguage,
  });
  errors.push(...contactCheck.errors);

  if (!category || errors.length > 0)
    throw new AppError(422, 'invalid_report', messages.invalidRequest(), errors);
  return {
    municipality,
    category,
    versions: target.versions,
    description,
    answers: answerCheck.answers,
    acute: category.acute || answerCheck.acute,
    contact: contactCheck.contact,
  };
}

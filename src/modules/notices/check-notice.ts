// What every notice change checks before it is stored: the areas (areas.ts) and that the expected
// end comes after the start. Refusals are 422 with one detail per problem.
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { type AreaInput, type Areas, normalizeAreas } from './areas.ts';
import { noticeMessages } from './notice-messages.ts';

export function refuseNotice(errors: ErrorDetail[]): AppError {
  return new AppError(422, 'invalid_notice', noticeMessages.invalidNotice(), errors);
}

/** The areas checked and normalized, or undefined when none were given; throws a 422. */
export function checkedAreas(input: AreaInput | undefined, errors: ErrorDetail[]): Areas | undefined {
  if (!input) return undefined;
  const result = normalizeAreas(input);
  if (result.ok) return result.value;
  errors.push(...result.errors);
  return undefined;
}

export function checkWindow(startsAt: Date, expectedEndAt: Date | null, errors: ErrorDetail[]): void {
  if (expectedEndAt && expectedEndAt.getTime() <= startsAt.getTime()) {
    errors.push({
      field: 'expectedEndAt',
      code: 'end_before_start',
      message: noticeMessages.endBeforeStart(),
    });
  }
}

/** Drops blank optional translations, so "" never hides the bokmål fallback. */
export function cleanText(text: LocalizedText): LocalizedText {
  const result: LocalizedText = { nb: text.nb.trim() };
  if (text.nn?.trim()) result.nn = text.nn.trim();
  if (text.en?.trim()) result.en = text.en.trim();
  return result;
}

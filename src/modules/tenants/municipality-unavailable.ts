// A municipality the platform operator has deactivated (enabled = false) still exists: its staff
// work on, but residents get a clear "not available", naming it, wherever they would start a new
// report (its pages, its category tree, address search, its QR stickers). 410 Gone, not 404: the
// address is right, the municipality has just stopped taking reports here.
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';

export function municipalityUnavailable(name: string): AppError {
  return new AppError(410, 'municipality_unavailable', messages.municipalityUnavailable(name));
}

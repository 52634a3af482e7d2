// The dashboard's period: calendar dates in Europe/Oslo, both ends included. Without dates it is
// the last 90 days up to today; longer than two years is refused, because the per-week series
// and the scans behind the figures grow with the period.
import { messages } from '../../i18n/messages.ts';
import { isCalendarDate } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { statsMessages } from './stats-messages.ts';

export const DEFAULT_RANGE_DAYS = 90;
export const MAX_RANGE_YEARS = 2;

export interface DateRange {
  /** YYYY-MM-DD, Europe/Oslo. */
  from: string;
  to: string;
}

const DAY_MS = 24 * 3600_000;

/** Today's date in Norway, YYYY-MM-DD. */
export function osloToday(now: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(now);
}

function utcDay(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function resolveDashboardRange(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date = new Date(),
): DateRange {
  // The schema checks the shape; a date PostgreSQL has no day for (year 0) is refused here.
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !isCalendarDate(value)) {
      throw new AppError(400, 'invalid_request', messages.invalidRequest(), [
        { field, code: 'format', message: messages.invalidField(`${field}: YYYY-MM-DD`) },
      ]);
    }
  }
  const to = query.to ?? osloToday(now);
  const from = query.from ?? isoDay(utcDay(to) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS);
  if (utcDay(from) > utcDay(to)) {
    throw new AppError(400, 'invalid_request', messages.invalidRequest(), [
      { field: 'from', code: 'after_to', message: statsMessages.fromAfterTo() },
    ]);
  }
  const [y = 0, m = 1, d = 1] = to.split('-').map(Number);
  if (utcDay(from) < Date.UTC(y - MAX_RANGE_YEARS, m - 1, d)) {
    throw new AppError(400, 'invalid_request', messages.invalidRequest(), [
      { field: 'from', code: 'range_too_long', message: statsMessages.rangeTooLong(MAX_RANGE_YEARS) },
    ]);
  }
  return { from, to };
}

// Dates and times as staff in Norway read them: always in Europe/Oslo, whatever the browser's zone.
import type { Language } from './catalog.ts';
import { LOCALES } from './messages.ts';

const TIME_ZONE = 'Europe/Oslo';

/** "12.03.2026, 14:05" (nb), "12/03/2026, 14:05" (en). */
export function formatDateTime(
  language: Language,
  value: Date | string | number,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' },
): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, ...options }).format(
    new Date(value),
  );
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "for 5 minutter siden", "om 2 dager", "5 minutes ago": the largest unit that fits. */
export function formatRelative(language: Language, value: Date | string | number, now = Date.now()): string {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second')
      return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

// Dates and times as staff in Norway read them: always in Europe/Oslo, whatever the browser's zone.
import type { Language } from './catalog.ts';
import { LOCALES, translate, translatePlural } from './messages.ts';

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

type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** Each unit with its length in seconds, largest first. */
const UNITS: [Unit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "for 5 minutter siden" (nb), "for 5 minutt sidan" (nn), "5 minutes ago" (en): the largest unit
 * that fits, "akkurat nå" under a minute. The words come from the catalogs, not from the browser's
 * Intl.RelativeTimeFormat: browsers without nynorsk data answer in bokmål.
 */
export function formatRelative(language: Language, value: Date | string | number, now = Date.now()): string {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  const size = Math.abs(seconds);
  if (size < 60) return translate(language, 'time.justNow');
  const [unit, length] = UNITS.find(([, length]) => size >= length) ?? ['minute', 60];
  const count = Math.floor(size / length);
  return translatePlural(language, seconds < 0 ? `time.ago.${unit}` : `time.in.${unit}`, count);
}

/**
 * An ISO week as the API names it ("2026-W49") in words ("uke 49, 2026"); anything else as it is.
 * Split, not matched: the two parts are plain numbers.
 */
export function formatIsoWeek(language: Language, week: string): string {
  const [year, number] = week.split('-W');
  if (!year || !number) return week;
  const y = Number(year);
  const w = Number(number);
  return Number.isInteger(y) && Number.isInteger(w)
    ? translate(language, 'time.week', { week: w, year: y })
    : week;
}

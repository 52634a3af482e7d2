// Dates and timestamps that arrive as text (cursors, filters) and are then cast by PostgreSQL. A
// shape check is not enough: "2026-13-45" has the shape, and PostgreSQL's cast fails with an
// error that would surface as a 500. These check every field's range, so what passes is a value
// PostgreSQL accepts, and anything else is the caller's 400.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** As PostgreSQL prints timestamptz (`2026-11-27 10:39:40.334512+00`), or ISO 8601 with `T`/`Z`. */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|([+-])(\d{2})(?::?(\d{2}))?)$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Years 1–9999: PostgreSQL has no year 0, and a cursor or filter never needs more. */
function isDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** A calendar date `YYYY-MM-DD` that exists (no 31 April, no year 0). */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, year = '', month = '', day = ''] = match;
  return isDay(Number(year), Number(month), Number(day));
}

/** A timestamp with a time zone offset whose every field is in range (offsets up to ±14:59). */
export function isTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const zoneHours = Number(match[8] ?? '0');
  const zoneMinutes = Number(match[9] ?? '0');
  return (
    isDay(year ?? 0, month ?? 0, day ?? 0) &&
    (hour ?? 24) <= 23 &&
    (minute ?? 60) <= 59 &&
    (second ?? 60) <= 59 &&
    zoneHours <= 14 &&
    zoneMinutes <= 59
  );
}

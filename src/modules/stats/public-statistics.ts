// The figures behind the public statistics page (/{slug}/statistikk) and its CSV: the last 12
// calendar months in Norwegian time (this month so far and the 11 before), per month and
// category group, from report-figures.ts like the staff dashboard. They hold counts and medians
// only, never a report or a person.
//
// The query reads every report the municipality received in the year (about 330,000 of the
// 1 M-report benchmark's): ~0.5–1 s on PostgreSQL. Residents may open the page often, so each
// municipality's result is kept in memory for CACHE_TTL_MS and computed once for all languages
// (names are localized when rendered). Concurrent first requests share one computation.
import type { Queryable } from '../../db/client.ts';
import { computeMonthlyByGroup, type GroupSeries } from './report-figures.ts';
import { type DateRange, osloToday } from './resolve-dashboard-range.ts';

export const STATISTICS_MONTHS = 12;
export const CACHE_TTL_MS = 5 * 60_000;

/** From the first day of the month 11 months back to today (Oslo dates). */
export function publicStatisticsRange(now: Date = new Date()): DateRange {
  const today = osloToday(now);
  const [y = 0, m = 1] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - (STATISTICS_MONTHS - 1), 1));
  return { from: first.toISOString().slice(0, 10), to: today };
}

export interface PublicStatistics {
  range: DateRange;
  /** All groups together first, then each group with reports in the period. */
  series: GroupSeries[];
  computedAt: Date;
}

export interface StatisticsCache {
  get(db: Queryable, kommunenummer: string): Promise<PublicStatistics>;
}

export function createStatisticsCache(
  ttlMs = CACHE_TTL_MS,
  clock: () => Date = () => new Date(),
): StatisticsCache {
  const entries = new Map<string, { until: number; value: Promise<PublicStatistics> }>();
  return {
    get(db, kommunenummer) {
      const now = clock();
      const cached = entries.get(kommunenummer);
      if (cached && cached.until > now.getTime()) return cached.value;
      const range = publicStatisticsRange(now);
      const value = computeMonthlyByGroup(db, kommunenummer, range).then((series) => ({
        range,
        series,
        computedAt: now,
      }));
      const entry = { until: now.getTime() + ttlMs, value };
      entries.set(kommunenummer, entry);
      // A failure is not kept: the next request tries again.
      void value.catch(() => {
        if (entries.get(kommunenummer) === entry) entries.delete(kommunenummer);
      });
      return value;
    },
  };
}

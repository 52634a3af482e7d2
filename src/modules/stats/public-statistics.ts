// The figures behind the public statistics page (/{slug}/statistikk) and its CSV: the last 12
// calendar months in Norwegian time (this month so far and the 11 before), per month and
// category group, from report-figures.ts like the staff dashboard. They hold counts and medians
// only, never a report or a person.
//
// The query reads every report the municipality received in the year: in the 1 M-report inbox
// benchmark's data 400,000 rows, a sequential scan (the right plan for 40 % of the table) of
// 2.4–4.4 s on the shared two-core test machine (docs/statistics.md). Residents may open the page
// often, so each municipality's result is kept in memory (createStatisticsCache) and computed once
// for all languages (names are localized when rendered); concurrent requests share one computation.
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

/**
 * One result per municipality. Within ttlMs it is served as is; after that the stale result is
 * still served while one refresh runs (so only a municipality's very first visitor waits for the
 * query), and the refreshed result replaces it when ready. A failed computation is not kept.
 */
export function createStatisticsCache(
  ttlMs = CACHE_TTL_MS,
  clock: () => Date = () => new Date(),
): StatisticsCache {
  interface Entry {
    until: number;
    value: Promise<PublicStatistics>;
    refreshing: boolean;
  }
  const entries = new Map<string, Entry>();
  const compute = (db: Queryable, kommunenummer: string, now: Date): Entry => {
    const range = publicStatisticsRange(now);
    const value = computeMonthlyByGroup(db, kommunenummer, range).then((series) => ({
      range,
      series,
      computedAt: now,
    }));
    return { until: now.getTime() + ttlMs, value, refreshing: false };
  };
  return {
    get(db, kommunenummer) {
      const now = clock();
      const cached = entries.get(kommunenummer);
      if (cached && (cached.until > now.getTime() || cached.refreshing)) return cached.value;
      const fresh = compute(db, kommunenummer, now);
      if (cached) {
        cached.refreshing = true;
        void fresh.value.then(
          () => entries.set(kommunenummer, fresh),
          () => {
            cached.refreshing = false;
          },
        );
        return cached.value;
      }
      entries.set(kommunenummer, fresh);
      void fresh.value.catch(() => {
        if (entries.get(kommunenummer) === fresh) entries.delete(kommunenummer);
      });
      return fresh.value;
    },
  };
}

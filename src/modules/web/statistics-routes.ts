// The public statistics page (/{slug}/statistikk) and its figures as CSV (/{slug}/statistikk.csv).
// Both read one in-memory result per municipality, kept a few minutes (stats/public-statistics.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { statisticsText } from '../../i18n/web-statistics.ts';
import { csvCell } from '../../shared/csv.ts';
import type { Language } from '../../shared/language.ts';
import { createStatisticsCache, type PublicStatistics } from '../stats/public-statistics.ts';
import { pageConfig, sendPage } from './page.ts';
import { groupName, statisticsPage } from './pages/statistics-page.ts';
import { resolveSite } from './site.ts';

type SiteParams = { Params: { site: string } };

/** Excel reads a file with a byte order mark as UTF-8 (æ, ø, å) instead of the local code page. */
const BOM = '\uFEFF';

/** Decimal comma, as Norwegian Excel reads numbers; empty where there is no figure. */
function csvNumber(value: number | null, digits: number): string {
  return value === null ? '' : value.toFixed(digits).replace('.', ',');
}

/**
 * Semicolon-separated, decimal comma, UTF-8 with a byte order mark, CRLF line ends: what Excel
 * set to Norwegian opens by double click into the right columns. Medians in hours, the deadline
 * share as a fraction 0–1. Column names in the page's language.
 */
export function statisticsCsv(statistics: PublicStatistics, language: Language): string {
  const t = statisticsText(language);
  const lines = [t.csvHeader.map((header) => csvCell(header)).join(';')];
  for (const group of statistics.series) {
    const name = groupName(group, language);
    for (const m of group.months) {
      lines.push(
        [
          csvCell(name),
          m.month,
          String(m.received),
          csvNumber(m.medianHoursToFirstReply, 1),
          csvNumber(m.medianHoursToDone, 1),
          csvNumber(m.shareDoneWithinDeadline, 3),
        ].join(';'),
      );
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export const statisticsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  const cache = createStatisticsCache();

  app.get<SiteParams>('/:site/statistikk', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const statistics = await cache.get(db, site.municipality.kommunenummer);
    return sendPage(reply, statisticsPage(site, statistics), 200, reply.server.pageCsp, 'public');
  });

  app.get<SiteParams>('/:site/statistikk.csv', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const statistics = await cache.get(db, site.municipality.kommunenummer);
    const name = `${site.municipality.slug}-statistikk-${statistics.range.to.slice(0, 7)}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'public, max-age=300')
      .send(statisticsCsv(statistics, site.language));
  });
};

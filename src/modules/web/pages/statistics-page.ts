// The public statistics page: for all topics together and then each category group, a bar chart
// of reports per month (inline SVG drawn here, no script) beside a table of the same months with
// the medians and the deadline share. The table is the accessible view; the chart is an image
// with a text alternative that points to it.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { statisticsText } from '../../../i18n/web-statistics.ts';
import { type Language, localize } from '../../../shared/language.ts';
import type { PublicStatistics } from '../../stats/public-statistics.ts';
import type { GroupSeries, MonthFigures } from '../../stats/report-figures.ts';
import { renderPage } from '../layout.ts';
import { type Site, siteHref } from '../site.ts';

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export function monthLabel(month: string, language: Language, style: 'short' | 'long' = 'long'): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALES[language], {
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 15)));
}

function decimal(value: number, language: Language, digits = 1): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits }).format(value);
}

/** Hours, or days from two days on, as a person reads a waiting time. */
export function duration(hours: number | null, language: Language): string {
  const t = statisticsText(language);
  if (hours === null) return t.none;
  return hours < 48 ? t.hours(decimal(hours, language)) : t.days(decimal(hours / 24, language));
}

export function share(value: number | null, language: Language): string {
  if (value === null) return statisticsText(language).none;
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(
    value,
  );
}

const CHART = { width: 640, height: 220, left: 40, bottom: 28, top: 12 };

/** A round upper end for the axis, so its label reads well (e.g. 37 → 40). */
function axisTop(max: number): number {
  if (max <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

function chart(id: string, label: string, months: MonthFigures[], language: Language): VNode {
  const top = axisTop(Math.max(...months.map((m) => m.received), 0));
  const plotHeight = CHART.height - CHART.bottom - CHART.top;
  const slot = (CHART.width - CHART.left) / months.length;
  const y = (value: number) => CHART.top + plotHeight - (value / top) * plotHeight;
  return html`<svg class="stats-chart" viewBox=${`0 0 ${CHART.width} ${CHART.height}`} role="img"
      aria-labelledby=${`${id}-title`} focusable="false">
    <title id=${`${id}-title`}>${label}</title>
    <line class="axis" x1=${CHART.left} x2=${CHART.width} y1=${y(0)} y2=${y(0)} />
    <line class="grid" x1=${CHART.left} x2=${CHART.width} y1=${y(top)} y2=${y(top)} />
    <text class="tick" x=${CHART.left - 6} y=${y(top) + 4} text-anchor="end">${top}</text>
    <text class="tick" x=${CHART.left - 6} y=${y(0) + 4} text-anchor="end">0</text>
    ${months.map((m, i) => {
      const x = CHART.left + i * slot + slot * 0.15;
      return html`<g>
        <rect class="bar" x=${x} y=${y(m.received)} width=${slot * 0.7} height=${y(0) - y(m.received)} />
        ${m.received > 0 ? html`<text class="value" x=${x + slot * 0.35} y=${y(m.received) - 3} text-anchor="middle">${m.received}</text>` : null}
        <text class="tick" x=${x + slot * 0.35} y=${CHART.height - 8} text-anchor="middle">${withoutYear(monthLabel(m.month, language, 'short'))}</text>
      </g>`;
    })}
  </svg>`;
}

/** "jan. 2026" → "jan.": the chart's ticks have no room for the year (the table has it). */
function withoutYear(label: string): string {
  const trimmed = label.trimEnd();
  return /\d{4}$/.test(trimmed) ? trimmed.slice(0, -4).trimEnd() : trimmed;
}

function table(caption: string, months: MonthFigures[], language: Language): VNode {
  const t = statisticsText(language);
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${caption}>
    <table class="stats-table">
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${t.month}</th>
          <th scope="col">${t.received}</th>
          <th scope="col">${t.firstReply}</th>
          <th scope="col">${t.done}</th>
          <th scope="col">${t.withinDeadline}</th>
        </tr>
      </thead>
      <tbody>
        ${months.map(
          (m) => html`<tr data-month=${m.month}>
            <th scope="row">${monthLabel(m.month, language)}</th>
            <td>${m.received}</td>
            <td>${duration(m.medianHoursToFirstReply, language)}</td>
            <td>${duration(m.medianHoursToDone, language)}</td>
            <td>${share(m.shareDoneWithinDeadline, language)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function groupName(group: GroupSeries, language: Language): string {
  return group.name ? localize(group.name, language) : statisticsText(language).all;
}

function section(site: Site, group: GroupSeries): VNode {
  const t = statisticsText(site.language);
  const name = groupName(group, site.language);
  const id = `stats-${group.code ?? 'alle'}`;
  const total = group.months.reduce((sum, m) => sum + m.received, 0);
  return html`<section class="stats-group" aria-labelledby=${`${id}-heading`} data-group=${group.code ?? 'alle'}>
    <h2 id=${`${id}-heading`}>${name}</h2>
    <div class="stats-pair">
      ${chart(id, t.chartLabel(name, total, group.months.length), group.months, site.language)}
      ${table(t.tableCaption(name), group.months, site.language)}
    </div>
  </section>`;
}

export function statisticsPage(site: Site, statistics: PublicStatistics): string {
  const t = statisticsText(site.language);
  const csv = `${site.base}/statistikk.csv?lang=${site.language}`;
  return renderPage(site, {
    title: t.title,
    description: t.intro(site.municipality.name),
    body: html`
      <h1>${t.title}</h1>
      <p>${t.intro(site.municipality.name)}</p>
      <p><a href=${csv} download="">${t.csv}</a></p>
      ${statistics.series.map((group) => section(site, group))}
      <h2>${t.aboutTitle}</h2>
      ${t.about.map((line) => html`<p>${line}</p>`)}
      <p><a href=${siteHref(site, site.base)}>${site.text.errors.home}</a></p>
    `,
  });
}

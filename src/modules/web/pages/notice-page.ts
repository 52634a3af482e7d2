// The page per notice (/{slug}/driftsmeldinger/{id}): what, where, when, its status, and its
// history (every public version, newest first). The area is drawn on a small map when scripts
// run and said in words (the span of its corners) so the page is complete without them.
import { html } from 'htm/preact';
import { formatDateTime } from '../../../i18n/web.ts';
import type { PublicNoticeDetail, PublicNoticeVersion } from '../../notices/get-public-notice.ts';
import { NOTICE_TYPE_LABELS } from '../../notices/notice-messages.ts';
import { renderPage } from '../layout.ts';
import { type Site, siteHref } from '../site.ts';

export interface NoticePageInput {
  site: Site;
  notice: PublicNoticeDetail;
  tiles: { url: string; attribution: string };
}

function when(at: string, site: Site) {
  return html`<time datetime=${at}>${formatDateTime(at, site.language)}</time>`;
}

function paragraphs(text: string) {
  return text.split('\n').map((line) => (line.trim() ? html`<p>${line}</p>` : null));
}

/** What a version did: the first one published the notice, a last one ended (or lifted) it. */
function eventText(site: Site, notice: PublicNoticeDetail, v: PublicNoticeVersion, first: boolean): string {
  const t = site.text.notices;
  if (v.status === 'ended') return notice.type === 'boil_water' ? t.liftedEvent : t.endedEvent;
  return first ? t.publishedEvent : t.updatedEvent;
}

export function noticePage(input: NoticePageInput): string {
  const { site, notice } = input;
  const t = site.text.notices;
  const type =
    NOTICE_TYPE_LABELS[notice.status === 'lifted' ? 'boil_water_lifted' : notice.type][site.language];
  const polygons = notice.areas.coordinates.length;
  const { minLat, maxLat, minLon, maxLon } = notice.bbox;
  // Four decimals is about ten metres: enough to place the area, no more precise than it is.
  const span = (from: number, to: number) => `${from.toFixed(4)}–${to.toFixed(4)}`;
  const areaWords = t.areaWords(polygons, span(minLat, maxLat), span(minLon, maxLon));
  const oldest = notice.history.at(-1)?.version;
  const body = html`
    <p><a href=${siteHref(site, `${site.base}/driftsmeldinger`)}>${t.back}</a></p>
    <h1>${notice.title}</h1>
    <p class="notice-meta"><strong>${type}</strong> · <span class=${`notice-status notice-status-${notice.status}`}>${t.status[notice.status]}</span></p>
    <dl class="summary">
      <dt>${t.starts}</dt><dd>${when(notice.startsAt, site)}</dd>
      ${
        notice.endedAt
          ? html`<dt>${t.endedAt}</dt><dd>${when(notice.endedAt, site)}</dd>`
          : notice.expectedEndAt
            ? html`<dt>${t.expectedEnd}</dt><dd>${when(notice.expectedEndAt, site)}</dd>`
            : null
      }
    </dl>
    ${paragraphs(notice.body)}
    <h2 id="area-title">${t.area}</h2>
    <p id="area-words">${areaWords}</p>
    <div id="notice-map" class="map needs-script" data-areas=${JSON.stringify(notice.areas)}
      data-tiles=${input.tiles.url || undefined} data-attribution=${input.tiles.attribution}
      role="region" aria-labelledby="area-title" aria-describedby="area-words"></div>
    <h2 id="history-title">${t.history}</h2>
    <ol class="timeline" aria-labelledby="history-title" reversed>
      ${notice.history.map(
        (v) => html`<li>
          ${when(v.at, site)}
          <p class="timeline-event">${eventText(site, notice, v, v.version === oldest)}</p>
          <p class="timeline-message"><strong>${v.title}</strong></p>
          <p class="hint">${t.starts} ${when(v.startsAt, site)}${
            v.expectedEndAt ? html` · ${t.expectedEnd} ${when(v.expectedEndAt, site)}` : null
          }</p>
        </li>`,
      )}
    </ol>
  `;
  return renderPage(site, {
    title: notice.title,
    description: `${type}: ${notice.title}`,
    body,
    scripts: ['/assets/leaflet/leaflet.js', '/assets/js/notice-map.js'],
    styles: ['/assets/leaflet/leaflet.css'],
  });
}

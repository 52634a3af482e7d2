// The public list of notices (/{slug}/driftsmeldinger): current and upcoming ones first, then
// those ended, each with its time window and text, linking to its own page
// (/{slug}/driftsmeldinger/{id}); links to the feeds. Plain HTML, no script.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'htm/preact';
import type { AppContext } from '../../app-context.ts';
import { messages } from '../../i18n/messages.ts';
import { formatDateTime } from '../../i18n/web.ts';
import { AppError } from '../../shared/errors.ts';
import { getPublicNotice } from '../notices/get-public-notice.ts';
import { listPublicNotices, type PublicNotice } from '../notices/list-public-notices.ts';
import { NOTICE_TYPE_LABELS } from '../notices/notice-messages.ts';
import { SUBSCRIBE_TEXT } from '../subscriptions/subscription-texts.ts';
import { lookUpAddressCheck } from './address-check-lookup.ts';
import { renderPage } from './layout.ts';
import { municipalityCenter } from './municipality-center.ts';
import { pageConfig, rateLimitedPage, sendPage } from './page.ts';
import { addressCheckForm } from './pages/address-check.ts';
import { noticePage } from './pages/notice-page.ts';
import { resolveSite, type Site, siteHref } from './site.ts';

type NoticesRequest = { Params: { site: string }; Body?: unknown };
type NoticeRequest = { Params: { site: string; id: string } };

function noticeItem(site: Site, notice: PublicNotice) {
  const t = site.text.notices;
  const type = NOTICE_TYPE_LABELS[notice.lifted ? 'boil_water_lifted' : notice.type][site.language];
  return html`<li id=${`melding-${notice.id}`} class="notice-item" data-notice=${notice.id}>
    <h3><a href=${siteHref(site, `${site.base}/driftsmeldinger/${notice.id}`)}>${notice.title}</a></h3>
    <p><strong>${type}</strong>${notice.lifted ? html` · ${t.lifted}` : null}</p>
    <dl>
      <dt>${t.starts}</dt>
      <dd><time datetime=${notice.startsAt}>${formatDateTime(notice.startsAt, site.language)}</time></dd>
      ${
        notice.endedAt
          ? html`<dt>${t.endedAt}</dt>
              <dd><time datetime=${notice.endedAt}>${formatDateTime(notice.endedAt, site.language)}</time></dd>`
          : notice.expectedEndAt
            ? html`<dt>${t.expectedEnd}</dt>
                <dd><time datetime=${notice.expectedEndAt}>${formatDateTime(notice.expectedEndAt, site.language)}</time></dd>`
            : null
      }
    </dl>
    ${notice.body.split('\n').map((line) => (line.trim() ? html`<p>${line}</p>` : null))}
  </li>`;
}

export const noticesPageRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  // The list, and the same list answering "does this affect my address?" (posted: see
  // pages/address-check.ts), limited per client address like the other forms.
  app.get<NoticesRequest>('/:site/driftsmeldinger', pageConfig, (request, reply) => listPage(request, reply));
  app.post<NoticesRequest>(
    '/:site/driftsmeldinger',
    rateLimitedPage(ctx.config.reportRateLimitPerMinute),
    (request, reply) => listPage(request, reply, request.body),
  );

  async function listPage(request: FastifyRequest<NoticesRequest>, reply: FastifyReply, form?: unknown) {
    const site = await resolveSite(db, request, reply, request.params.site);
    const t = site.text.notices;
    const notices = await listPublicNotices(db, {
      kommunenummer: site.municipality.kommunenummer,
      language: site.language,
      activeOnly: false,
    });
    const { check, status } = await lookUpAddressCheck(db, site, form);
    const current = notices.filter((n) => n.status === 'published');
    const ended = notices.filter((n) => n.status === 'ended');
    const feed = (kind: string) => `${site.base}/driftsmeldinger.${kind}?lang=${site.language}`;
    const center = municipalityCenter(ctx, site.municipality.kommunenummer);
    const body = html`
      <h1>${t.title}</h1>
      <p>${t.intro(site.municipality.name)}</p>
      <p><a href=${siteHref(site, `${site.base}/driftsmeldinger/abonner?lang=${site.language}`)}>${SUBSCRIBE_TEXT[site.language].link}</a></p>
      ${
        // The map draws the current list's areas from the GeoJSON feed; the list stays the page.
        current.length > 0
          ? html`<div id="notices-map" class="map needs-script" role="region" aria-label=${t.mapLabel}
              data-source=${feed('geojson')} data-lat=${center.lat} data-lon=${center.lon}
              data-tiles=${ctx.config.mapTileUrl || undefined} data-attribution=${ctx.config.mapAttribution}></div>`
          : null
      }
      ${addressCheckForm(site, check)}
      <h2 id="current-notices">${t.current}</h2>
      ${
        current.length === 0
          ? html`<p>${t.none}</p>`
          : html`<ul class="notice-list" aria-labelledby="current-notices">${current.map((n) => noticeItem(site, n))}</ul>`
      }
      <h2 id="ended-notices">${t.ended}</h2>
      ${
        ended.length === 0
          ? html`<p>${t.noneEnded}</p>`
          : html`<ul class="notice-list" aria-labelledby="ended-notices">${ended.map((n) => noticeItem(site, n))}</ul>`
      }
      <h2>${t.feeds}</h2>
      <ul>
        <li><a href=${feed('rss')} type="application/rss+xml">${t.rss}</a></li>
        <li><a href=${feed('atom')} type="application/atom+xml">${t.atom}</a></li>
        <li><a href=${feed('ics')} type="text/calendar">${t.calendar}</a></li>
        <li><a href=${feed('geojson')} type="application/geo+json">${t.geojson}</a></li>
      </ul>
    `;
    return sendPage(
      reply,
      renderPage(site, {
        title: t.title,
        description: t.intro(site.municipality.name),
        body,
        scripts: current.length > 0 ? ['/assets/leaflet/leaflet.js', '/assets/js/notices-map.js'] : [],
        styles: current.length > 0 ? ['/assets/leaflet/leaflet.css'] : [],
      }),
      status,
      reply.server.pageCsp,
      // With an address asked, the page holds where someone (likely) lives: kept nowhere.
      check.kind === 'not_asked' ? 'public' : 'personal',
    );
  }

  app.get<NoticeRequest>('/:site/driftsmeldinger/:id', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const notice = await getPublicNotice(db, {
      kommunenummer: site.municipality.kommunenummer,
      id: request.params.id,
      language: site.language,
    });
    // Unknown ids and drafts answer alike, with the municipality's own 404 page.
    if (!notice) throw new AppError(404, 'notice_not_found', messages.routeNotFound());
    return sendPage(
      reply,
      noticePage({
        site,
        notice,
        tiles: { url: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution },
      }),
      200,
      reply.server.pageCsp,
      'public',
    );
  });
};

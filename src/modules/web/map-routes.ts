// The public map and list of reports: the list is the page (and works without JavaScript);
// the map draws the same reports when scripts run. No personal data; descriptions only for
// categories that allow it, and places only as far as the category allows (public-location.ts).

import type { FastifyPluginAsync } from 'fastify';
import { html } from 'htm/preact';
import type { AppContext } from '../../app-context.ts';
import { formatDate } from '../../i18n/web.ts';
import { localize } from '../../shared/language.ts';
import { listCategoryTree } from '../categories/list-category-tree.ts';
import { presentPlace } from '../reports/public-location.ts';
import { listPublicReports } from '../reports/queries.ts';
import { OPEN_STATUSES, REPORT_STATUSES, STATUS_INFO } from '../reports/statuses.ts';
import { renderPage } from './layout.ts';
import { municipalityCenter } from './municipality-center.ts';
import { pageConfig, sendPage } from './page.ts';
import { resolveSite, siteHref } from './site.ts';

type MapRequest = { Params: { site: string }; Querystring: { gruppe?: string; status?: string } };

const SHOWN = 300;

export const mapRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  app.get<MapRequest>('/:site/kart', pageConfig, async (request, reply) => {
    const site = await resolveSite(db, request, reply, request.params.site);
    const t = site.text.map;
    const tree = await listCategoryTree(db, site.municipality.kommunenummer, site.language);
    const group = tree.groups.find((g) => g.code === request.query.gruppe)?.code;
    const status =
      request.query.status === 'closed' || request.query.status === 'all' ? request.query.status : 'open';
    const statuses =
      status === 'open'
        ? OPEN_STATUSES
        : status === 'closed'
          ? REPORT_STATUSES.filter((s) => !OPEN_STATUSES.includes(s))
          : undefined;
    const rows = await listPublicReports(db, {
      kommunenummer: site.municipality.kommunenummer,
      statuses,
      groupCode: group,
      limit: SHOWN,
    });
    const shown = rows.slice(0, SHOWN);
    const center = municipalityCenter(ctx, site.municipality.kommunenummer);
    const body = html`
      <div class="map-page">
        <h1>${t.title}</h1>
        <p>${t.intro}</p>
        <form method="get" action=${`${site.base}/kart`} class="filters" aria-label=${t.filters}>
          ${
            site.embed
              ? html`<input type="hidden" name="embed" value="1" /><input type="hidden" name="lang" value=${site.language} />`
              : null
          }
          <div>
            <label for="filter-group">${t.group}</label>
            <select id="filter-group" name="gruppe">
              <option value="">${t.allGroups}</option>
              ${tree.groups.map((g) => html`<option value=${g.code} selected=${g.code === group}>${g.name}</option>`)}
            </select>
          </div>
          <div>
            <label for="filter-status">${t.statusFilter}</label>
            <select id="filter-status" name="status">
              <option value="open" selected=${status === 'open'}>${t.open}</option>
              <option value="closed" selected=${status === 'closed'}>${t.closed}</option>
              <option value="all" selected=${status === 'all'}>${t.all}</option>
            </select>
          </div>
          <div><button type="submit">${t.apply}</button></div>
        </form>
        <div id="reports-map" class="map needs-script" role="region" aria-label=${t.mapLabel}
          data-tiles=${ctx.config.mapTileUrl} data-attribution=${ctx.config.mapAttribution}
          data-lat=${center.lat} data-lon=${center.lon}></div>
        <h2 id="list-title">${t.list}</h2>
        <p aria-live="polite">${t.count(shown.length)}</p>
        ${
          shown.length === 0
            ? html`<p>${t.empty}</p>`
            : html`<ul class="report-list" aria-labelledby="list-title">
              ${shown.map((r) => {
                const open = STATUS_INFO[r.status].open311 === 'open';
                const place = presentPlace(r, 'public');
                // Where the map draws it (reports-map.js): only as exactly as the category allows.
                const point = place.location
                  ? {
                      'data-lat': place.location.lat,
                      'data-lon': place.location.lon,
                      'data-approximate': place.location.approximate ? '1' : undefined,
                      'data-open': open ? '1' : '0',
                    }
                  : {};
                return html`<li ...${point}>
                  <a href=${siteHref(site, `${site.base}/meldinger/${r.ref}`)}>${localize(r.categoryName, site.language)} – ${r.ref}</a>
                  <br /><span class=${open ? 'status status-open' : 'status status-closed'}>${STATUS_INFO[r.status].label[site.language]}</span>
                  ${' '}${formatDate(r.createdAt, site.language)}${place.address ? ` · ${place.address}` : ''}${place.location === null ? ` · ${t.noPlace}` : place.location.approximate ? ` · ${t.approximate}` : ''}
                  ${r.publicDescription ? html`<br /><span>${r.description.length > 140 ? `${r.description.slice(0, 140)}…` : r.description}</span>` : null}
                </li>`;
              })}
            </ul>`
        }
      </div>
    `;
    return sendPage(
      reply,
      renderPage(site, {
        title: t.title,
        description: t.intro,
        body,
        scripts: [
          '/assets/leaflet/leaflet.js',
          '/assets/markercluster/leaflet.markercluster.js',
          '/assets/js/reports-map.js',
        ],
        styles: [
          '/assets/leaflet/leaflet.css',
          '/assets/markercluster/MarkerCluster.css',
          '/assets/markercluster/MarkerCluster.Default.css',
        ],
      }),
      200,
      reply.server.pageCsp,
      'public',
    );
  });
};

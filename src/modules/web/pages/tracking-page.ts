// The tracking page: the report's status in words, its public history, photos and place. With the
// reporter's token it also shows their own notification choice and a way to stop updates.
import { html } from 'htm/preact';
import { formatDateTime } from '../../../i18n/web.ts';
import type { getPublicReport } from '../../reports/get-public-report.ts';
import { renderPage } from '../layout.ts';
import { formAction, type Site } from '../site.ts';

type Report = Awaited<ReturnType<typeof getPublicReport>>;

export interface TrackingPageInput {
  site: Site;
  report: Report;
  token?: string | undefined;
  followers: number;
  followToken: string;
  notice?: string | undefined;
  tiles: { url: string; attribution: string };
}

export function trackingPage(input: TrackingPageInput): string {
  const { site, report } = input;
  const t = site.text.tracking;
  const statusHelp = site.text.statusHelp[report.status];
  const path = `${site.base}/meldinger/${report.ref}`;
  const body = html`
    <h1>${t.title(report.ref)}</h1>
    ${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : null}
    <p>${t.status}: <span class=${report.open ? 'status status-open' : 'status status-closed'}>${report.statusText}</span></p>
    <p>${statusHelp}</p>
    <dl class="summary">
      <dt>${t.category}</dt><dd>${report.category.name} (${report.category.group})</dd>
      <dt>${t.reported}</dt><dd>${formatDateTime(report.createdAt, site.language)}</dd>
      ${
        report.address
          ? html`<dt>${t.place}</dt><dd>${report.address}</dd>`
          : report.location?.approximate
            ? html`<dt>${t.place}</dt><dd>${t.placeApproximate}</dd>`
            : report.location === null
              ? html`<dt>${t.place}</dt><dd>${t.placeHidden}</dd>`
              : null
      }
      <dt>${t.description}</dt><dd>${report.description ?? t.descriptionHidden}</dd>
    </dl>
    ${
      report.location
        ? html`<div id="report-map" class="map" hidden data-lat=${report.location.lat} data-lon=${report.location.lon}
          data-approximate=${report.location.approximate ? '250' : undefined}
          data-tiles=${input.tiles.url || undefined} data-attribution=${input.tiles.attribution}
          role="region" aria-label=${`${t.place}${report.location.approximate ? ` (${t.approximate})` : ''}: ${report.location.lat.toFixed(5)}, ${report.location.lon.toFixed(5)}`}></div>`
        : null
    }
    ${
      report.photos.length > 0
        ? html`<h2>${t.photos}</h2>
          <ul class="photos">
            ${report.photos.map(
              (p, i) =>
                html`<li><a href=${p.url}><img src=${p.thumbUrl} alt=${site.text.form.photoAlt(i + 1)} width=${Math.min(160, p.width)} /></a></li>`,
            )}
          </ul>`
        : null
    }
    <h2>${t.history}</h2>
    <ol class="history">
      ${report.history.map(
        (h) => html`<li>
          <time datetime=${h.at}>${formatDateTime(h.at, site.language)}</time>${': '}${h.kind === 'received' ? t.received : (h.statusText ?? '')}${h.message ? html` – ${h.message}` : null}
        </li>`,
      )}
    </ol>
    ${input.followers > 0 ? html`<p>${t.followers(input.followers)}</p>` : null}
    ${
      input.token && report.reporter
        ? html`<section aria-labelledby="choices-title">
          <h2 id="choices-title">${t.yourChoices}</h2>
          <p>${t.notifyBy[report.reporter.notify]}</p>
          ${
            report.reporter.notify !== 'none'
              ? html`<form method="post" action=${formAction(site, `${path}/stopp`)}>
                <input type="hidden" name="token" value=${input.token} />
                <input type="hidden" name="_token" value=${input.followToken} />
                <button type="submit" class="secondary">${t.stop}</button>
              </form>`
              : null
          }
        </section>`
        : html`<section aria-labelledby="follow-title">
          <h2 id="follow-title">${t.followTitle}</h2>
          <form method="post" action=${formAction(site, `${path}/folg`)}>
            <input type="hidden" name="_token" value=${input.followToken} />
            <p class="hint">${site.text.review.followHint}</p>
            <label for="follow-email">${site.text.form.email}</label>
            <input type="email" id="follow-email" name="email" autocomplete="email" />
            <label for="follow-phone">${site.text.form.phone}</label>
            <input type="tel" id="follow-phone" name="phone" autocomplete="tel" />
            <div class="actions"><button type="submit" class="secondary">${t.follow}</button></div>
          </form>
        </section>`
    }
  `;
  return renderPage(site, {
    title: t.title(report.ref),
    body,
    scripts: report.location ? ['/assets/leaflet/leaflet.js', '/assets/js/report-map.js'] : [],
    styles: report.location ? ['/assets/leaflet/leaflet.css'] : [],
  });
}

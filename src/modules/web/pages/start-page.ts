import { html } from 'htm/preact';
import { statisticsText } from '../../../i18n/web-statistics.ts';
import type { PublicNotice } from '../../notices/list-public-notices.ts';
import { renderPage } from '../layout.ts';
import { type Site, siteHref } from '../site.ts';
import { startNotices } from './start-notices.ts';

/** `notices`: the municipality's active and upcoming notices, listed under the introduction. */
export function startPage(site: Site, notices: PublicNotice[] = [], now = new Date()): string {
  const t = site.text.start;
  const phone = site.municipality.onCallPhone;
  return renderPage(site, {
    title: t.title,
    body: html`
      <h1>${t.title}</h1>
      <p>${t.intro(site.municipality.name)}</p>
      ${startNotices(site, notices, now)}
      <div class="actions">
        <a class="button" href=${siteHref(site, `${site.base}/meld`)}>${t.report}</a>
        <a class="button secondary" href=${siteHref(site, `${site.base}/kart`)}>${t.map}</a>
      </div>
      ${phone ? html`<p class="notice acute">${t.onCall(phone)}</p>` : null}
      <p class="notice"><a href=${siteHref(site, `${site.base}/driftsmeldinger`)}>${t.notices}</a></p>
      <p><a href=${siteHref(site, `${site.base}/statistikk`)}>${statisticsText(site.language).link}</a></p>
    `,
  });
}

export function privacyPage(site: Site): string {
  const t = site.text;
  return renderPage(site, {
    title: t.layout.privacy,
    body: html`<h1>${t.layout.privacy}</h1>
      <p>${t.form.privacy}</p>`,
  });
}

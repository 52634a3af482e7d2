import { html } from 'htm/preact';
import { renderPage } from '../layout.ts';
import { type Site, siteHref } from '../site.ts';

export function receiptPage(
  site: Site,
  report: { ref: string; acute: boolean },
  trackingUrl: string,
): string {
  const t = site.text.receipt;
  const phone = site.municipality.onCallPhone;
  return renderPage(site, {
    title: t.title,
    body: html`
      <h1>${t.title}</h1>
      <p>${t.ref}: <span class="ref">${report.ref}</span></p>
      ${report.acute && phone ? html`<p class="notice acute">${t.acute(phone)}</p>` : null}
      <p>${t.keep}</p>
      <p class="tracking-link"><a href=${trackingUrl}>${trackingUrl}</a></p>
      <p>${t.next}</p>
      <p><a href=${siteHref(site, `${site.base}/meld`)}>${t.another}</a></p>
    `,
  });
}

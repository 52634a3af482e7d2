// The notices widget a municipality embeds in its own site (/{slug}/driftsmeldinger/widget): its
// active and upcoming notices, compact, without the site's header and footer. Every link opens
// the full page at the public address in a new tab, never inside the frame. Plain HTML.
import { html } from 'htm/preact';
import { formatDateTime } from '../../../i18n/web.ts';
import { widgetText } from '../../../i18n/web-widget.ts';
import { publicStatus } from '../../notices/get-public-notice.ts';
import type { PublicNotice } from '../../notices/list-public-notices.ts';
import { NOTICE_TYPE_LABELS } from '../../notices/notice-messages.ts';
import { renderPage } from '../layout.ts';
import type { Site } from '../site.ts';
import { orderForStart } from './start-notices.ts';

export function noticesWidget(
  site: Site,
  notices: PublicNotice[],
  publicUrl: string,
  now = new Date(),
): string {
  const t = site.text;
  const w = widgetText(site.language);
  const full = (path: string) => `${publicUrl.replace(/\/$/, '')}${site.base}${path}?lang=${site.language}`;
  const link = (href: string, text: string) =>
    html`<a href=${href} target="_blank" rel="noopener">${text} <span class="visually-hidden">${w.newWindow}</span></a>`;
  return renderPage(
    { ...site, embed: true },
    {
      title: t.notices.title,
      body: html`<section class="notices-widget" aria-labelledby="widget-title">
        <h1 id="widget-title" class="subheading">${t.notices.title}</h1>
        ${
          notices.length === 0
            ? html`<p>${t.notices.none}</p>`
            : html`<ul class="widget-list">
              ${orderForStart(notices, now).map((n) => {
                const status = publicStatus({ ...n, startsAt: new Date(n.startsAt) }, now);
                return html`<li data-notice=${n.id}>
                  ${link(full(`/driftsmeldinger/${n.id}`), n.title)}
                  <br /><span class="hint">${NOTICE_TYPE_LABELS[n.type][site.language]} · ${t.notices.status[status]} ·
                  ${' '}<time datetime=${n.startsAt}>${formatDateTime(n.startsAt, site.language)}</time></span>
                </li>`;
              })}
            </ul>`
        }
        <p>${link(full('/driftsmeldinger'), t.start.allNotices(notices.length))}</p>
      </section>`,
    },
  );
}

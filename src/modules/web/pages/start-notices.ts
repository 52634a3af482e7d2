// The start page's short list of active and upcoming notices: right under the introduction so a
// resident with no water sees why on a phone without scrolling; nothing at all when there are none.
import { html } from 'htm/preact';
import { publicStatus } from '../../notices/get-public-notice.ts';
import type { PublicNotice } from '../../notices/list-public-notices.ts';
import { NOTICE_TYPE_LABELS } from '../../notices/notice-messages.ts';
import { type Site, siteHref } from '../site.ts';

/** Few enough to stay above the fold on a 390 px phone; the rest are one link away. */
export const START_NOTICES_SHOWN = 3;

/** Active ones before upcoming ones, each by start: what affects residents now comes first. */
export function orderForStart(notices: PublicNotice[], now: Date): PublicNotice[] {
  const rank = (n: PublicNotice) =>
    publicStatus({ ...n, startsAt: new Date(n.startsAt) }, now) === 'active' ? 0 : 1;
  return [...notices].sort((a, b) => rank(a) - rank(b) || a.startsAt.localeCompare(b.startsAt));
}

export function startNotices(site: Site, notices: PublicNotice[], now: Date) {
  if (notices.length === 0) return null;
  const t = site.text;
  const shown = orderForStart(notices, now).slice(0, START_NOTICES_SHOWN);
  return html`<section class="notice start-notices" aria-labelledby="start-notices-title">
    <h2 id="start-notices-title" class="subheading">${t.start.noticesNow}</h2>
    <ul>
      ${shown.map((n) => {
        const status = publicStatus({ ...n, startsAt: new Date(n.startsAt) }, now);
        return html`<li>
          <a href=${siteHref(site, `${site.base}/driftsmeldinger/${n.id}`)}>${n.title}</a>
          ${' '}<span class="hint">${NOTICE_TYPE_LABELS[n.type][site.language]} · ${t.notices.status[status]}</span>
        </li>`;
      })}
    </ul>
    <p><a href=${siteHref(site, `${site.base}/driftsmeldinger`)}>${t.start.allNotices(notices.length)}</a></p>
  </section>`;
}

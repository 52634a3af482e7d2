// The last step before sending: what will be sent, and open reports of the same kind nearby
// that the resident can follow instead.
import { html } from 'htm/preact';
import { formatDate } from '../../../i18n/web.ts';
import type { CategoryTreeNode } from '../../categories/list-category-tree.ts';
import type { NearbyReport } from '../../reports/find-nearby-reports.ts';
import { renderPage } from '../layout.ts';
import { formAction, type Site, siteHref } from '../site.ts';
import type { Draft } from './draft.ts';

export interface ReviewPageInput {
  site: Site;
  draft: Draft;
  category: CategoryTreeNode | undefined;
  nearby: NearbyReport[];
  formToken: string;
  followToken: string;
}

export function reviewPage(input: ReviewPageInput): string {
  const { site, draft, category } = input;
  const t = site.text.review;
  const d = draft.data;
  const phone = site.municipality.onCallPhone;
  const contact = [d.contact.name, d.contact.email, d.contact.phone].filter(Boolean).join(', ');
  const body = html`
    <h1>${t.title}</h1>
    ${
      category?.acute
        ? html`<div class="notice acute" role="note"><strong>${site.text.form.acuteTitle}</strong> ${phone ? site.text.form.acuteText(phone) : site.text.form.acuteTextNoPhone}</div>`
        : null
    }
    ${
      input.nearby.length > 0
        ? html`<section aria-labelledby="nearby-title">
          <h2 id="nearby-title">${t.nearbyTitle}</h2>
          <p>${t.nearbyIntro}</p>
          <ul class="nearby">
            ${input.nearby.map(
              (r) => html`<li>
                <p><a href=${siteHref(site, `${site.base}/meldinger/${r.ref}`)}>${r.ref}</a>: ${
                  // One string: htm drops the space after a line break between text and a value.
                  [
                    category?.name,
                    t.distance(r.meters),
                    t.reported(formatDate(r.createdAt, site.language)),
                    r.address,
                  ]
                    .filter(Boolean)
                    .join(', ')
                }</p>
                <form method="post" action=${formAction(site, `${site.base}/meldinger/${r.ref}/folg`)}>
                  <input type="hidden" name="_token" value=${input.followToken} />
                  <input type="hidden" name="draft" value=${draft.id} />
                  <fieldset>
                    <legend>${t.followLegend(r.ref)}</legend>
                    <p class="hint">${t.followHint}</p>
                    <label for=${`follow-email-${r.ref}`}>${site.text.form.email}</label>
                    <input type="email" id=${`follow-email-${r.ref}`} name="email" autocomplete="email" value=${d.contact.email ?? ''} />
                    <label for=${`follow-phone-${r.ref}`}>${site.text.form.phone}</label>
                    <input type="tel" id=${`follow-phone-${r.ref}`} name="phone" autocomplete="tel" value=${d.contact.phone ?? ''} />
                    <div class="actions"><button type="submit" class="secondary">${t.follow}</button></div>
                  </fieldset>
                </form>
              </li>`,
            )}
          </ul>
        </section>`
        : null
    }
    <h2>${t.summary}</h2>
    <dl class="summary">
      <dt>${t.category}</dt><dd>${category?.name ?? d.category}</dd>
      <dt>${t.place}</dt><dd>${[d.address, d.lat !== undefined ? t.pointOnMap : null].filter(Boolean).join(' · ')}</dd>
      <dt>${t.description}</dt><dd>${d.description}</dd>
      <dt>${t.contact}</dt><dd>${contact || t.anonymous}</dd>
    </dl>
    ${
      draft.photos.length > 0
        ? html`<h3>${t.photos}</h3>
          <ul class="photos">
            ${draft.photos.map((p, i) => html`<li><img src=${`/photos/${p.id}/thumb.webp`} alt=${site.text.form.photoAlt(i + 1)} width=${Math.min(160, p.width)} /></li>`)}
          </ul>`
        : null
    }
    <form method="post" action=${formAction(site, `${site.base}/meld/${draft.id}/send`)}>
      <input type="hidden" name="_token" value=${input.formToken} />
      <div class="actions">
        <button type="submit">${t.send}</button>
        <a class="button secondary" href=${siteHref(site, `${site.base}/meld?utkast=${draft.id}`)}>${t.edit}</a>
      </div>
    </form>
  `;
  return renderPage(site, { title: t.title, body });
}

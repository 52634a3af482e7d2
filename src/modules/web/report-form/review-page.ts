// The last step before sending: what will be sent, and open reports of the same kind nearby
// that the resident can follow instead.
import { html } from 'htm/preact';
import { formatDate } from '../../../i18n/web.ts';
import { isLanguage } from '../../../shared/language.ts';
import type { CategoryTreeNode, CategoryTreeQuestion } from '../../categories/list-category-tree.ts';
import { notifyChannel } from '../../reports/contact.ts';
import type { NearbyReport } from '../../reports/find-nearby-reports.ts';
import { renderPage, thumbnail } from '../layout.ts';
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

/** An answer as the resident picked it: the option's words, yes or no, or what they typed. */
function answerText(q: CategoryTreeQuestion, value: string | string[], site: Site): string {
  const values = Array.isArray(value) ? value : [value];
  const word = (v: string) => {
    if (q.type === 'boolean')
      return v === 'true' ? site.text.form.yes : v === 'false' ? site.text.form.no : v;
    return q.options?.find((o) => o.code === v)?.label ?? v;
  };
  return values.map(word).join(', ');
}

export function reviewPage(input: ReviewPageInput): string {
  const { site, draft, category } = input;
  const t = site.text.review;
  const d = draft.data;
  const phone = site.municipality.onCallPhone;
  const contact = [d.contact.name, d.contact.email, d.contact.phone].filter(Boolean).join(', ');
  const answered = (category?.questions ?? []).flatMap((q) => {
    const value = d.answers[q.code];
    return value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
      ? []
      : [{ label: q.label, text: answerText(q, value, site) }];
  });
  const chosen = d.contact.notify;
  const channel = notifyChannel(
    chosen === 'email' || chosen === 'sms' || chosen === 'none' ? chosen : undefined,
    d.contact.email,
    d.contact.phone,
  );
  const messageLanguage = isLanguage(d.contact.language) ? d.contact.language : site.language;
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
                <p><a href=${siteHref(site, `${site.base}/meldinger/${r.ref}`)}>${r.ref}</a>${`: ${[
                  category?.name,
                  t.distance(r.meters),
                  t.reported(formatDate(r.createdAt, site.language)),
                  r.address,
                ]
                  .filter(Boolean)
                  .join(', ')}`}</p>
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
      ${answered.map((a) => html`<dt>${a.label}</dt><dd>${a.text}</dd>`)}
      <dt>${t.place}</dt><dd>${[d.address, d.lat !== undefined ? t.pointOnMap : null].filter(Boolean).join(' · ')}</dd>
      <dt>${t.description}</dt><dd>${d.description}</dd>
      <dt>${t.contact}</dt><dd>${contact || t.anonymous}</dd>
      <dt>${t.notify}</dt><dd>${site.text.tracking.notifyBy[channel]}${
        channel === 'none' ? '' : ` ${t.notifyLanguage(site.text.lang[messageLanguage])}`
      }</dd>
    </dl>
    ${
      draft.photos.length > 0
        ? html`<h3>${t.photos}</h3>
          <ul class="photos">
            ${draft.photos.map((p, i) => html`<li>${thumbnail(`/photos/${p.id}/thumb.webp`, site.text.form.photoAlt(i + 1), p)}</li>`)}
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

// The report form: one page that works without JavaScript (plain fields, a post, errors shown
// next to fields and summarised at the top), enhanced by /assets/js/report-form.js with a map,
// "use my position", a category search, address suggestions (when address search is configured)
// and an upload progress bar.
import { html } from 'htm/preact';
import { localize } from '../../../shared/language.ts';
import type { CategoryTree, CategoryTreeNode } from '../../categories/list-category-tree.ts';
import { renderPage, thumbnail } from '../layout.ts';
import { formAction, type Site } from '../site.ts';
import type { DraftData, DraftPhoto } from './draft.ts';
import { anchorFor, errorFor, type FieldErrors, Fieldset, TextField } from './fields.ts';
import { acuteNotice, categoryOption, questionField } from './form-parts.ts';

export interface FormPageInput {
  site: Site;
  tree: CategoryTree;
  draft: DraftData;
  draftId?: string | undefined;
  photos: DraftPhoto[];
  formToken: string;
  /** Categories to offer first (from a QR sticker). */
  suggested: string[];
  linkLabel?: string | undefined;
  mapTiles: { url: string; attribution: string } | null;
  /** Where the map opens when no place is chosen yet: the municipality's middle. */
  mapCenter: { lat: number; lon: number };
  /** The address search API for this municipality, when address search is on. */
  addressSearch?: string | undefined;
}

export function formPage(input: FormPageInput): string {
  const { site, tree, draft } = input;
  const t = site.text.form;
  const fe: FieldErrors = { language: site.language, errors: draft.errors };
  const all = tree.groups.flatMap((g) => g.categories);
  const selected = all.find((c) => c.code === draft.category);
  // In the sticker's order: a hydrant's sticker puts "damaged hydrant" first.
  const suggested = input.suggested.flatMap((code) => all.filter((c) => c.code === code));
  const action = formAction(site, `${site.base}/meld`);
  const hasPoint = draft.lat !== undefined && draft.lon !== undefined;
  // Nothing chosen in advance: left unanswered, updates go to the e-mail or phone given, if any
  // (a preselected "by e-mail" refused every anonymous report).
  const notifyChoice = draft.contact.notify;
  // Each category with its own questions right under it, shown once it is chosen (form-parts.ts).
  const option = (c: CategoryTreeNode) =>
    categoryOption(
      c,
      draft.category,
      c.questions.map((q) =>
        questionField(q, c.code, c.code === draft.category ? draft.answers[q.code] : undefined, fe, site),
      ),
    );

  const summary =
    draft.errors.length > 0
      ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
          <h2 id="error-summary-title">${t.errorsTitle(draft.errors.length)}</h2>
          <ul>
            ${draft.errors.map(
              (e) =>
                html`<li><a href=${`#${anchorFor(e.field, all[0]?.code, draft.category)}`}>${e.message[site.language]}</a></li>`,
            )}
          </ul>
        </div>`
      : null;

  const body = html`
    <h1>${t.title}</h1>
    ${summary}
    ${acuteNotice(site, 'acute-notice', !(selected?.acute ?? false))}
    ${input.linkLabel ? html`<p class="notice">${t.fromSticker(input.linkLabel)}</p>` : null}
    <p>${t.intro}</p>
    <form method="post" action=${action} enctype="multipart/form-data" novalidate id="report-form"
      data-tiles=${input.mapTiles?.url || undefined} data-attribution=${input.mapTiles?.attribution}
      data-uploading=${t.uploading(0)} data-position-found=${t.positionFound} data-position-failed=${t.positionFailed}
      data-point-chosen=${t.pointChosen} data-no-match=${t.noCategoryMatch}>
      <input type="hidden" name="_token" value=${input.formToken} />
      ${input.draftId ? html`<input type="hidden" name="draft" value=${input.draftId} />` : null}
      <div class="honeypot" aria-hidden="true">
        <label for="website">${t.honeypot}</label>
        <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" />
      </div>

      ${Fieldset({
        legend: t.categoryLegend,
        id: 'categories',
        error: errorFor(fe, 'category'),
        children: html`
          <div class="category-search needs-script">
            <label for="category-search">${t.categorySearch}</label>
            <p class="hint" id="category-search-hint">${t.categorySearchHint}</p>
            <input type="search" id="category-search" aria-describedby="category-search-hint" aria-controls="category-list" />
            <p class="hint" id="category-search-status" aria-live="polite"></p>
          </div>
          ${site.municipality.onCallPhone && !selected?.acute ? html`<p class="hint">${site.text.start.onCall(site.municipality.onCallPhone)}</p>` : null}
          <div id="category-list">
            ${
              suggested.length > 0
                ? html`<div class="group"><h2>${t.suggested}</h2>${suggested.map(option)}</div>`
                : null
            }
            ${tree.groups.map(
              (g) => html`<div class="group">
                <h2>${g.name}</h2>
                ${g.categories.filter((c) => !input.suggested.includes(c.code)).map(option)}
              </div>`,
            )}
          </div>
        `,
      })}

      ${Fieldset({
        legend: t.placeLegend,
        id: 'place',
        // Without scripts there is no map: the hint says how to give the place then (site.css and
        // no-script.css show one of the two).
        hint: html`<span class="needs-script">${t.placeHint}</span><span class="without-script">${t.placeHintNoScript}</span>`,
        error: errorFor(fe, 'location', 'municipality'),
        children: html`
          <div id="map" class="map needs-script" role="application" aria-label=${t.mapLabel}
            data-lat=${input.mapCenter.lat} data-lon=${input.mapCenter.lon}></div>
          <p class="actions needs-script" id="map-actions">
            <button type="button" class="secondary" id="use-position">${t.useMyPosition}</button>
          </p>
          <p id="place-status" class="hint" aria-live="polite">${hasPoint ? (input.linkLabel ?? t.pointChosen) : ''}</p>
          <input type="hidden" name="lat" id="lat" value=${draft.lat ?? ''} />
          <input type="hidden" name="lon" id="lon" value=${draft.lon ?? ''} />
          ${
            hasPoint
              ? html`<label class="choice"><input type="checkbox" name="clearPoint" value="1" id="clear-point" /> <span>${t.clearPoint}</span></label>`
              : null
          }
          ${TextField({
            id: 'address',
            name: 'address',
            label: t.address,
            hint: t.addressHint,
            value: draft.address,
            maxlength: 500,
            autocomplete: 'address-line1',
            attributes: input.addressSearch
              ? {
                  'data-address-search': input.addressSearch,
                  'data-suggestions': t.addressSuggestions,
                  'data-no-suggestions': t.addressNoSuggestions,
                  'data-chosen': t.addressChosen,
                  'data-list-label': t.addressListLabel,
                }
              : undefined,
          })}
          ${input.addressSearch ? html`<p class="visually-hidden" id="address-status" aria-live="polite"></p>` : null}
          ${
            draft.assetName
              ? html`<p class="report-asset">${t.asset}: <strong>${localize(draft.assetName, site.language)}</strong></p>`
              : null
          }
          ${
            draft.assetRef
              ? html`${draft.assetName ? null : html`<p>${t.asset}: <strong>${draft.assetRef}</strong></p>`}<input type="hidden" name="assetRef" value=${draft.assetRef} />`
              : null
          }
          ${draft.reportLinkId ? html`<input type="hidden" name="reportLinkId" value=${draft.reportLinkId} />` : null}
        `,
      })}

      ${Fieldset({
        legend: t.detailsLegend,
        children: html`
          ${TextField({
            id: 'description',
            name: 'description',
            label: t.description,
            hint: t.descriptionHint,
            value: draft.description,
            error: errorFor(fe, 'description'),
            required: true,
            requiredText: t.required,
            multiline: true,
            maxlength: 4000,
          })}
          <div class=${errorFor(fe, 'photos') ? 'field has-error' : 'field'}>
            <label for="photos">${t.photos}</label>
            <p class="hint" id="photos-hint">${t.photosHint}</p>
            ${errorFor(fe, 'photos') ? html`<p class="field-error" id="photos-error">${errorFor(fe, 'photos')}</p>` : null}
            <input type="file" id="photos" name="photos" multiple accept="image/jpeg,image/png,image/webp,image/avif"
              aria-describedby=${errorFor(fe, 'photos') ? 'photos-hint photos-error' : 'photos-hint'} />
            ${
              input.photos.length > 0
                ? html`<p>${t.photosKept}</p>
                  <ul class="photos">
                    ${input.photos.map(
                      (p, i) => html`<li>
                        ${thumbnail(`/photos/${p.id}/thumb.webp`, t.photoAlt(i + 1), p)}
                        <label class="choice"><input type="checkbox" name="removePhoto" value=${p.id} /> <span>${t.removePhoto}</span></label>
                      </li>`,
                    )}
                  </ul>`
                : null
            }
          </div>
        `,
      })}

      ${Fieldset({
        legend: t.contactLegend,
        id: 'contact',
        hint: selected?.contactRequired ? t.contactRequiredHint : t.contactHint,
        error: errorFor(fe, 'contact'),
        children: html`
          ${TextField({ id: 'contact-name', name: 'contact.name', label: t.name, value: draft.contact.name, autocomplete: 'name', maxlength: 200 })}
          ${TextField({ id: 'contact-email', name: 'contact.email', label: t.email, type: 'email', value: draft.contact.email, error: errorFor(fe, 'contact.email'), autocomplete: 'email', maxlength: 254 })}
          ${TextField({ id: 'contact-phone', name: 'contact.phone', label: t.phone, type: 'tel', value: draft.contact.phone, error: errorFor(fe, 'contact.phone'), autocomplete: 'tel', maxlength: 40 })}
          <fieldset class="choice">
            <legend>${t.notify}</legend>
            ${(
              [
                ['email', t.notifyEmail],
                ['sms', t.notifySms],
                ['none', t.notifyNone],
              ] as const
            ).map(
              ([value, label]) => html`<label class="choice">
                <input type="radio" name="contact.notify" value=${value} checked=${notifyChoice === value} />
                <span>${label}</span>
              </label>`,
            )}
          </fieldset>
          <label for="contact-language">${t.notifyLanguage}</label>
          <select id="contact-language" name="contact.language">
            ${(['nb', 'nn', 'en'] as const).map(
              (l) =>
                html`<option value=${l} selected=${(draft.contact.language ?? site.language) === l}>${site.text.lang[l]}</option>`,
            )}
          </select>
          <h2 class="subheading">${t.privacyTitle}</h2>
          <p>${t.privacy}</p>
        `,
      })}

      <div class="upload-progress" hidden aria-live="polite">
        <progress class="progress" max="100" value="0"></progress>
        <p class="hint upload-status"></p>
      </div>
      <div class="actions"><button type="submit">${t.next}</button></div>
    </form>
  `;
  return renderPage(site, {
    title: draft.errors.length > 0 ? `${t.errorsTitle(draft.errors.length)} – ${t.title}` : t.title,
    body,
    description: t.intro,
    scripts: ['/assets/leaflet/leaflet.js', '/assets/js/report-form.js'],
    styles: ['/assets/leaflet/leaflet.css'],
  });
}

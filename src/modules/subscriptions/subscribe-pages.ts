// The residents' pages of subscribing to notices: the form (address, email and/or mobile,
// language), "check your email / type the SMS code", the emailed link's page (a button: opening a
// link must change nothing, mail scanners open links), and the answer saying what was confirmed.
import { html } from 'htm/preact';
import { LANGUAGES, type Language } from '../../shared/language.ts';
import { maskRecipient } from '../notifications/stop-page.ts';
import { renderPage } from '../web/layout.ts';
import { formAction, type Site, siteHref } from '../web/site.ts';
import { SUBSCRIBE_TEXT } from './subscription-texts.ts';

const LANGUAGE_NAMES: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

export interface SubscribeFormState {
  values: { adresse?: string; epost?: string; mobil?: string; sprak?: string; lat?: string; lon?: string };
  errors: { field: 'adresse' | 'punkt' | 'epost' | 'mobil'; message: string }[];
}

/** What the point picker needs: where the map opens, and its tiles (none in tests). */
export interface SubscribeMap {
  center: { lat: number; lon: number };
  tiles: { url: string; attribution: string } | null;
}

/**
 * A point on the map instead of an address, for a cabin or a field without one. Needs scripts
 * (no-script.css hides it); the page works without: the address field alone.
 */
function pointPicker(site: Site, state: SubscribeFormState, map: SubscribeMap) {
  const t = SUBSCRIBE_TEXT[site.language];
  const error = state.errors.find((e) => e.field === 'punkt')?.message;
  const { lat, lon } = state.values;
  const chosen = Boolean(lat && lon);
  return html`<div id="punkt" class=${error ? 'field needs-script has-error' : 'field needs-script'}>
    <p class="label" id="punkt-label">${t.mapLegend}</p>
    <p class="hint" id="punkt-hint">${t.mapHint}</p>
    ${error ? html`<p class="field-error" id="punkt-error">${error}</p>` : null}
    <div id="subscribe-map" class="map" role="application" aria-label=${t.mapLabel}
      aria-describedby=${error ? 'punkt-hint punkt-error' : 'punkt-hint'}
      data-lat=${map.center.lat} data-lon=${map.center.lon} data-tiles=${map.tiles?.url || undefined}
      data-attribution=${map.tiles?.attribution} data-point-chosen=${t.pointChosen}
      data-position-failed=${t.positionFailed}></div>
    <p class="actions">
      <button type="button" class="secondary" id="use-centre">${t.useCentre}</button>
      <button type="button" class="secondary" id="use-position">${t.usePosition}</button>
    </p>
    <p id="point-status" class="hint" aria-live="polite">${chosen ? t.pointChosen : ''}</p>
    <input type="hidden" name="lat" id="lat" value=${lat ?? ''} />
    <input type="hidden" name="lon" id="lon" value=${lon ?? ''} />
  </div>`;
}

function backLink(site: Site) {
  const t = SUBSCRIBE_TEXT[site.language];
  return html`<p><a href=${siteHref(site, `${site.base}/driftsmeldinger?lang=${site.language}`)}>${t.back}</a></p>`;
}

function errorSummary(site: Site, errors: { field?: string; message: string }[]) {
  if (errors.length === 0) return null;
  const t = SUBSCRIBE_TEXT[site.language];
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${t.errorSummary}</h2>
    <ul>${errors.map((e) => html`<li>${e.field ? html`<a href=${`#${e.field}`}>${e.message}</a>` : e.message}</li>`)}</ul>
  </div>`;
}

function field(
  id: 'adresse' | 'epost' | 'mobil',
  label: string,
  hint: string,
  state: SubscribeFormState,
  attrs: { type: string; autocomplete: string; maxlength: number; inputmode?: string },
) {
  const error = state.errors.find((e) => e.field === id)?.message;
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class=${error ? 'field has-error' : 'field'}>
    <label for=${id}>${label}</label>
    <p class="hint" id=${`${id}-hint`}>${hint}</p>
    ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : null}
    <input id=${id} name=${id} type=${attrs.type} autocomplete=${attrs.autocomplete} maxlength=${attrs.maxlength}
      inputmode=${attrs.inputmode} value=${state.values[id] ?? ''} aria-invalid=${error ? 'true' : undefined}
      aria-describedby=${described} />
  </div>`;
}

export function subscribeFormPage(
  site: Site,
  formToken: string,
  state: SubscribeFormState,
  map: SubscribeMap,
): string {
  const t = SUBSCRIBE_TEXT[site.language];
  const chosen = state.values.sprak ?? site.language;
  return renderPage(site, {
    title: state.errors.length > 0 ? `${t.errorSummary}: ${t.title}` : t.title,
    body: html`
      ${errorSummary(site, state.errors)}
      <h1>${t.title}</h1>
      <p>${t.intro}</p>
      <form method="post" action=${formAction(site, `${site.base}/driftsmeldinger/abonner`)} novalidate>
        <input type="hidden" name="_token" value=${formToken} />
        ${field('adresse', t.address, t.addressHint, state, { type: 'text', autocomplete: 'street-address', maxlength: 200 })}
        ${pointPicker(site, state, map)}
        ${field('epost', t.email, t.emailHint, state, { type: 'email', autocomplete: 'email', maxlength: 254 })}
        ${field('mobil', t.phone, t.phoneHint, state, { type: 'tel', autocomplete: 'tel', maxlength: 40, inputmode: 'tel' })}
        <div class="field">
          <label for="sprak">${t.language}</label>
          <select id="sprak" name="sprak">
            ${LANGUAGES.map((l) => html`<option value=${l} selected=${l === chosen}>${LANGUAGE_NAMES[l]}</option>`)}
          </select>
        </div>
        <p>${t.privacy}</p>
        <div class="actions"><button type="submit">${t.submit}</button></div>
      </form>
      ${backLink(site)}
    `,
    scripts: ['/assets/leaflet/leaflet.js', '/assets/js/subscribe-map.js'],
    styles: ['/assets/leaflet/leaflet.css'],
  });
}

export interface CheckPageState {
  email: string | null;
  phone: string | null;
  ref: string;
  formToken: string;
  /** The address as found in the address data (the form takes the first match of what was typed). */
  place?: string | undefined;
  error?: string | undefined;
  expired?: boolean;
}

export function checkPage(site: Site, state: CheckPageState): string {
  const t = SUBSCRIBE_TEXT[site.language];
  const error = state.expired ? t.codeExpired : state.error;
  const described = ['code-hint', error && !state.expired ? 'code-error' : ''].filter(Boolean).join(' ');
  return renderPage(site, {
    title: error ? `${t.errorSummary}: ${t.checkTitle}` : t.checkTitle,
    body: html`
      ${error ? errorSummary(site, [{ field: state.expired ? undefined : 'code', message: error }]) : null}
      <h1>${t.checkTitle}</h1>
      ${state.place ? html`<p>${t.forPlace(state.place)}</p>` : null}
      ${state.email ? html`<p class="notice" role="status">${t.checkEmail(maskRecipient(state.email))}</p>` : null}
      ${
        state.phone && !state.expired
          ? html`<p>${t.checkSms(maskRecipient(state.phone))}</p>
            <form method="post" action=${formAction(site, `${site.base}/driftsmeldinger/abonner/kode`)} novalidate>
              <input type="hidden" name="_token" value=${state.formToken} />
              <input type="hidden" name="ref" value=${state.ref} />
              <div class=${error ? 'field has-error' : 'field'}>
                <label for="code">${t.code}</label>
                <p class="hint" id="code-hint">${t.codeHint}</p>
                ${error ? html`<p class="field-error" id="code-error">${error}</p>` : null}
                <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code"
                  maxlength="7" size="8" required aria-required="true" aria-invalid=${error ? 'true' : undefined}
                  aria-describedby=${described} />
              </div>
              <div class="actions"><button type="submit">${t.confirmCode}</button></div>
            </form>`
          : null
      }
      ${backLink(site)}
    `,
  });
}

export function linkPage(site: Site, action: string): string {
  const t = SUBSCRIBE_TEXT[site.language];
  return renderPage(site, {
    title: t.linkTitle,
    body: html`
      <h1>${t.linkTitle}</h1>
      <p>${t.linkQuestion}</p>
      <form method="post" action=${action}><button type="submit">${t.linkButton}</button></form>
      ${backLink(site)}
    `,
  });
}

export function confirmedPage(site: Site, channel: 'email' | 'sms', address: string | null): string {
  const t = SUBSCRIBE_TEXT[site.language];
  const message = t.confirmed(channel === 'email' ? t.byEmail : t.bySms, address ?? t.thePlace);
  return renderPage(site, {
    title: t.confirmedTitle,
    body: html`
      <h1>${t.confirmedTitle}</h1>
      <p class="notice" role="status">${message}</p>
      ${backLink(site)}
    `,
  });
}

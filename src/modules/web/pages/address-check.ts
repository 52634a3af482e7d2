// "Does this affect my address?" on the notice list: a form posted to the list's own address
// (works without scripts; POST, because an address is likely where someone lives and must not
// travel in a URL, a browser history or a Referer) and the server's answer: the address found in the local address data, and the
// active and upcoming notices whose areas hold its point.
import { html } from 'htm/preact';
import { NOTICE_TYPE_LABELS } from '../../notices/notice-messages.ts';
import type { NoticeAtPoint } from '../../notices/notices-at-point.ts';
import { type Site, siteHref } from '../site.ts';

/** Longer than any Norwegian street address with house number and letter. */
export const ADDRESS_MAX_LENGTH = 100;

export type AddressCheck =
  | { kind: 'not_asked' }
  | { kind: 'refused'; query: string; message: string }
  | { kind: 'not_found'; query: string }
  | { kind: 'answered'; query: string; address: string; notices: NoticeAtPoint[] };

function answer(site: Site, check: AddressCheck) {
  const t = site.text.notices;
  switch (check.kind) {
    case 'not_asked':
      return null;
    case 'refused':
      return html`<p class="notice acute" id="address-answer" role="alert">${check.message}</p>`;
    case 'not_found':
      return html`<p class="notice acute" id="address-answer" role="status">${t.checkNotFound(check.query)}</p>`;
    case 'answered':
      return check.notices.length === 0
        ? html`<p class="notice" id="address-answer" role="status">${t.checkNone(check.address)}</p>`
        : html`<div class="notice acute" id="address-answer" role="status">
            <p>${t.checkSome(check.address)}</p>
            <ul>
              ${check.notices.map(
                (n) => html`<li>
                  <a href=${siteHref(site, `${site.base}/driftsmeldinger/${n.id}`)}>${n.title}</a>
                  ${' '}<span class="hint">${NOTICE_TYPE_LABELS[n.type][site.language]}</span>
                </li>`,
              )}
            </ul>
          </div>`;
  }
}

export function addressCheckForm(site: Site, check: AddressCheck) {
  const t = site.text.notices;
  const value = check.kind === 'not_asked' ? '' : check.query;
  return html`<section aria-labelledby="address-check-title">
    <h2 id="address-check-title">${t.checkTitle}</h2>
    <form method="post" action=${`${site.base}/driftsmeldinger`} class="address-check">
      ${site.embed ? html`<input type="hidden" name="embed" value="1" />` : null}
      <input type="hidden" name="lang" value=${site.language} />
      <label for="adresse">${t.checkLabel}</label>
      <p class="hint" id="adresse-hint">${t.checkHint}</p>
      <input type="text" id="adresse" name="adresse" value=${value} maxlength=${ADDRESS_MAX_LENGTH}
        autocomplete="address-line1" aria-describedby="adresse-hint" />
      <div class="actions"><button type="submit" class="secondary">${t.checkButton}</button></div>
    </form>
    ${answer(site, check)}
  </section>`;
}

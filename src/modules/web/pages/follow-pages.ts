// The pages of following a report: "check your email" (after following by email), the SMS code
// form (after following by phone, with its error next to the field), and the page the emailed
// link opens, which asks for one press of a button (opening a link must change nothing: mail
// scanners open links too).
import { html } from 'htm/preact';
import { maskRecipient } from '../../notifications/stop-page.ts';
import type { FollowRequestView } from '../../reports/confirm-follower.ts';
import { renderPage } from '../layout.ts';
import { formAction, type Site, siteHref } from '../site.ts';

function backLink(site: Site, ref: string) {
  return html`<p><a href=${siteHref(site, `${site.base}/meldinger/${ref}`)}>${site.text.follow.back}</a></p>`;
}

export function checkEmailPage(site: Site, ref: string, request: FollowRequestView): string {
  const t = site.text.follow;
  return renderPage(site, {
    title: t.checkEmailTitle,
    body: html`
      <h1>${t.checkEmailTitle}</h1>
      <p class="notice" role="status">${t.checkEmail(maskRecipient(request.address))}</p>
      <p>${t.checkEmailHint}</p>
      ${backLink(site, ref)}
    `,
  });
}

export interface CodePageState {
  error?: string | undefined;
  /** No more tries: no form, only the way back to follow again. */
  expired?: boolean;
}

export function codePage(
  site: Site,
  ref: string,
  request: FollowRequestView,
  formToken: string,
  state: CodePageState = {},
): string {
  const t = site.text.follow;
  const path = `${site.base}/meldinger/${ref}/folg/${request.id}`;
  const error = state.expired ? t.codeExpired : state.error;
  const described = ['code-hint', error && !state.expired ? 'code-error' : ''].filter(Boolean).join(' ');
  return renderPage(site, {
    title: error ? `${t.errorSummary}: ${t.checkPhoneTitle}` : t.checkPhoneTitle,
    body: html`
      ${
        error
          ? html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">${t.errorSummary}</h2>
            <ul><li>${state.expired ? error : html`<a href="#code">${error}</a>`}</li></ul>
          </div>`
          : null
      }
      <h1>${t.checkPhoneTitle}</h1>
      <p>${t.checkPhone(maskRecipient(request.address))}</p>
      ${
        state.expired
          ? null
          : html`<form method="post" action=${formAction(site, path)} novalidate>
            <input type="hidden" name="_token" value=${formToken} />
            <div class=${error ? 'field has-error' : 'field'}>
              <label for="code">${t.code}</label>
              <p class="hint" id="code-hint">${t.codeHint}</p>
              ${error ? html`<p class="field-error" id="code-error">${error}</p>` : null}
              <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code"
                maxlength="7" size="8" required aria-required="true" aria-invalid=${error ? 'true' : undefined}
                aria-describedby=${described} />
            </div>
            <div class="actions"><button type="submit">${t.confirmCode}</button></div>
          </form>
          <p>${t.checkPhoneHint}</p>`
      }
      ${backLink(site, ref)}
    `,
  });
}

/** The page the emailed link opens: a button that confirms, or word that it is done. */
export function confirmLinkPage(site: Site, ref: string, action: string, confirmed: boolean): string {
  const t = site.text.follow;
  return renderPage(site, {
    title: t.confirmTitle,
    body: html`
      <h1>${t.confirmTitle}</h1>
      ${
        confirmed
          ? html`<p class="notice" role="status">${t.alreadyConfirmed}</p>`
          : html`<p>${t.confirmIntro(ref)}</p>
            <form method="post" action=${action}>
              <button type="submit">${t.confirmButton}</button>
            </form>`
      }
      ${backLink(site, ref)}
    `,
  });
}

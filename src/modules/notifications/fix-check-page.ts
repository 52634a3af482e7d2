// The "is it really fixed?" page: the report and two choices (GET); the reopen form with its
// comment and optional photo (GET ?answer=no, and again with errors next to the fields after a
// POST that needs correcting); the thanks after an answer; and the answer already given. Plain
// forms: it works without JavaScript, and under the pages' CSP (no inline script or style).
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { formatDate, webText } from '../../i18n/web.ts';
import { type Language, localize } from '../../shared/language.ts';
import { renderPage } from '../web/layout.ts';
import type { Site } from '../web/site.ts';
import type { FixCheckView } from './find-fix-check.ts';
import { COMMENT_MAX, type FixCheckPageText, fixCheckPageText } from './fix-check-texts.ts';
import { FIX_CHECK_PATH } from './fix-check-token.ts';

export type FixCheckPageState =
  | { mode: 'ask' }
  | { mode: 'reopen'; comment: string; errors: { comment?: string; photo?: string } }
  | { mode: 'thanks' }
  | { mode: 'answered' };

export function fixCheckSite(check: FixCheckView, language: Language, token: string): Site {
  return {
    municipality: check.municipality,
    language,
    text: webText(language),
    base: `/${check.municipality.slug}`,
    embed: false,
    // The language switch leads back to the question, whatever was posted.
    path: `${FIX_CHECK_PATH}?token=${encodeURIComponent(token)}`,
  };
}

export function fixCheckPage(
  site: Site,
  check: FixCheckView,
  token: string,
  state: FixCheckPageState,
): string {
  const t = fixCheckPageText[site.language];
  const query = `token=${encodeURIComponent(token)}&lang=${site.language}`;
  const reportLink = `${site.base}/meldinger/${check.ref}?lang=${site.language}`;
  const title = state.mode === 'reopen' ? t.reopenTitle : t.title;
  const hasErrors = state.mode === 'reopen' && Object.keys(state.errors).length > 0;
  let content: VNode;
  switch (state.mode) {
    case 'ask':
      content = html`
        <p>${t.intro(check.ref)}</p>
        ${facts(site, check, t)}
        <div class="actions">
          <form method="post" action=${`${FIX_CHECK_PATH}/confirm?${query}`}>
            <button type="submit">${t.yes}</button>
          </form>
          <a class="button secondary" href=${`${FIX_CHECK_PATH}?${query}&answer=no`}>${t.no}</a>
        </div>`;
      break;
    case 'reopen':
      content = reopenForm(site, check, t, `${FIX_CHECK_PATH}/reopen?${query}`, state);
      break;
    case 'thanks':
    case 'answered': {
      const answered = check.answeredAt ? formatDate(check.answeredAt, site.language) : '';
      const text =
        state.mode === 'thanks'
          ? check.outcome === 'reopened'
            ? t.thanksReopened
            : t.thanksConfirmed
          : check.outcome === 'reopened'
            ? t.answeredReopened(answered)
            : t.answeredConfirmed(answered);
      content = html`<p class="notice" role="status">${text}</p>${facts(site, check, t)}`;
      break;
    }
  }
  return renderPage(site, {
    title: hasErrors ? `${t.errorSummary}: ${title}` : title,
    body: html`
      <h1>${title}</h1>
      ${content}
      <p><a href=${reportLink}>${t.seeReport}</a></p>
    `,
  });
}

function facts(site: Site, check: FixCheckView, t: FixCheckPageText): VNode {
  return html`<dl class="summary">
    <dt>${t.ref}</dt><dd>${check.ref}</dd>
    <dt>${t.category}</dt><dd>${localize(check.category, site.language)}</dd>
    ${check.address ? html`<dt>${t.place}</dt><dd>${check.address}</dd>` : null}
    ${check.lastPublicMessage ? html`<dt>${t.done}</dt><dd>${check.lastPublicMessage}</dd>` : null}
  </dl>`;
}

function reopenForm(
  site: Site,
  check: FixCheckView,
  t: FixCheckPageText,
  action: string,
  state: Extract<FixCheckPageState, { mode: 'reopen' }>,
): VNode {
  const { errors } = state;
  const list = [
    errors.comment ? { href: '#comment', text: errors.comment } : null,
    errors.photo ? { href: '#photo', text: errors.photo } : null,
  ].filter((e) => e !== null);
  const commentDescribed = ['comment-hint', errors.comment ? 'comment-error' : ''].filter(Boolean).join(' ');
  const photoDescribed = ['photo-hint', errors.photo ? 'photo-error' : ''].filter(Boolean).join(' ');
  return html`
    ${
      list.length > 0
        ? html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">${t.errorSummary}</h2>
          <ul>${list.map((e) => html`<li><a href=${e.href}>${e.text}</a></li>`)}</ul>
        </div>`
        : null
    }
    <p>${t.reopenIntro}</p>
    ${facts(site, check, t)}
    <form method="post" action=${action} enctype="multipart/form-data" novalidate>
      <div class=${errors.comment ? 'field has-error' : 'field'}>
        <label for="comment">${t.comment} <span class="required">${t.required}</span></label>
        <p class="hint" id="comment-hint">${t.commentHint}</p>
        ${errors.comment ? html`<p class="field-error" id="comment-error">${errors.comment}</p>` : null}
        <textarea id="comment" name="comment" rows="6" maxlength=${COMMENT_MAX} required
          aria-required="true" aria-invalid=${errors.comment ? 'true' : undefined}
          aria-describedby=${commentDescribed}>${state.comment}</textarea>
      </div>
      <div class=${errors.photo ? 'field has-error' : 'field'}>
        <label for="photo">${t.photo}</label>
        <p class="hint" id="photo-hint">
          ${t.photoHint}${check.publicCategory ? ` ${t.photoPublic}` : ''}${errors.photo ? ` ${t.photoAgain}` : ''}
        </p>
        ${errors.photo ? html`<p class="field-error" id="photo-error">${errors.photo}</p>` : null}
        <input type="file" id="photo" name="photo" accept="image/jpeg,image/png,image/webp,image/avif"
          aria-invalid=${errors.photo ? 'true' : undefined} aria-describedby=${photoDescribed} />
      </div>
      <div class="actions">
        <button type="submit">${t.send}</button>
      </div>
    </form>`;
}

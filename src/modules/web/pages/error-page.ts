// Error pages in the resident's language: what went wrong and a way back. Under a municipality's
// address they have its header, language switch and footer, like every page of its site.
import { html } from 'htm/preact';
import { webText } from '../../../i18n/web.ts';
import type { Language } from '../../../shared/language.ts';
import { renderPage, renderPlainPage } from '../layout.ts';
import { type Site, siteHref } from '../site.ts';

function titleFor(language: Language, status: number): string {
  const t = webText(language).errors;
  if (status === 404) return t.notFoundTitle;
  if (status === 410) return t.unavailableTitle;
  if (status === 429) return t.tooManyTitle;
  if (status >= 500) return t.serverTitle;
  return t.badRequestTitle;
}

export function errorPage(
  language: Language,
  status: number,
  message: string,
  home = '/',
  site?: Site,
): string {
  const title = titleFor(language, status);
  const body = html`<h1>${title}</h1>
    <p>${message}</p>
    <p><a href=${site ? siteHref(site, home) : home}>${webText(language).errors.home}</a></p>`;
  return site ? renderPage(site, { title, body }) : renderPlainPage(language, title, body);
}

import { html } from 'htm/preact';
import { webText } from '../../../i18n/web.ts';
import type { Language } from '../../../shared/language.ts';
import { renderPlainPage } from '../layout.ts';

/** The front door when several municipalities use this server. */
export function municipalityListPage(language: Language, list: { slug: string; name: string }[]): string {
  const t = webText(language);
  return renderPlainPage(
    language,
    t.layout.service,
    html`<h1>${t.layout.service}</h1>
      <ul>
        ${list.map((m) => html`<li><a href=${`/${m.slug}`}>${t.layout.municipality(m.name)}</a></li>`)}
      </ul>`,
  );
}

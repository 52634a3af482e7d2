import { html } from 'htm/preact';
import { render } from 'preact-render-to-string';
import { webText } from '../../../i18n/web.ts';
import type { Language } from '../../../shared/language.ts';

/** The front door when several municipalities use this server. */
export function municipalityListPage(language: Language, list: { slug: string; name: string }[]): string {
  const t = webText(language);
  const page = html`<html lang=${language}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${t.layout.service}</title>
      <link rel="stylesheet" href="/assets/site.css" />
    </head>
    <body>
      <main id="main" class="wrap">
        <h1>${t.layout.service}</h1>
        <ul>
          ${list.map((m) => html`<li><a href=${`/${m.slug}`}>${t.layout.municipality(m.name)}</a></li>`)}
        </ul>
      </main>
    </body>
  </html>`;
  return `<!doctype html>${render(page)}`;
}

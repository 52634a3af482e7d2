// Error pages in the resident's language: what went wrong and a way back.
import { html } from 'htm/preact';
import { render } from 'preact-render-to-string';
import { webText } from '../../../i18n/web.ts';
import type { Language } from '../../../shared/language.ts';

export function errorPage(language: Language, status: number, message: string, home = '/'): string {
  const t = webText(language).errors;
  const title =
    status === 404
      ? t.notFoundTitle
      : status === 410
        ? t.unavailableTitle
        : status === 429
          ? t.tooManyTitle
          : status >= 500
            ? t.serverTitle
            : t.badRequestTitle;
  const page = html`<html lang=${language}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title}</title>
      <link rel="stylesheet" href="/assets/site.css" />
    </head>
    <body>
      <main id="main" class="wrap">
        <h1>${title}</h1>
        <p>${message}</p>
        <p><a href=${home}>${t.home}</a></p>
      </main>
    </body>
  </html>`;
  return `<!doctype html>${render(page)}`;
}

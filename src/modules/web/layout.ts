// The page shell every residents' page shares: language, skip link, header with the
// municipality's name, language switch, footer with the map credit. Rendered on the server with
// Preact + htm: every interpolated value is escaped, so user text cannot become markup.
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { LANGUAGES } from '../../shared/language.ts';
import { type Site, siteHref } from './site.ts';

export interface PageOptions {
  title: string;
  body: ComponentChildren;
  /** Script files under /assets/ to load (deferred); pages work without them. */
  scripts?: string[];
  styles?: string[];
}

function languageSwitch(site: Site): VNode {
  const offered = LANGUAGES.filter((l) => site.municipality.languages.includes(l));
  const separator = site.path.includes('?') ? '&' : '?';
  return html`<nav class="language" aria-label=${site.text.lang.label}>
    <ul>
      ${offered.map(
        (l) => html`<li>
          ${
            l === site.language
              ? html`<span aria-current="true" lang=${l}>${site.text.lang[l]}</span>`
              : html`<a href=${`${site.path}${separator}lang=${l}`} lang=${l} hreflang=${l}>${site.text.lang[l]}</a>`
          }
        </li>`,
      )}
    </ul>
  </nav>`;
}

export function renderPage(site: Site, options: PageOptions): string {
  const t = site.text;
  const name = t.layout.municipality(site.municipality.name);
  const page = html`<html lang=${site.language}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${options.title} – ${name}</title>
      <link rel="stylesheet" href="/assets/site.css" />
      <link rel="stylesheet" href=${`${site.base}/theme.css`} />
      ${(options.styles ?? []).map((href) => html`<link rel="stylesheet" href=${href} />`)}
      ${[...(options.scripts ?? []), ...(site.embed ? ['/assets/js/embed-child.js'] : [])].map(
        (src) => html`<script src=${src} defer></script>`,
      )}
    </head>
    <body class=${site.embed ? 'embedded' : undefined}>
      <a class="skip" href="#main">${t.layout.skip}</a>
      ${
        site.embed
          ? null
          : html`<header class="site-header">
            <div class="wrap">
              <a class="brand" href=${site.base}>
                ${site.municipality.logoUrl ? html`<img src=${site.municipality.logoUrl} alt="" height="40" />` : null}
                <span><span class="brand-name">${name}</span><span class="brand-service">${t.layout.service}</span></span>
              </a>
              ${languageSwitch(site)}
            </div>
          </header>`
      }
      ${site.embed ? html`<div class="wrap">${languageSwitch(site)}</div>` : null}
      <main id="main" class="wrap" tabindex="-1">${options.body}</main>
      ${
        site.embed
          ? null
          : html`<footer class="site-footer">
            <div class="wrap">
              <p>${name}${site.municipality.onCallPhone ? ` · ${site.municipality.onCallPhone}` : ''}</p>
              <p><a href=${siteHref(site, `${site.base}/personvern`)}>${t.layout.privacy}</a></p>
            </div>
          </footer>`
      }
    </body>
  </html>`;
  return `<!doctype html>${render(page)}`;
}

/** The municipality's colour as CSS custom properties; served as a file to keep CSP strict. */
export function themeCss(site: Site): string {
  const color = /^#[0-9a-fA-F]{6}$/.test(site.municipality.brandColor)
    ? site.municipality.brandColor
    : '#005a8c';
  return `:root{--brand:${color};}\n`;
}

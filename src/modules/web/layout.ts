// The page shell every residents' page shares: language, skip link, header with the
// municipality's name, language switch, footer with the map credit. Rendered on the server with
// Preact + htm: every interpolated value is escaped, so user text cannot become markup.
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { webText } from '../../i18n/web.ts';
import { statisticsText } from '../../i18n/web-statistics.ts';
import { LANGUAGES, type Language } from '../../shared/language.ts';
import { type Site, siteHref } from './site.ts';
import { assetUrl } from './static-assets.ts';

export interface PageOptions {
  title: string;
  body: ComponentChildren;
  /** What search engines show under the title; the service's own description when not given. */
  description?: string | undefined;
  /** Script files under /assets/ to load (deferred); pages work without them. */
  scripts?: string[];
  styles?: string[];
}

/**
 * The municipality's logo as the page's icon where it has one, else ours. Without an icon
 * named here browsers ask for /favicon.ico on every page (served too, in routes.ts).
 */
function icons(logoUrl: string | null | undefined): VNode {
  return logoUrl
    ? html`<link rel="icon" href=${logoUrl} />`
    : html`<link rel="icon" href=${assetUrl('/assets/favicon.svg')} type="image/svg+xml" />`;
}

/**
 * What every page's head has: character set, viewport, title, description, icon, our styles, and
 * a style sheet only browsers without scripts load (it hides what needs them, such as the map,
 * whose room is otherwise kept while its script loads, so nothing jumps when it appears).
 */
function head(title: string, description: string, logoUrl: string | null | undefined, more: VNode[] = []) {
  return html`<head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title}</title>
      <meta name="description" content=${description} />
      ${icons(logoUrl)}
      <link rel="stylesheet" href=${assetUrl('/assets/site.css')} />
      <noscript><link rel="stylesheet" href=${assetUrl('/assets/no-script.css')} /></noscript>
      ${more}
    </head>`;
}

/** A page outside any municipality's site (the list of municipalities, an error without one). */
export function renderPlainPage(language: Language, title: string, body: ComponentChildren): string {
  const t = webText(language).layout;
  const page = html`<html lang=${language}>
    ${head(title, t.service, null)}
    <body>
      <main id="main" class="wrap" tabindex="-1">${body}</main>
    </body>
  </html>`;
  return `<!doctype html>${render(page)}`;
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
    ${head(
      `${options.title} – ${name}`,
      options.description ?? t.layout.description(site.municipality.name),
      site.municipality.logoUrl,
      [
        html`<link rel="stylesheet" href=${themeUrl(site)} />`,
        ...(options.styles ?? []).map((href) => html`<link rel="stylesheet" href=${assetUrl(href)} />`),
        ...[...(options.scripts ?? []), ...(site.embed ? ['/assets/js/embed-child.js'] : [])].map(
          (src) => html`<script src=${assetUrl(src)} defer></script>`,
        ),
      ],
    )}
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
              <p><a href=${siteHref(site, `${site.base}/personvern`)}>${t.layout.privacy}</a>${' · '}<a
                href=${siteHref(site, `${site.base}/statistikk`)}>${statisticsText(site.language).footer}</a></p>
            </div>
          </footer>`
      }
    </body>
  </html>`;
  return `<!doctype html>${render(page)}`;
}

/** The municipality's colour as CSS custom properties; served as a file to keep CSP strict. */
export function themeCss(site: Site): string {
  return `:root{--brand:${brandColor(site)};}\n`;
}

function brandColor(site: Site): string {
  return /^#[0-9a-fA-F]{6}$/.test(site.municipality.brandColor) ? site.municipality.brandColor : '#005a8c';
}

/** The theme's address names its colour, so it can be cached for good: a new colour, a new address. */
export function themeUrl(site: Site): string {
  return `${site.base}/theme.css?v=${themeVersion(site)}`;
}

export function themeVersion(site: Site): string {
  return brandColor(site).slice(1).toLowerCase();
}

/**
 * A photo's thumbnail, at most 160 px wide, with its height given too, so the page keeps its room
 * while it loads (nothing below it jumps).
 */
export function thumbnail(src: string, alt: string, size: { width: number; height: number }): VNode {
  const width = Math.min(160, size.width);
  const height = Math.max(1, Math.round((size.height * width) / Math.max(1, size.width)));
  return html`<img src=${src} alt=${alt} width=${width} height=${height} />`;
}

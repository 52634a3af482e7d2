// The page behind a message's stop link: a question and a button (GET), then the answer (POST).
import { html } from 'htm/preact';
import { webText } from '../../i18n/web.ts';
import type { Language } from '../../shared/language.ts';
import { SUBSCRIBER_STOP_TEXT } from '../subscriptions/subscription-texts.ts';
import { renderPage } from '../web/layout.ts';
import type { Site } from '../web/site.ts';
import { stopPageText } from './notification-messages.ts';
import type { StopTarget } from './stop-by-link.ts';

export function stopSite(target: StopTarget, language: Language, path: string): Site {
  return {
    municipality: target.municipality,
    language,
    text: webText(language),
    base: `/${target.municipality.slug}`,
    embed: false,
    path,
  };
}

/** Shows the address masked: the link may have been forwarded, the page should not leak it whole. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient.slice(0, 1)}***${recipient.slice(at)}`;
  return `***${recipient.slice(-3)}`;
}

export function stopPage(
  site: Site,
  target: StopTarget,
  scope: 'report' | 'all',
  action: string,
  done: boolean,
): string {
  const t = stopPageText[site.language];
  const to = maskRecipient(target.recipient);
  const title = scope === 'all' ? t.titleAll : t.title;
  if (target.subscriberId && scope === 'report') return subscriberStopPage(site, action, done);
  const reportLink = target.reportRef
    ? `${site.base}/meldinger/${target.reportRef}?lang=${site.language}`
    : null;
  return renderPage(site, {
    title,
    body: html`
      <h1>${title}</h1>
      ${
        done
          ? html`<p class="notice" role="status">${scope === 'all' ? t.doneAll(to) : t.done(target.reportRef)}</p>`
          : html`<p>${scope === 'all' ? t.questionAll(to) : t.question(to, target.reportRef)}</p>
            <form method="post" action=${action}>
              <button type="submit">${scope === 'all' ? t.buttonAll : t.button}</button>
            </form>`
      }
      ${reportLink ? html`<p><a href=${reportLink}>${t.back}</a></p>` : null}
    `,
  });
}

/** A notice subscriber's stop link ends the subscription for that place. */
function subscriberStopPage(site: Site, action: string, done: boolean): string {
  const t = SUBSCRIBER_STOP_TEXT[site.language];
  const title = stopPageText[site.language].title;
  return renderPage(site, {
    title,
    body: html`
      <h1>${title}</h1>
      ${
        done
          ? html`<p class="notice" role="status">${t.done}</p>`
          : html`<p>${t.question}</p>
            <form method="post" action=${action}><button type="submit">${t.button}</button></form>`
      }
      <p><a href=${`${site.base}/driftsmeldinger?lang=${site.language}`}>${site.text.notices.title}</a></p>
    `,
  });
}

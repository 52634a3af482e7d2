// What a resident sees after scanning a sticker whose link was switched off (the hydrant was
// replaced, the sticker reprinted): no error, but a plain word that this sticker is retired and a
// way to the municipality's normal report form, under the municipality's own header.
import type { FastifyRequest } from 'fastify';
import { html } from 'htm/preact';
import type { Queryable } from '../../db/client.ts';
import { requestLanguage } from '../../http/language.ts';
import { messages } from '../../i18n/messages.ts';
import { isLanguage, type Language } from '../../shared/language.ts';
import { renderPage, renderPlainPage } from '../web/layout.ts';
import { LANGUAGE_COOKIE, siteForErrorPage, siteHref } from '../web/site.ts';

const TEXT = {
  nb: { title: 'Klistremerket er ikke i bruk lenger', report: 'Meld fra om et problem' },
  nn: { title: 'Klistremerket er ikkje i bruk lenger', report: 'Meld frå om eit problem' },
  en: { title: 'This sticker is no longer in use', report: 'Report a problem' },
} as const satisfies Record<Language, { title: string; report: string }>;

export async function retiredStickerPage(
  db: Queryable,
  request: FastifyRequest,
  municipality: { slug: string; name: string },
): Promise<string> {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  const chosen = request.cookies?.[LANGUAGE_COOKIE];
  const wanted = isLanguage(asked) ? asked : isLanguage(chosen) ? chosen : requestLanguage(request);
  const site = await siteForErrorPage(db, request, municipality.slug, wanted);
  const language = site?.language ?? wanted;
  const text = TEXT[language];
  const form = `/${municipality.slug}/meld`;
  const body = html`<h1>${text.title}</h1>
    <p>${messages.reportLinkNotInUse()[language]}</p>
    <p><a class="button" href=${site ? siteHref(site, form) : form}>${text.report}</a></p>`;
  return site ? renderPage(site, { title: text.title, body }) : renderPlainPage(language, text.title, body);
}

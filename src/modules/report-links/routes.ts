// QR stickers: /q/{code} leads a resident from a hydrant or pumping station to the report form
// with the place filled in; /q/{code}.svg is the code to print on the sticker.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { municipalityUnavailable } from '../tenants/municipality-unavailable.ts';
import { sendPage } from '../web/page.ts';
import { QrCodeSvg, RedirectToForm, ReportLinkParams } from './http-schemas.ts';
import { reportFormPath, reportLinkUrl } from './link-addresses.ts';
import { qrCodeSvg } from './qr-code.ts';
import {
  type ActiveReportLink,
  findAnyReportLink,
  findReportLink,
  recordScan,
} from './resolve-report-link.ts';
import { retiredStickerPage } from './retired-sticker-page.ts';

const QR_CACHE_SECONDS = 24 * 60 * 60;

export const reportLinkRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  async function linkInUse(code: string): Promise<ActiveReportLink> {
    const link = await findReportLink(ctx.db.db, code);
    if (!link) throw new AppError(404, 'report_link_not_found', messages.reportLinkNotInUse());
    if (!link.municipalityEnabled) throw municipalityUnavailable(link.municipalityName);
    return link;
  }

  app.get(
    '/q/:code',
    {
      schema: {
        tags: ['report-links'],
        summary: 'Follow a QR sticker to the report form',
        description:
          'Counts a scan and redirects to the report form with the link. HEAD answers the same without counting. ' +
          'A switched-off link answers 410 with a page that says so and links to the normal report form.',
        params: ReportLinkParams,
        response: { 302: RedirectToForm, 404: errorResponseRef, 410: errorResponseRef },
      },
      // A phone's browser follows this link: a sticker no longer in use gets a page, not JSON.
      config: { page: true },
    },
    async (request, reply) => {
      const link = await findAnyReportLink(ctx.db.db, request.params.code);
      if (!link) throw new AppError(404, 'report_link_not_found', messages.reportLinkNotInUse());
      if (!link.municipalityEnabled) throw municipalityUnavailable(link.municipalityName);
      if (!link.active) {
        // A retired sticker: said kindly, with the normal form; 410 tells crawlers it is gone.
        const page = await retiredStickerPage(ctx.db.db, request, {
          slug: link.municipalitySlug,
          name: link.municipalityName,
        });
        return sendPage(reply, page, 410);
      }
      // Fastify runs this handler for HEAD as well. Link checkers and previews send HEAD; only a
      // GET is someone following the link.
      if (request.method === 'GET') await countScan(link.id, request.log);
      // Every scan must reach the server to be counted, so no cache may keep the redirect.
      reply.header('cache-control', 'no-store');
      return reply.redirect(reportFormPath(link.municipalitySlug, link.code), 302);
    },
  );

  app.get(
    '/q/:code.svg',
    {
      schema: {
        tags: ['report-links'],
        summary: 'The QR code to print on a sticker',
        description: 'Not counted as a scan. Cacheable for a day.',
        params: ReportLinkParams,
        response: { 200: QrCodeSvg, 404: errorResponseRef, 410: errorResponseRef },
      },
    },
    async (request, reply) => {
      const link = await linkInUse(request.params.code);
      const svg = await qrCodeSvg(reportLinkUrl(ctx.config.publicUrl, link.code));
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', `public, max-age=${QR_CACHE_SECONDS}`)
        .send(svg);
    },
  );

  /**
   * The count is statistics; the resident at the hydrant wants the form. A failed count is
   * logged and the redirect goes ahead.
   */
  async function countScan(linkId: string, log: FastifyBaseLogger): Promise<void> {
    try {
      await recordScan(ctx.db.db, linkId);
    } catch (error) {
      log.warn({ err: error, linkId }, 'scan of a report link not counted');
    }
  }
};

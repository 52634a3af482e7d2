// Sheets of QR stickers for the municipality's assets, as a PDF to print on A4 label paper.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { ADMIN_PREFIX, ADMIN_TAGS, KommunenummerParams } from '../admin/admin-http-schemas.ts';
import { StickerSheetBody, StickerSheetPdf } from './http-schemas.ts';
import { printStickerSheet } from './print-sticker-sheet.ts';
import { MAX_STICKERS } from './select-sticker-assets.ts';
import { appLogoReader } from './sticker-logo.ts';

export const stickerRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const readLogo = appLogoReader((path) => app.inject({ method: 'GET', url: path }));
  app.post(
    `${ADMIN_PREFIX}/stickers`,
    {
      config: { policy: 'admin.report_links' },
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Print QR stickers for assets as a PDF',
        description:
          `Chosen assets (assetIds), a type (type) or an area (area), or a combination that must all hold; at most ${MAX_STICKERS} stickers. ` +
          'Each asset without an active report link gets one; assets with one keep theirs. ' +
          'Each sticker: the QR code of the link, the municipality, a short instruction in bokmål and nynorsk, and the asset id.',
        params: KommunenummerParams,
        body: StickerSheetBody,
        produces: ['application/pdf'],
        response: {
          200: StickerSheetPdf,
          400: errorResponseRef,
          401: errorResponseRef,
          403: errorResponseRef,
          404: errorResponseRef,
        },
      },
    },
    async (request, reply) => {
      const { kommunenummer } = request.params;
      const run = await printStickerSheet(
        ctx.db.db,
        ctx.config.publicUrl,
        kommunenummer,
        staffOf(request).userId,
        request.body,
        readLogo,
      );
      // Logged without the address (a setting, but no need to repeat it in every log line).
      if (run.logoProblem)
        request.log.warn({ logoProblem: run.logoProblem }, 'stickers printed without the logo');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${run.fileName}"`)
        .header('cache-control', 'no-store')
        .header('x-sticker-count', String(run.stickers))
        .header('x-sticker-logo', run.logoProblem ? 'missing' : 'included')
        .send(run.pdf);
    },
  );
};

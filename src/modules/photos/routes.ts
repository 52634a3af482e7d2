import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { stringEnum } from '../../http/schema-helpers.ts';
import { getPhoto, photoNotFound } from './get-photo.ts';
import type { PhotoVariant } from './storage.ts';

const FILE_NAMES = ['large.webp', 'thumb.webp'] as const;

const PhotoParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  variant: stringEnum(FILE_NAMES, { description: 'large.webp (at most 2048 px) or thumb.webp (480 px)' }),
});

const PhotoQuery = Type.Object({
  token: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'The tracking token, for private photos' }),
  ),
});

/** A stored file never changes: a new photo gets a new id. */
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export const photoRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/photos/:id/:variant',
    {
      schema: {
        tags: ['reports'],
        summary: "A report's photo",
        description:
          'WebP without any metadata. Photos of categories that keep descriptions private are only served with the tracking token (`?token=`); otherwise they answer 404.',
        params: PhotoParams,
        querystring: PhotoQuery,
        response: {
          200: {
            description: 'The photo',
            content: { 'image/webp': { schema: Type.String({ format: 'binary' }) } },
          },
          400: errorResponseRef,
          404: errorResponseRef,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const variant: PhotoVariant = request.params.variant === 'large.webp' ? 'large' : 'thumb';
      const photo = await getPhoto(ctx.db.db, ctx.photos, id, variant, request.query.token);
      if (!photo.data) {
        request.log.warn({ photoId: id, variant }, 'photo file missing from photo storage');
        throw photoNotFound();
      }
      return reply
        .header('content-type', 'image/webp')
        .header(
          'cache-control',
          `${photo.shareable ? 'public' : 'private'}, max-age=${ONE_YEAR_SECONDS}, immutable`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(photo.data);
    },
  );
};

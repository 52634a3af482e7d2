import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { stringEnum } from '../../http/schema-helpers.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { findMunicipality } from '../tenants/queries.ts';
import { createKartverketAddressSearch } from './address-search.ts';

const AddressHit = Type.Object({
  text: Type.String({ description: 'Street address, e.g. "Storgata 12"' }),
  postcode: Type.String(),
  postTown: Type.String(),
  lat: Type.Number({ description: 'WGS84 latitude' }),
  lon: Type.Number({ description: 'WGS84 longitude' }),
});

/** The address search proxies an outside service, so it allows more than report posts but not unbounded. */
export const ADDRESS_SEARCH_RATE_FACTOR = 10;

export const addressRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const search = ctx.config.addressSearchUrl
    ? createKartverketAddressSearch(ctx.config.addressSearchUrl)
    : null;
  app.get(
    '/api/v1/municipalities/:kommunenummer/addresses',
    {
      config: {
        rateLimit: {
          max: ctx.config.reportRateLimitPerMinute * ADDRESS_SEARCH_RATE_FACTOR,
          timeWindow: '1 minute',
        },
      },
      schema: {
        tags: ['addresses'],
        summary: 'Addresses in a municipality matching what the resident typed',
        description:
          'Through the configured online address search (`ADDRESS_SEARCH_URL`). 404 when address search is off or the municipality is not served; 503 when the address service does not answer.',
        params: Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) }),
        querystring: Type.Object({
          q: Type.String({ minLength: 2, maxLength: 100, description: 'Start of an address, e.g. "Storg"' }),
          limit: Type.Integer({ minimum: 1, maximum: 10, default: 8 }),
          lang: Type.Optional(stringEnum(LANGUAGES)),
        }),
        response: {
          200: Type.Object({ addresses: Type.Array(AddressHit) }),
          400: errorResponseRef,
          404: errorResponseRef,
          429: errorResponseRef,
          503: errorResponseRef,
        },
      },
    },
    async (request) => {
      const { kommunenummer } = request.params;
      if (!search) throw new AppError(404, 'address_search_off', messages.addressSearchOff());
      const municipality = await findMunicipality(ctx.db.db, kommunenummer);
      if (!municipality?.enabled)
        throw new AppError(404, 'municipality_not_found', messages.municipalityNotFound(kommunenummer));
      const addresses = await search.search(request.query.q.trim(), kommunenummer, request.query.limit);
      return { addresses };
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { stringEnum } from '../../http/schema-helpers.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { municipalityUnavailable } from '../tenants/municipality-unavailable.ts';
import { findMunicipality } from '../tenants/queries.ts';
import { createKartverketAddressSearch } from './address-search.ts';
import { hasLocalAddresses, searchLocalAddresses } from './local-addresses.ts';

const AddressHit = Type.Object({
  text: Type.String({ description: 'Street address, e.g. "Storgata 12"' }),
  postcode: Type.String(),
  postTown: Type.String(),
  lat: Type.Number({ description: 'WGS84 latitude' }),
  lon: Type.Number({ description: 'WGS84 longitude' }),
});

/** The address search may proxy an outside service, so it allows more than report posts but not unbounded. */
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
          'From the imported address points (`npm run import:addresses`) when the municipality has any, else (or when they match nothing) through the configured online address search (`ADDRESS_SEARCH_URL`). 404 when the municipality has neither or is not served; 410 when it is deactivated; 503 when the online service does not answer.',
        params: Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) }),
        querystring: Type.Object({
          q: Type.String({ minLength: 2, maxLength: 100, description: 'Start of an address, e.g. "Storg"' }),
          // Optional with a default: a caller may leave it out (the OpenAPI document says so).
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 8 })),
          lang: Type.Optional(stringEnum(LANGUAGES)),
        }),
        response: {
          200: Type.Object({ addresses: Type.Array(AddressHit) }),
          400: errorResponseRef,
          404: errorResponseRef,
          410: errorResponseRef,
          429: errorResponseRef,
          503: errorResponseRef,
        },
      },
    },
    async (request) => {
      const { kommunenummer } = request.params;
      const limit = request.query.limit ?? 8;
      const q = request.query.q.trim();
      const local = await hasLocalAddresses(ctx.db.db, kommunenummer);
      if (!search && !local) throw new AppError(404, 'address_search_off', messages.addressSearchOff());
      const municipality = await findMunicipality(ctx.db.db, kommunenummer);
      if (!municipality)
        throw new AppError(404, 'municipality_not_found', messages.municipalityNotFound(kommunenummer));
      if (!municipality.enabled) throw municipalityUnavailable(municipality.name);
      // Local data first: it answers quickly and without an outside service. When the imported file
      // finds nothing (a new street built since the import, or a spelling the prefix search misses)
      // and an online service is configured, that is asked instead; without local data, only it is.
      if (local) {
        const addresses = await searchLocalAddresses(ctx.db.db, kommunenummer, q, limit);
        if (addresses.length > 0 || !search) return { addresses };
      }
      if (!search) throw new AppError(404, 'address_search_off', messages.addressSearchOff());
      const addresses = await search.search(q, kommunenummer, limit);
      return { addresses };
    },
  );
};

// Saved inbox filters: each staff member's own, per municipality.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { INBOX_BASE, INBOX_TAG, MunicipalityParams } from './inbox-http.ts';
import { deleteSavedFilter, listSavedFilters, saveFilter } from './saved-filters.ts';

const SavedFilterSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  query: Type.Record(Type.String(), Type.String(), { description: "The inbox's query parameters" }),
});

const SavedFilterBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
    query: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }), {
      maxProperties: 30,
    }),
  },
  { additionalProperties: false },
);

const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef };

export const savedFilterRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const path = `${INBOX_BASE}/saved-filters`;

  app.get(
    path,
    {
      config: { policy: 'inbox.saved_filters' },
      schema: {
        tags: [INBOX_TAG],
        summary: 'My saved inbox filters in this municipality',
        params: MunicipalityParams,
        response: { 200: Type.Object({ filters: Type.Array(SavedFilterSchema) }), ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const owner = { userId: staffOf(request).userId, kommunenummer: request.params.kommunenummer };
      return { filters: await listSavedFilters(ctx.db.db, owner) };
    },
  );

  app.post(
    path,
    {
      config: { policy: 'inbox.saved_filters' },
      schema: {
        tags: [INBOX_TAG],
        summary: 'Save an inbox filter under a name (409 if I already have one by that name)',
        params: MunicipalityParams,
        body: SavedFilterBody,
        response: { 201: SavedFilterSchema, 409: errorResponseRef, ...errors },
      },
    },
    async (request, reply) => {
      const owner = { userId: staffOf(request).userId, kommunenummer: request.params.kommunenummer };
      const saved = await saveFilter(ctx.db.db, owner, request.body);
      return reply.status(201).send(saved);
    },
  );

  app.delete(
    `${path}/:id`,
    {
      config: { policy: 'inbox.saved_filters' },
      schema: {
        tags: [INBOX_TAG],
        summary: 'Delete one of my saved filters',
        params: Type.Object({ ...MunicipalityParams.properties, id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), 404: errorResponseRef, ...errors },
      },
    },
    async (request, reply) => {
      const owner = { userId: staffOf(request).userId, kommunenummer: request.params.kommunenummer };
      await deleteSavedFilter(ctx.db.db, owner, request.params.id);
      return reply.code(204).send(null);
    },
  );
};

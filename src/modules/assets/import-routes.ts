// Asset import in admin: upload a GeoJSON or CSV file (202 with the run's id; it runs in the
// background), follow one run (progress, counts, rejected lines), and list the recent runs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { ADMIN_TAGS, KommunenummerParams } from '../admin/admin-http-schemas.ts';
import { getAssetImport, listAssetImports } from './import/asset-import-queries.ts';
import {
  ASSET_IMPORTS_PREFIX,
  AssetImportList,
  AssetImportParams,
  AssetImportQuery,
  AssetImportRun,
  AssetImportStarted,
  MAX_UPLOAD_BYTES,
} from './import/http-schemas.ts';
import { uploadAssetImport } from './import/upload-asset-import.ts';

const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };

export const assetImportRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  const stop = new AbortController();
  const running = new Set<Promise<unknown>>();
  // Closing stops the runs between records (each is marked failed as interrupted) and waits for them.
  app.addHook('onClose', async () => {
    stop.abort();
    await Promise.allSettled([...running]);
  });

  app.post(
    ASSET_IMPORTS_PREFIX,
    {
      config: { policy: 'admin.assets' },
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Import assets from a GeoJSON or CSV file (runs in the background)',
        description:
          `multipart/form-data with one file named \`file\`, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB: a GeoJSON FeatureCollection of Point features ` +
          '(a `crs` member is honoured) or CSV with a header line (id/external_id/ekstern_id, type, name/navn, and x/y, lon/lat or east/north/øst/nord). ' +
          'WGS84, EUREF89 or UTM zones 31–36 (EUREF89 or WGS84). Matched on external id: a second import of the same file changes nothing. ' +
          'Answers 202 with the run’s id; follow it with GET …/imports/{id}. 409 while another import runs for the municipality.',
        consumes: ['multipart/form-data'],
        params: KommunenummerParams,
        querystring: AssetImportQuery,
        response: {
          202: AssetImportStarted,
          ...errors,
          409: errorResponseRef,
          413: errorResponseRef,
        },
      },
    },
    async (request, reply) => {
      const id = await uploadAssetImport(
        { db, locator: ctx.locator, log: app.log, running, signal: stop.signal },
        request,
        {
          kommunenummer: request.params.kommunenummer,
          actorId: staffOf(request).userId,
          language: requestLanguage(request),
          epsg: request.query.epsg,
          type: request.query.type,
        },
      );
      return reply.code(202).send({ id });
    },
  );

  app.get(
    ASSET_IMPORTS_PREFIX,
    {
      config: { policy: 'admin.assets' },
      schema: {
        tags: ADMIN_TAGS,
        summary: 'The municipality’s recent asset imports, newest first',
        params: KommunenummerParams,
        response: { 200: AssetImportList, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listAssetImports(db, request.params.kommunenummer);
    },
  );

  app.get(
    `${ASSET_IMPORTS_PREFIX}/:id`,
    {
      config: { policy: 'admin.assets' },
      schema: {
        tags: ADMIN_TAGS,
        summary:
          'One asset import: state, progress in bytes, counts and the first 1000 rejected lines with why',
        params: AssetImportParams,
        response: { 200: AssetImportRun, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getAssetImport(db, request.params.kommunenummer, request.params.id);
    },
  );
};

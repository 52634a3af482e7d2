// The asset register for staff: search and map layer, one asset with its stickers and reports,
// and the municipality's asset types (read by staff, changed by administrators).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { STAFF_API_PREFIX, staffOf } from '../accounts/staff-auth.ts';
import { ADMIN_PREFIX, ADMIN_TAGS, KommunenummerParams } from '../admin/admin-http-schemas.ts';
import { listAssetTypes } from './asset-type-queries.ts';
import { createAssetType } from './create-asset-type.ts';
import { getAsset } from './get-asset.ts';
import {
  AssetListQuery,
  AssetListResponse,
  AssetParams,
  AssetResponse,
  AssetTypeCreateBody,
  AssetTypeResponse,
  AssetTypeUpdateBody,
} from './http-schemas.ts';
import { listAssets } from './list-assets.ts';
import { updateAssetType } from './update-asset-type.ts';

const BASE = `${STAFF_API_PREFIX}/m/:kommunenummer`;
const tags = ['staff: assets'];
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };

export const assetRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;

  app.get(
    `${BASE}/assets`,
    {
      config: { policy: 'asset.read' },
      schema: {
        tags,
        summary: 'Search the asset register',
        description:
          'By text in the register id or name (q), by type code (type) and by the map view ' +
          '(west, south, east, north: all four or none), ordered by register id, a page at a time.',
        params: KommunenummerParams,
        querystring: AssetListQuery,
        response: { 200: AssetListResponse, ...errors },
      },
    },
    async (request) => listAssets(db, request.params.kommunenummer, request.query),
  );

  app.get(
    `${BASE}/assets/:id`,
    {
      config: { policy: 'asset.read' },
      schema: {
        tags,
        summary: 'One asset with its report links and its reports',
        description:
          'Reports newest first (at most 100), with the number in the last 12 months so that repeated ' +
          "faults stand out. Another municipality's asset is 404.",
        params: AssetParams,
        response: { 200: AssetResponse, ...errors },
      },
    },
    async (request) => getAsset(db, ctx.config.publicUrl, request.params.kommunenummer, request.params.id),
  );

  app.get(
    `${BASE}/asset-types`,
    {
      config: { policy: 'asset.read' },
      schema: {
        tags,
        summary: "The municipality's asset types, switched-off ones included",
        params: KommunenummerParams,
        response: { 200: Type.Object({ types: Type.Array(AssetTypeResponse) }), ...errors },
      },
    },
    async (request) => ({ types: await listAssetTypes(db, request.params.kommunenummer) }),
  );

  app.post(
    `${ADMIN_PREFIX}/asset-types`,
    {
      config: { policy: 'admin.assets' },
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Add an asset type',
        description:
          'The code (a–z, digits, hyphens) names the type in import files and on the command line.',
        params: KommunenummerParams,
        body: AssetTypeCreateBody,
        response: { 201: AssetTypeResponse, 409: errorResponseRef, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createAssetType(
        db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.body,
      );
      return reply.code(201).send(created);
    },
  );

  app.put(
    `${ADMIN_PREFIX}/asset-types/:id`,
    {
      config: { policy: 'admin.assets' },
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Change an asset type: names, order, active, suggested categories',
        params: AssetParams,
        body: AssetTypeUpdateBody,
        response: { 200: AssetTypeResponse, ...errors },
      },
    },
    async (request) =>
      updateAssetType(
        db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.params.id,
        request.body,
      ),
  );
};

// Request and response schemas of the asset import (admin): the upload's options, one run with
// its rejected lines, and the list of recent runs.
import { Type } from 'typebox';
import { stringEnum } from '../../../http/schema-helpers.ts';
import { ADMIN_PREFIX } from '../../admin/admin-http-schemas.ts';
import { ASSET_EPSG } from './coordinates.ts';
import { MAX_KEPT_REJECTIONS } from './import-assets.ts';

export const ASSET_IMPORTS_PREFIX = `${ADMIN_PREFIX}/assets/imports`;
/** Bigger registers go through `npm run import:assets`, which has no limit. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
export const RECENT_IMPORTS = 20;

export const AssetImportQuery = Type.Object(
  {
    epsg: Type.Optional(
      Type.Integer({
        minimum: 1000,
        maximum: 99999,
        description: `Coordinate system of the file, overriding its own (GeoJSON crs, lon/lat columns). Supported: ${ASSET_EPSG.join(', ')}.`,
      }),
    ),
    type: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9-]{1,40}$',
        description:
          'Asset type code for every record (e.g. hydrant); the file’s own type is then kept as an attribute.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AssetImportParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }),
  id: Type.String({ format: 'uuid' }),
});

export const AssetImportStarted = Type.Object({ id: Type.String({ format: 'uuid' }) });

const State = stringEnum(['running', 'done', 'failed'] as const);

const runFields = {
  id: Type.String({ format: 'uuid' }),
  fileName: Type.String(),
  state: State,
  startedBy: Type.Union([Type.Null(), Type.String()], {
    description: 'Name of the admin; null for the command line.',
  }),
  bytesRead: Type.Integer(),
  bytesTotal: Type.Union([Type.Null(), Type.Integer()]),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer({ description: 'All rejected lines; the first 1000 are listed in rejections.' }),
  error: Type.Union([Type.Null(), Type.String()], { description: 'Why the run stopped, when it failed.' }),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
};

export const AssetImportRun = Type.Object({
  ...runFields,
  rejections: Type.Array(
    Type.Object({
      line: Type.Integer({
        description: 'CSV: the line in the file (1 is the header); GeoJSON: the feature’s number.',
      }),
      externalId: Type.Optional(Type.String()),
      reason: Type.String(),
    }),
    { maxItems: MAX_KEPT_REJECTIONS },
  ),
});

export const AssetImportList = Type.Object({
  imports: Type.Array(Type.Object(runFields), { maxItems: RECENT_IMPORTS }),
});

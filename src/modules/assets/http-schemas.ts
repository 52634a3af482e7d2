// Request and response schemas of the asset register's staff routes. Every input is bounded.
import { type Static, Type } from 'typebox';
import { LocalizedTextSchema, nullable, ReportLinkResponse } from '../admin/admin-http-schemas.ts';

export const ASSET_PAGE_MAX = 500;

const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const TypeCode = Type.String({ pattern: '^[a-z0-9-]{1,40}$', description: 'Asset type code, e.g. hydrant' });

export const AssetListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 100, description: 'Text in the register id or the name (case-insensitive)' }),
    ),
    type: Type.Optional(TypeCode),
    west: Type.Optional(Lon),
    south: Type.Optional(Lat),
    east: Type.Optional(Lon),
    north: Type.Optional(Lat),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: ASSET_PAGE_MAX, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type AssetListInput = Static<typeof AssetListQuery>;

export const AssetTypeResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: LocalizedTextSchema,
  suggestedCategories: Type.Array(Type.String()),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
  assetCount: Type.Integer({ minimum: 0 }),
});

const AssetFields = {
  id: Type.String({ format: 'uuid' }),
  externalId: Type.String({ description: "The utility's own register id (BH-0417)" }),
  name: Type.String(),
  type: Type.Object({ id: Type.String(), code: Type.String(), name: LocalizedTextSchema }),
  lat: Type.Number(),
  lon: Type.Number(),
};

export const AssetListResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      ...AssetFields,
      reportsLast12Months: Type.Integer({ minimum: 0 }),
    }),
  ),
  total: Type.Integer({ minimum: 0, description: 'All matches, beyond this page' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const AssetResponse = Type.Object({
  ...AssetFields,
  attributes: Type.Array(Type.Object({ key: Type.String(), value: Type.String() }), {
    description: "The register's other fields, in its order",
  }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  reportLinks: Type.Array(ReportLinkResponse),
  reportsLast12Months: Type.Integer({
    minimum: 0,
    description: 'Reports about this asset in the last 12 months: repeated faults stand out',
  }),
  reportsTotal: Type.Integer({ minimum: 0 }),
  reports: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      ref: Type.String(),
      status: Type.String(),
      category: LocalizedTextSchema,
      createdAt: Type.String({ format: 'date-time' }),
      mergedInto: nullable(Type.String()),
    }),
    { description: 'Newest first, at most 100' },
  ),
});

const TypeFields = {
  name: LocalizedTextSchema,
  sortOrder: Type.Integer({ minimum: 0, maximum: 100_000 }),
  active: Type.Boolean(),
  suggestedCategories: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
    maxItems: 10,
    uniqueItems: true,
    description: 'Category codes a sticker on this type offers first',
  }),
};

export const AssetTypeCreateBody = Type.Object(
  {
    code: TypeCode,
    name: TypeFields.name,
    sortOrder: Type.Optional(TypeFields.sortOrder),
    active: Type.Optional(TypeFields.active),
    suggestedCategories: Type.Optional(TypeFields.suggestedCategories),
  },
  { additionalProperties: false },
);
export type AssetTypeCreateInput = Static<typeof AssetTypeCreateBody>;

export const AssetTypeUpdateBody = Type.Partial(Type.Object(TypeFields, { additionalProperties: false }));
export type AssetTypeUpdateInput = Static<typeof AssetTypeUpdateBody>;

export const AssetParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }),
  id: Type.String({ format: 'uuid' }),
});

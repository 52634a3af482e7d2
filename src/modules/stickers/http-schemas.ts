import { Type } from 'typebox';
import { STICKER_LAYOUT_NAMES } from './layouts.ts';
import { MAX_STICKERS } from './select-sticker-assets.ts';

const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });
const Ring = Type.Array(Position, { maxItems: 10_000 });

// No additionalProperties: false on the alternatives: the app's Ajv removes extra properties while
// it tries each one, so the box alternative would strip a polygon's type and coordinates.
export const StickerArea = Type.Union(
  [
    Type.Object({
      bbox: Type.Tuple([Lon, Lat, Lon, Lat], { description: 'west, south, east, north', maxItems: 4 }),
    }),
    Type.Object({
      type: Type.Literal('Polygon'),
      coordinates: Type.Array(Ring, { minItems: 1, maxItems: 100 }),
    }),
    Type.Object({
      type: Type.Literal('MultiPolygon'),
      coordinates: Type.Array(Type.Array(Ring, { minItems: 1, maxItems: 100 }), {
        minItems: 1,
        maxItems: 100,
      }),
    }),
  ],
  { description: 'A bounding box, or a GeoJSON Polygon or MultiPolygon (WGS84, [lon, lat]).' },
);

export const StickerSheetBody = Type.Object(
  {
    layout: Type.Union(
      STICKER_LAYOUT_NAMES.map((name) => Type.Literal(name)),
      { description: 'A4 label sheet: 3x8 (70 × 37 mm) or 2x5 (105 × 57 mm).' },
    ),
    assetIds: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: MAX_STICKERS }),
    ),
    type: Type.Optional(
      Type.String({ pattern: '^[a-z0-9-]{1,40}$', description: 'Asset type code, e.g. hydrant.' }),
    ),
    area: Type.Optional(StickerArea),
  },
  { additionalProperties: false },
);

export const StickerSheetPdf = Type.String({ description: 'The sticker sheets (application/pdf).' });

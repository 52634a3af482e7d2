// Request and response schemas of the notice routes, staff and public.
import { type Static, Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { LANGUAGES } from '../../shared/language.ts';
import {
  MAX_POINTS_PER_POLYGON,
  MAX_POLYGONS,
  MAX_RADIUS_METRES,
  MAX_RINGS_PER_POLYGON,
  MIN_RADIUS_METRES,
} from './areas.ts';
import { MAX_BUFFER_METRES, MAX_LINE_POINTS, MIN_BUFFER_METRES } from './line-buffer.ts';
import { NOTICE_STATUSES, NOTICE_TYPES } from './schema.ts';

export const NOTICES_PREFIX = '/api/v1/staff/m/:kommunenummer/notices';
export const NOTICE_TAGS = ['staff: notices'];

/** Big enough for 20 polygons × 2,000 points as JSON; the global limit is 64 KiB. */
export const NOTICE_BODY_LIMIT = 1024 * 1024;

export const KommunenummerParams = Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) });
export const NoticeParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }),
  id: Type.String({ format: 'uuid' }),
});

function localizedText(maxLength: number, format: 'single-line' | 'multi-line') {
  return Type.Object(
    {
      nb: Type.String({ minLength: 1, maxLength, format }),
      nn: Type.Optional(Type.String({ maxLength, format })),
      en: Type.Optional(Type.String({ maxLength, format })),
    },
    { additionalProperties: false, description: 'Bokmål required; nynorsk and English optional' },
  );
}
export const TitleInput = localizedText(200, 'single-line');
export const BodyInput = localizedText(4000, 'multi-line');

const Position = Type.Array(Type.Number(), {
  minItems: 2,
  maxItems: 2,
  description: '[longitude, latitude] in WGS84',
});
const Ring = Type.Array(Position, { minItems: 4, maxItems: MAX_POINTS_PER_POLYGON });
const PolygonCoordinates = Type.Array(Ring, { minItems: 1, maxItems: MAX_RINGS_PER_POLYGON });

// No additionalProperties: false on the branches: the app's Ajv removes additional properties,
// and would strip a circle's fields while trying the polygon branch.
export const AreaInput = Type.Union(
  [
    // First: the app's Ajv coerces scalars to arrays (coerceTypes 'array'), and trying a polygon
    // branch first would wrap each number of the line's points in an array.
    Type.Object(
      {
        type: Type.Literal('LineString'),
        coordinates: Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }), {
          minItems: 2,
          maxItems: MAX_LINE_POINTS,
        }),
        bufferMetres: Type.Number({ minimum: MIN_BUFFER_METRES, maximum: MAX_BUFFER_METRES }),
      },
      {
        description: `A line of [lon, lat] points (a street, a main) and a distance in metres: the area within that distance of the line, stored as one rounded "capsule" polygon per segment`,
      },
    ),
    Type.Object(
      { type: Type.Literal('Polygon'), coordinates: PolygonCoordinates },
      { description: 'A GeoJSON Polygon' },
    ),
    Type.Object(
      {
        type: Type.Literal('MultiPolygon'),
        coordinates: Type.Array(PolygonCoordinates, { minItems: 1, maxItems: MAX_POLYGONS }),
      },
      { description: 'A GeoJSON MultiPolygon' },
    ),
    Type.Object(
      {
        type: Type.Literal('Circle'),
        center: Type.Object({
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lon: Type.Number({ minimum: -180, maximum: 180 }),
        }),
        radiusMetres: Type.Number({ minimum: MIN_RADIUS_METRES, maximum: MAX_RADIUS_METRES }),
      },
      { description: 'A point and a radius in metres, made into a 64-vertex circle' },
    ),
  ],
  {
    description: `Polygons in WGS84 inside Norway: at most ${MAX_POLYGONS} polygons of at most ${MAX_POINTS_PER_POLYGON} points; or a circle; or a buffer along a line`,
  },
);

export const DateTime = Type.String({ format: 'date-time', maxLength: 40 });
/** Null first: the app's Ajv coerces, and would turn null into "" before trying the null branch. */
export const NullableDateTime = Type.Union([Type.Null(), DateTime]);

export const NoticeCreateBody = Type.Object(
  {
    type: stringEnum(NOTICE_TYPES),
    title: TitleInput,
    body: BodyInput,
    area: AreaInput,
    startsAt: DateTime,
    expectedEndAt: Type.Optional(NullableDateTime),
  },
  { additionalProperties: false },
);
export type NoticeCreate = Static<typeof NoticeCreateBody>;

export const NoticeUpdateBody = Type.Object(
  {
    title: Type.Optional(TitleInput),
    body: Type.Optional(BodyInput),
    area: Type.Optional(AreaInput),
    startsAt: Type.Optional(DateTime),
    expectedEndAt: Type.Optional(NullableDateTime),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type NoticeUpdate = Static<typeof NoticeUpdateBody>;

export const NoticeEndBody = Type.Object(
  { body: Type.Optional(BodyInput) },
  {
    additionalProperties: false,
    description: 'Optionally a new text for the ended notice; a lifted boil-water advice says so itself',
  },
);
export type NoticeEnd = Static<typeof NoticeEndBody>;

export const LocalizedTextOut = Type.Object({
  nb: Type.String(),
  nn: Type.Optional(Type.String()),
  en: Type.Optional(Type.String()),
});

export const MultiPolygonOut = Type.Object(
  {
    type: Type.Literal('MultiPolygon'),
    coordinates: Type.Array(Type.Array(Type.Array(Type.Array(Type.Number())))),
  },
  { description: 'GeoJSON MultiPolygon in WGS84 (RFC 7946)' },
);

const Bbox = Type.Object({
  minLat: Type.Number(),
  minLon: Type.Number(),
  maxLat: Type.Number(),
  maxLon: Type.Number(),
});

const NullableDateOut = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const NoticeVersionResponse = Type.Object({
  version: Type.Integer(),
  status: stringEnum(NOTICE_STATUSES),
  title: LocalizedTextOut,
  body: LocalizedTextOut,
  areas: MultiPolygonOut,
  bbox: Bbox,
  startsAt: Type.String({ format: 'date-time' }),
  expectedEndAt: NullableDateOut,
  changedBy: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const StaffNoticeResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kommunenummer: Type.String(),
  type: stringEnum(NOTICE_TYPES),
  status: stringEnum(NOTICE_STATUSES),
  version: Type.Integer({ description: 'The latest version' }),
  title: LocalizedTextOut,
  body: LocalizedTextOut,
  areas: MultiPolygonOut,
  bbox: Bbox,
  startsAt: Type.String({ format: 'date-time' }),
  expectedEndAt: NullableDateOut,
  endedAt: NullableDateOut,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  versions: Type.Optional(Type.Array(NoticeVersionResponse, { description: 'Every version, oldest first' })),
});

export const PublicNoticesQuery = Type.Object({
  active: Type.Optional(
    Type.Boolean({ description: 'Only published notices that have not ended: active and upcoming' }),
  ),
  lang: Type.Optional(stringEnum(LANGUAGES)),
});

export const PublicNotice = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: stringEnum(NOTICE_TYPES),
  status: stringEnum(['published', 'ended'] as const),
  version: Type.Integer({ description: 'Bumped on every change' }),
  lifted: Type.Boolean({ description: 'A boil-water advice that has been lifted' }),
  title: Type.String({ description: 'In the asked language, else bokmål' }),
  body: Type.String({ description: 'In the asked language, else bokmål' }),
  startsAt: Type.String({ format: 'date-time' }),
  expectedEndAt: NullableDateOut,
  endedAt: NullableDateOut,
  areas: MultiPolygonOut,
  updatedAt: Type.String({ format: 'date-time' }),
});

export const PublicNoticesResponse = Type.Object({
  language: stringEnum(LANGUAGES),
  notices: Type.Array(PublicNotice),
});

export const FeedParams = Type.Object({ site: Type.String({ maxLength: 64, pattern: '^[a-z0-9-]{1,64}$' }) });
export const FeedQuery = Type.Object({ lang: Type.Optional(stringEnum(LANGUAGES)) });

// Request and response schemas of the public reports API: validation, serialisation, the
// OpenAPI document and the TypeScript types all come from these objects.
import { Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { MAX_DESCRIPTION_LENGTH } from './check-report.ts';
import { REFERENCE_PATTERN } from './reference.ts';
import { NOTIFY_CHANNELS, REPORT_EVENT_KINDS, REPORT_STATUSES } from './statuses.ts';

const Location = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude, WGS84 (EPSG:4326)' }),
    lon: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude, WGS84 (EPSG:4326)' }),
  },
  { additionalProperties: false },
);

const AnswerValue = Type.Union([
  Type.String({ maxLength: 1000 }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
]);

export const CreateReportBody = Type.Object(
  {
    category: Type.String({
      minLength: 1,
      maxLength: 100,
      format: 'single-line',
      description: 'Category code (Open311 service_code)',
    }),
    municipality: Type.Optional(
      Type.String({
        pattern: '^[0-9]{4}$',
        description: 'Kommunenummer; derived from the location when absent',
      }),
    ),
    location: Type.Optional(Location),
    address: Type.Optional(
      Type.String({
        maxLength: 500,
        format: 'single-line',
        description: 'Address or a description of the place. With `municipality`, it can replace `location`.',
      }),
    ),
    description: Type.String({
      maxLength: MAX_DESCRIPTION_LENGTH * 2,
      format: 'multi-line',
      description: `1–${MAX_DESCRIPTION_LENGTH} characters; line breaks and tabs allowed, other control characters not`,
    }),
    answers: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), AnswerValue, {
        description: "Answers to the category's extra questions, by question code",
        maxProperties: 50,
      }),
    ),
    contact: Type.Optional(
      Type.Object({
        // One line each: no control characters, tabs or line breaks.
        name: Type.Optional(Type.String({ maxLength: 200, format: 'single-line' })),
        email: Type.Optional(Type.String({ maxLength: 254, format: 'single-line' })),
        phone: Type.Optional(Type.String({ maxLength: 40, format: 'single-line' })),
        notify: Type.Optional(stringEnum(NOTIFY_CHANNELS)),
        language: Type.Optional(stringEnum(LANGUAGES)),
      }),
    ),
  },
  { $id: 'CreateReport' },
);

export const CreatedReportResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  ref: Type.String({ description: 'Human-readable reference, e.g. 4001-2026-00123' }),
  status: stringEnum(REPORT_STATUSES),
  acute: Type.Boolean({ description: 'True when the reporter should also phone the on-call number' }),
  trackingToken: Type.String({ description: 'Private to the reporter; shown once, stored only as a hash' }),
  trackingUrl: Type.String(),
});

const Summary = {
  ref: Type.String(),
  municipality: Type.Object({ kommunenummer: Type.String(), name: Type.String() }),
  category: Type.Object({ code: Type.String(), name: Type.String(), group: Type.String() }),
  status: stringEnum(REPORT_STATUSES),
  statusText: Type.String(),
  open: Type.Boolean(),
  acute: Type.Boolean(),
  location: Type.Union(
    [
      Type.Object({
        lat: Type.Number(),
        lon: Type.Number(),
        approximate: Type.Boolean({
          description:
            'True where the category shows only the area (reports about a home): the point is the middle of a grid cell at least 500 m across, not the true place.',
        }),
      }),
      Type.Null(),
    ],
    {
      description:
        "Null without a point, or where the category shows no place; the reporter's own view (with `token`) is exact",
    },
  ),
  address: Type.Union([Type.String(), Type.Null()], {
    description: 'Null where the category shows only the area or no place (unless `token` is given)',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

export const PublicReportSummary = Type.Object(Summary);

export const PublicReportResponse = Type.Object({
  ...Summary,
  description: Type.Union([Type.String(), Type.Null()], {
    description: 'Null where the category keeps descriptions private',
  }),
  dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  photos: Type.Array(
    Type.Object({
      url: Type.String({ description: 'At most 2048 px on the longest side, WebP' }),
      thumbUrl: Type.String({ description: 'At most 480 px on the longest side, WebP' }),
      width: Type.Integer(),
      height: Type.Integer(),
    }),
    {
      description:
        'In the order they were attached. Empty where the category keeps descriptions private, unless the tracking token is given; the URLs then carry it.',
    },
  ),
  history: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      kind: stringEnum(REPORT_EVENT_KINDS),
      status: Type.Union([stringEnum(REPORT_STATUSES), Type.Null()]),
      statusText: Type.Union([Type.String(), Type.Null()]),
      message: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  reporter: Type.Optional(
    Type.Union([
      Type.Object(
        {
          name: Type.Union([Type.String(), Type.Null()]),
          email: Type.Union([Type.String(), Type.Null()]),
          phone: Type.Union([Type.String(), Type.Null()]),
          notify: stringEnum(NOTIFY_CHANNELS),
          language: Type.String(),
        },
        { description: 'Only with the right tracking token' },
      ),
      Type.Null(),
    ]),
  ),
});

export const ReportRefParams = Type.Object({
  ref: Type.String({ pattern: REFERENCE_PATTERN, maxLength: 30 }),
});

export const TrackingQuery = Type.Object({
  token: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'The tracking token from the receipt' }),
  ),
  lang: Type.Optional(stringEnum(LANGUAGES)),
});

export const ListReportsQuery = Type.Object({
  bbox: Type.Optional(Type.String({ maxLength: 200, description: 'minLon,minLat,maxLon,maxLat (WGS84)' })),
  municipality: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
  status: Type.Optional(
    Type.String({ description: 'Comma-separated statuses, or "open" / "closed"', maxLength: 300 }),
  ),
  category: Type.Optional(Type.String({ maxLength: 100 })),
  group: Type.Optional(Type.String({ maxLength: 100, description: 'Category group code, e.g. "vann"' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  lang: Type.Optional(stringEnum(LANGUAGES)),
});

export const ReportPageResponse = Type.Object({
  reports: Type.Array(PublicReportSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

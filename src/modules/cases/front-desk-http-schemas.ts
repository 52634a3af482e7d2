// Request and response schemas of the front-desk endpoints (docs/staff-api.md, "Front desk").
import { Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { MAX_DESCRIPTION_LENGTH } from '../reports/check-report.ts';
import { NOTIFY_CHANNELS, REPORT_STATUSES } from '../reports/statuses.ts';
import { InboxItemSchema } from './present-inbox-item.ts';
import { FRONT_DESK_CHANNELS } from './register-front-desk-report.ts';

export const MunicipalityParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }),
});

export const AnswerValue = Type.Union([
  Type.String({ maxLength: 1000 }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
]);

export const FrontDeskReportBody = Type.Object({
  channel: stringEnum(FRONT_DESK_CHANNELS, { description: 'How the caller reached us' }),
  categoryId: Type.String({ format: 'uuid' }),
  description: Type.String({
    maxLength: MAX_DESCRIPTION_LENGTH * 2,
    description: `1–${MAX_DESCRIPTION_LENGTH} characters`,
  }),
  address: Type.Optional(
    Type.String({
      maxLength: 500,
      description: 'Address or a description of the place; needed without lat/lon',
    }),
  ),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'WGS84; give with lon' })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'WGS84; give with lat' })),
  answers: Type.Optional(
    Type.Record(Type.String({ maxLength: 100 }), AnswerValue, {
      description: "Answers to the category's extra questions, by question code",
      maxProperties: 50,
    }),
  ),
  contact: Type.Object({
    name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    notify: stringEnum(NOTIFY_CHANNELS, { description: 'How the caller wants to hear back' }),
  }),
  language: stringEnum(LANGUAGES, { description: "The caller's language for the receipt and updates" }),
});

export const FrontDeskReportResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  ref: Type.String({ description: 'Reference to read out to the caller, e.g. 4001-2026-00123' }),
});

export const CallerLookupBody = Type.Object({
  phone: Type.Optional(Type.String({ maxLength: 40, description: 'Any common Norwegian format' })),
  email: Type.Optional(Type.String({ maxLength: 254 })),
});

export const CallerReportsResponse = Type.Object({
  reports: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      ref: Type.String(),
      status: stringEnum(REPORT_STATUSES),
      category: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
      createdAt: Type.String({ format: 'date-time' }),
      address: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const NearbyQuery = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  categoryId: Type.String({ format: 'uuid' }),
});

export const NearbyReportsResponse = Type.Object({
  reports: Type.Array(
    Type.Object({
      ...InboxItemSchema.properties,
      distanceMeters: Type.Integer({ description: 'From the given point, in metres' }),
    }),
  ),
});

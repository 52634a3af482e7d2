// Request and response schemas of the staff subscriber routes.
import { type Static, Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { LANGUAGES } from '../../shared/language.ts';

export const SUBSCRIBERS_PREFIX = '/api/v1/staff/m/:kommunenummer/subscribers';
export const SUBSCRIBER_TAGS = ['staff: subscribers'];
/** The CSV import's largest file. */
export const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

export const KommunenummerParams = Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) });
export const SubscriberParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }),
  id: Type.String({ format: 'uuid' }),
});

export const SubscriberListQuery = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 200, format: 'single-line', description: 'Part of the address' }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  includeUnsubscribed: Type.Optional(Type.Boolean({ default: false })),
});

const Channel = Type.Object({
  given: Type.Boolean(),
  confirmed: Type.Boolean(),
});

export const SubscriberSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  address: Type.Union([Type.String(), Type.Null()]),
  lat: Type.Number(),
  lon: Type.Number(),
  language: stringEnum(LANGUAGES),
  source: stringEnum(['web', 'import', 'staff'] as const),
  email: Channel,
  sms: Channel,
  vulnerable: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  unsubscribedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type SubscriberSummaryView = Static<typeof SubscriberSummary>;

export const SubscriberList = Type.Object({
  subscribers: Type.Array(SubscriberSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Live subscribers with a confirmed channel, for the whole municipality. */
  confirmedEmail: Type.Integer(),
  confirmedSms: Type.Integer(),
});

/** Contact details are present only for roles that may see them (case.read_contact). */
export const SubscriberDetail = Type.Object({
  ...SubscriberSummary.properties,
  contactVisible: Type.Boolean(),
  emailAddress: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  phoneNumber: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  contactName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  vulnerableNote: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type SubscriberDetailView = Static<typeof SubscriberDetail>;

export const SubscriberCreateBody = Type.Object(
  {
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 200, format: 'single-line' })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    email: Type.Optional(Type.String({ maxLength: 254, format: 'single-line' })),
    phone: Type.Optional(Type.String({ maxLength: 40, format: 'single-line' })),
    language: stringEnum(LANGUAGES),
    consent: Type.Literal(true, {
      description: 'The resident consented at the desk; recorded in the audit log',
    }),
    contactName: Type.Optional(Type.String({ maxLength: 200, format: 'single-line' })),
    vulnerable: Type.Optional(Type.Boolean()),
    vulnerableNote: Type.Optional(Type.String({ maxLength: 1000, format: 'multi-line' })),
  },
  { additionalProperties: false },
);
export type SubscriberCreate = Static<typeof SubscriberCreateBody>;

export const VulnerableBody = Type.Object(
  {
    vulnerable: Type.Boolean(),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 1000, format: 'multi-line' }), Type.Null()])),
    contactName: Type.Optional(
      Type.Union([Type.String({ maxLength: 200, format: 'single-line' }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);
export type VulnerableInput = Static<typeof VulnerableBody>;

export const ImportResult = Type.Object({
  lines: Type.Integer({ description: 'Data lines read (the header not counted)' }),
  accepted: Type.Integer(),
  alreadyThere: Type.Integer(),
  rejected: Type.Integer(),
  rejectedLines: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() }), {
    description: 'At most the first 1,000',
  }),
  milliseconds: Type.Integer(),
});
export type ImportResultView = Static<typeof ImportResult>;

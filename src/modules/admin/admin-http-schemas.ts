// Request and response schemas of the administration API, for validation, serialisation and the
// OpenAPI document. Response schemas list every field: Fastify drops what they do not name.
import { type Static, type TSchema, Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { LANGUAGES, MUNICIPAL_LANGUAGES } from '../../shared/language.ts';
import { STAFF_ROLES } from '../accounts/roles.ts';
import { QUESTION_TYPES } from '../categories/questions.ts';
import { PUBLIC_LOCATIONS } from '../categories/schema.ts';
import { NOTICE_TYPES } from '../notices/schema.ts';
import { REPORT_STATUSES } from '../reports/statuses.ts';

export const ADMIN_PREFIX = '/api/v1/staff/m/:kommunenummer/admin';
export const ADMIN_TAGS = ['staff: administration'];

/**
 * A value or null, with null first: the app's Ajv coerces types, and with the value's own schema
 * first it would turn null into "" or 0 before the null branch is tried. This way null stays null
 * (and only "", 0 or false become null, which means "none" for every nullable field here).
 */
export function nullable<T extends TSchema>(schema: T) {
  return Type.Union([Type.Null(), schema]);
}

export const Code = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  minLength: 1,
  maxLength: 60,
  description: 'Stable code: lower-case a–z, digits and hyphens between words. Cannot be changed later.',
});

export const LocalizedTextSchema = Type.Object(
  {
    nb: Type.String({ minLength: 1, maxLength: 2000 }),
    nn: Type.Optional(Type.String({ maxLength: 2000 })),
    en: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false, description: 'Bokmål required; nynorsk and English optional' },
);

export const KommunenummerParams = Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) });
export const IdParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }),
  id: Type.String({ format: 'uuid' }),
});

const SettingsFields = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  slug: Type.String({ minLength: 1, maxLength: 60, description: 'The public address: /{slug}' }),
  languages: Type.Array(stringEnum(LANGUAGES), { minItems: 1, maxItems: 3, uniqueItems: true }),
  defaultLanguage: stringEnum(MUNICIPAL_LANGUAGES),
  logoUrl: nullable(Type.String({ maxLength: 500 })),
  brandColor: Type.String({
    pattern: '^#[0-9a-fA-F]{6}$',
    description: '#rrggbb; white text on it must reach WCAG AA contrast (4.5:1)',
  }),
  onCallPhone: nullable(Type.String({ maxLength: 40 })),
  contactEmail: nullable(Type.String({ maxLength: 254 })),
  enabled: Type.Boolean({ description: 'Whether residents can report in this municipality' }),
};
export const SettingsBody = Type.Object(SettingsFields, { additionalProperties: false });
export type SettingsInput = Static<typeof SettingsBody>;
export const SettingsResponse = Type.Object({ kommunenummer: Type.String(), ...SettingsFields });

const GroupFields = {
  name: LocalizedTextSchema,
  sortOrder: Type.Integer({ minimum: 0, maximum: 100_000 }),
  active: Type.Boolean(),
};
export const GroupCreateBody = Type.Object(
  {
    code: Code,
    name: GroupFields.name,
    sortOrder: Type.Optional(GroupFields.sortOrder),
    active: Type.Optional(GroupFields.active),
  },
  { additionalProperties: false },
);
export const GroupUpdateBody = Type.Partial(Type.Object(GroupFields, { additionalProperties: false }));
export const GroupResponse = Type.Object({ id: Type.String(), code: Type.String(), ...GroupFields });

const QuestionSchema = Type.Object(
  {
    code: Code,
    type: stringEnum(QUESTION_TYPES),
    required: Type.Boolean(),
    label: LocalizedTextSchema,
    help: Type.Optional(LocalizedTextSchema),
    options: Type.Optional(
      Type.Array(
        Type.Object(
          { code: Code, label: LocalizedTextSchema, acute: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);

const CategoryFields = {
  groupId: Type.String({ format: 'uuid' }),
  name: LocalizedTextSchema,
  help: nullable(LocalizedTextSchema),
  acute: Type.Boolean({ description: 'The reporter is told to phone the on-call number too' }),
  contactRequired: Type.Boolean(),
  publicDescription: Type.Boolean({ description: 'Whether descriptions may be shown to the public' }),
  publicLocation: stringEnum(PUBLIC_LOCATIONS, {
    description:
      'How much of the place the public sees: exact (point and address), coarse (only a 500 m area, no address) or hidden (no place). The reporter always sees it all.',
  }),
  questions: Type.Array(QuestionSchema, { maxItems: 20 }),
  defaultTeamId: nullable(Type.String({ format: 'uuid' })),
  deadlineHours: nullable(Type.Integer({ minimum: 1, maximum: 24 * 365 })),
  nearbyRadiusMeters: Type.Integer({ minimum: 0, maximum: 5000 }),
  noticeTypes: Type.Array(stringEnum(NOTICE_TYPES), {
    uniqueItems: true,
    maxItems: NOTICE_TYPES.length,
    description:
      'Notice types that explain a report in this category: a new report inside such an active notice is linked to it and told so',
  }),
  incidentMinReports: nullable(
    Type.Integer({
      minimum: 2,
      maximum: 1000,
      description:
        'Incident rule: this many reports within the radius within the window raise an incident (null: no rule)',
    }),
  ),
  incidentRadiusMeters: Type.Integer({ minimum: 10, maximum: 5000 }),
  incidentWindowMinutes: Type.Integer({ minimum: 5, maximum: 10_080 }),
  sortOrder: Type.Integer({ minimum: 0, maximum: 100_000 }),
  active: Type.Boolean({ description: 'false deactivates: hidden from residents, kept for old reports' }),
};
export const CategoryUpdateBody = Type.Partial(Type.Object(CategoryFields, { additionalProperties: false }));
export type CategoryChanges = Static<typeof CategoryUpdateBody>;
export const CategoryCreateBody = Type.Intersect([
  Type.Object({ code: Code, groupId: CategoryFields.groupId, name: CategoryFields.name }),
  Type.Partial(Type.Object(CategoryFields)),
]);
export type CategoryCreateInput = Static<typeof CategoryCreateBody>;
export const CategoryResponse = Type.Object({
  id: Type.String(),
  code: Type.String(),
  ...CategoryFields,
  updatedAt: Type.String({ format: 'date-time' }),
});
export const ReorderBody = Type.Object({
  ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500 }),
});

export const TeamCreateBody = Type.Object(
  { code: Code, name: Type.String({ minLength: 1, maxLength: 120 }) },
  { additionalProperties: false },
);
export const TeamUpdateBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 120 }) },
  { additionalProperties: false },
);
export const TeamResponse = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

const Roles = Type.Array(stringEnum(STAFF_ROLES), { uniqueItems: true, maxItems: 5 });
const TeamIds = Type.Array(Type.String({ format: 'uuid' }), { uniqueItems: true, maxItems: 100 });
export const UserUpdateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    email: Type.Optional(
      Type.String({ minLength: 3, maxLength: 254, description: 'A platform operator only (403 otherwise)' }),
    ),
    language: Type.Optional(stringEnum(LANGUAGES)),
    roles: Type.Optional(Roles),
    teamIds: Type.Optional(TeamIds),
    active: Type.Optional(Type.Boolean({ description: 'false ends every session of the account' })),
  },
  { additionalProperties: false },
);
export type UserChanges = Static<typeof UserUpdateBody>;
export const UserResponse = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  language: stringEnum(LANGUAGES),
  active: Type.Boolean(),
  roles: Type.Array(stringEnum(STAFF_ROLES)),
  teams: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  hasPassword: Type.Boolean(),
  oidcLinked: Type.Boolean(),
  accountEditable: Type.Boolean({
    description:
      'Whether you may change the name, language and activity (you are an administrator of every municipality the account works for)',
  }),
});

const TemplateFields = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  status: nullable(stringEnum(REPORT_STATUSES)),
  categoryId: nullable(Type.String({ format: 'uuid' })),
  body: LocalizedTextSchema,
  sortOrder: Type.Integer({ minimum: 0, maximum: 100_000 }),
  active: Type.Boolean(),
};
export const TemplateCreateBody = Type.Intersect([
  Type.Object({ name: TemplateFields.name, body: TemplateFields.body }),
  Type.Partial(Type.Object(TemplateFields)),
]);
export const TemplateUpdateBody = Type.Partial(Type.Object(TemplateFields, { additionalProperties: false }));
export type TemplateChanges = Static<typeof TemplateUpdateBody>;
export const TemplateResponse = Type.Object({ id: Type.String(), ...TemplateFields });

const ReportLinkFields = {
  label: LocalizedTextSchema,
  lat: nullable(Type.Number({ minimum: -90, maximum: 90 })),
  lon: nullable(Type.Number({ minimum: -180, maximum: 180 })),
  address: nullable(Type.String({ maxLength: 300 })),
  assetRef: nullable(Type.String({ maxLength: 100, description: 'The asset, e.g. hydrant BH-0417' })),
  suggestedCategories: Type.Array(Code, { maxItems: 20, description: 'Category codes offered first' }),
  active: Type.Boolean(),
};
export const ReportLinkCreateBody = Type.Intersect([
  Type.Object({
    label: ReportLinkFields.label,
    code: Type.Optional(
      Type.String({ pattern: '^[A-Za-z0-9_-]{3,40}$', description: 'Generated when left out' }),
    ),
  }),
  Type.Partial(Type.Object(ReportLinkFields)),
]);
export const ReportLinkUpdateBody = Type.Partial(
  Type.Object(ReportLinkFields, { additionalProperties: false }),
);
export type ReportLinkChanges = Static<typeof ReportLinkUpdateBody>;
export const ReportLinkResponse = Type.Object({
  id: Type.String(),
  code: Type.String(),
  ...ReportLinkFields,
  url: Type.String({ description: 'The address the QR code holds' }),
  qrCodeUrl: Type.String(),
  assetId: nullable(Type.String({ format: 'uuid', description: 'The registered asset the sticker is on' })),
  scanCount: Type.Integer(),
  scansByDay: Type.Array(Type.Integer({ minimum: 0 }), {
    minItems: 30,
    maxItems: 30,
    description: 'Scans on each of the last 30 days (Europe/Oslo), oldest first, today last',
  }),
  lastScannedAt: nullable(Type.String({ format: 'date-time' })),
});

export const AuditQuery = Type.Object({
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const AuditResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      action: Type.String(),
      entityType: Type.String(),
      entityId: Type.String(),
      actor: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
      before: Type.Unknown(),
      after: Type.Unknown(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
  nextCursor: nullable(Type.String()),
});

export const OidcSettingsBody = Type.Object(
  {
    issuer: Type.String({ minLength: 8, maxLength: 500 }),
    clientId: Type.String({ minLength: 1, maxLength: 300 }),
    clientSecret: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1000,
        description: 'Write-only; leave out to keep the stored one',
      }),
    ),
    label: Type.String({ minLength: 1, maxLength: 80 }),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type OidcSettingsInput = Static<typeof OidcSettingsBody>;
export const OidcSettingsResponse = Type.Object({
  configured: Type.Boolean(),
  issuer: nullable(Type.String()),
  clientId: nullable(Type.String()),
  label: nullable(Type.String()),
  enabled: Type.Boolean(),
  hasClientSecret: Type.Boolean({ description: 'The secret itself is never returned' }),
  redirectUri: Type.String({ description: 'Register this at the identity provider' }),
});

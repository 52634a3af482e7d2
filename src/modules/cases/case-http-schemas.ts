// Request and response schemas of the case view and its actions (docs/staff-api.md "Case").
import { Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { NOTIFY_CHANNELS, PRIORITIES, REPORT_EVENT_KINDS, REPORT_STATUSES } from '../reports/statuses.ts';
import { MAX_BULK_IDS } from './bulk-update.ts';
import { CASE_ACTIONS } from './present-case.ts';
import { InboxItemSchema } from './present-inbox-item.ts';

const Uuid = Type.String({ format: 'uuid' });
const Version = Type.String({
  format: 'date-time',
  maxLength: 40,
  description: "The case's `version` as last read; a stale one answers 409 conflict and changes nothing.",
});
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const CaseParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }),
  // Not `format: uuid`: a malformed id is just an id that does not exist (404).
  id: Type.String({ minLength: 1, maxLength: 100 }),
});

export const CasePhotoParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }),
  id: Type.String({ minLength: 1, maxLength: 100 }),
  photoId: Type.String({ minLength: 1, maxLength: 100 }),
  variant: stringEnum(['large.webp', 'thumb.webp'] as const),
});

export const MunicipalityParams = Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) });

const HistoryEntry = Type.Object({
  id: Type.String(),
  kind: stringEnum(REPORT_EVENT_KINDS),
  public: Type.Boolean({ description: "Shown on the resident's tracking page" }),
  status: Nullable(stringEnum(REPORT_STATUSES)),
  message: Nullable(Type.String()),
  actor: Type.Union([
    Type.Object({ id: Type.String(), name: Type.String() }),
    Type.Object({ kind: stringEnum(['reporter', 'system'] as const) }),
  ]),
  details: Nullable(
    Type.Object({
      before: Nullable(Type.Record(Type.String(), Type.Unknown())),
      after: Nullable(Type.Record(Type.String(), Type.Unknown())),
    }),
  ),
  createdAt: Type.String({ format: 'date-time' }),
});

export const CaseResponse = Type.Object({
  ...InboxItemSchema.properties,
  description: Type.String({ description: 'In full' }),
  answers: Type.Array(Type.Object({ question: Type.String(), answer: Type.String() })),
  photos: Type.Array(
    Type.Object({
      url: Type.String(),
      thumbnailUrl: Type.String(),
      width: Type.Integer(),
      height: Type.Integer(),
      internal: Type.Boolean({ description: 'Added by staff (a crew’s photo): never shown to the public' }),
    }),
  ),
  assetRef: Nullable(Type.String()),
  asset: Nullable(
    Type.Object(
      { id: Type.String(), externalId: Type.String(), name: Type.String() },
      { description: 'The registered asset (hydrant, pumping station…) the report is about' },
    ),
  ),
  mergedInto: Nullable(Type.Object({ id: Type.String(), ref: Type.String() })),
  duplicates: Type.Array(Type.Object({ id: Type.String(), ref: Type.String() })),
  linkedNotices: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String({ description: "In the staff member's language" }),
      status: stringEnum(['draft', 'published', 'ended'] as const),
      linkedAt: Type.String({ format: 'date-time' }),
      automatic: Type.Boolean({ description: 'Linked by the system at intake, not by staff' }),
    }),
    { description: 'Notices that explain this report' },
  ),
  forwardedTo: Nullable(Type.String()),
  forwardedToEmail: Nullable(Type.String()),
  needsCaseHandling: Type.Boolean(),
  followersCount: Type.Integer(),
  hasContact: Type.Boolean(),
  version: Type.String({ description: 'Send back with the next change (updatedAt to the microsecond)' }),
  history: Type.Array(HistoryEntry),
  allowed: Type.Object(
    Object.fromEntries(CASE_ACTIONS.map((action) => [action, Type.Boolean()])) as Record<
      string,
      ReturnType<typeof Type.Boolean>
    >,
    { description: 'Which actions this staff member may take on this case' },
  ),
});

export const ContactResponse = Type.Object({
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  notify: stringEnum(NOTIFY_CHANNELS),
  language: Nullable(Type.String()),
});

export const StatusBody = Type.Object({
  status: stringEnum(REPORT_STATUSES),
  version: Version,
  reply: Type.Optional(Type.String({ maxLength: 4000, description: 'A public reply sent with the change' })),
});

export const PriorityBody = Type.Object({
  priority: stringEnum(PRIORITIES),
  dueAt: Nullable(Type.String({ format: 'date-time', maxLength: 40 })),
  version: Version,
});

export const AssignmentBody = Type.Object({
  teamId: Nullable(Uuid),
  assigneeId: Nullable(Uuid),
  version: Version,
});

export const ReplyBody = Type.Object({ message: Text(4000), version: Version });

export const NoteBody = Type.Object({ message: Text(4000) });

export const MergeBody = Type.Object({
  duplicateIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }),
  version: Version,
});

export const ForwardBody = Type.Object({
  to: Text(200),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  message: Type.Optional(Type.String({ maxLength: 4000 })),
  version: Version,
});

export const CorrectionBody = Type.Object({
  categoryId: Type.Optional(Uuid),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  address: Type.Optional(Text(300)),
  version: Version,
});

export const CaseHandlingBody = Type.Object({ needed: Type.Boolean(), version: Version });

export const ReplyTemplatesResponse = Type.Object({
  templates: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), text: Type.String() })),
});

export const BulkBody = Type.Object({
  ids: Type.Array(Uuid, { minItems: 1, maxItems: MAX_BULK_IDS }),
  action: Type.Union([
    Type.Object({ type: Type.Literal('assign'), teamId: Nullable(Uuid), assigneeId: Nullable(Uuid) }),
    Type.Object({ type: Type.Literal('status'), status: stringEnum(REPORT_STATUSES) }),
    Type.Object({ type: Type.Literal('reply'), message: Text(4000) }),
  ]),
});

export const BulkResponse = Type.Object({
  updated: Type.Integer(),
  failed: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), message: Type.String() })),
});

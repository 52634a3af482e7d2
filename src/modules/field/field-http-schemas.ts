// Request and answer shapes of the field app's own endpoints (the task list; a report from the field).
import { Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import { AnswerValue } from '../cases/front-desk-http-schemas.ts';
import { MAX_DESCRIPTION_LENGTH } from '../reports/check-report.ts';
import { PRIORITIES, REPORT_STATUSES } from '../reports/statuses.ts';
import { TASK_SCOPES } from './list-field-tasks.ts';

export const TasksQuery = Type.Object({
  scope: Type.Optional(
    stringEnum(TASK_SCOPES, { description: 'mine (default): assigned to me; team: my teams' }),
  ),
});

/** The header that carries where the crew member is, `lat,lon` in WGS84 decimal degrees. */
export const DEVICE_POSITION_HEADER = 'device-position';

/**
 * Where I am travels in a header, not in the URL: a position is personal data, and URLs end up in
 * proxies' and load balancers' access logs. The pattern has no nested or overlapping repetition,
 * so it cannot backtrack; the ranges are checked after parsing.
 */
export const TasksHeaders = Type.Object({
  [DEVICE_POSITION_HEADER]: Type.Optional(
    Type.String({
      maxLength: 40,
      pattern: '^-?[0-9]{1,3}(\\.[0-9]{1,10})?,-?[0-9]{1,3}(\\.[0-9]{1,10})?$',
      description:
        'Where I am, `lat,lon` in WGS84 decimal degrees (e.g. `59.13773,9.65442`), to sort by distance; neither stored nor logged',
    }),
  ),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const FieldTask = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    reference: Type.String(),
    status: stringEnum(REPORT_STATUSES),
    priority: stringEnum(PRIORITIES),
    category: Type.Object({ code: Type.String(), name: Type.String() }),
    title: Type.String({ description: "The description's first line (never contact details)" }),
    lat: Nullable(Type.Number()),
    lon: Nullable(Type.Number()),
    address: Nullable(Type.String()),
    distanceMetres: Nullable(Type.Number({ description: 'From lat/lon in the query; null without them' })),
    assignedToMe: Type.Boolean(),
    team: Nullable(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() })),
    updatedAt: Type.String({ format: 'date-time' }),
    version: Type.String({ description: 'Send back with a status change (409 when stale)' }),
    asset: Nullable(
      Type.Object({ id: Type.String({ format: 'uuid' }), externalId: Type.String(), name: Type.String() }),
    ),
  },
  { description: 'An open report on a crew’s work list' },
);

export const TasksResponse = Type.Object({ tasks: Type.Array(FieldTask) });

/** The Idempotency-Key header of the staff actions the field app queues offline. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '^[A-Za-z0-9_-]{1,100}$',
      description: 'Makes a retry safe: the first answer is returned again',
    }),
  ),
});

/** A report registered by a crew out in the field (channel `felt`). */
export const FieldReportBody = Type.Object({
  category: Type.String({
    minLength: 1,
    maxLength: 100,
    format: 'single-line',
    description: 'Category code',
  }),
  description: Type.String({
    maxLength: MAX_DESCRIPTION_LENGTH * 2,
    description: `1–${MAX_DESCRIPTION_LENGTH} characters`,
  }),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'WGS84; give with lon' })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'WGS84; give with lat' })),
  address: Type.Optional(
    Type.String({
      maxLength: 500,
      description: 'Address or a description of the place; needed without lat/lon',
    }),
  ),
  answers: Type.Optional(
    Type.Record(Type.String({ maxLength: 100 }), AnswerValue, {
      description: "Answers to the category's extra questions, by question code",
      maxProperties: 50,
    }),
  ),
  assetId: Type.Optional(Type.String({ format: 'uuid', description: 'The registered asset it is about' })),
});

export const FieldReportResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String({ description: 'e.g. 4001-2026-00123' }),
});

// Request and response schemas of the notice-template routes and of "new notice from a template".
import { type Static, Type } from 'typebox';
import { stringEnum } from '../../http/schema-helpers.ts';
import {
  AreaInput,
  BodyInput,
  DateTime,
  LocalizedTextOut,
  NullableDateTime,
  TitleInput,
} from './http-schemas.ts';
import { NOTICE_TYPES } from './schema.ts';

export const NOTICE_TEMPLATES_PREFIX = '/api/v1/staff/m/:kommunenummer/notice-templates';

export const NoticeTemplateParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }),
  type: stringEnum(NOTICE_TYPES),
});

export const NoticeTemplateResponse = Type.Object({
  type: stringEnum(NOTICE_TYPES),
  title: LocalizedTextOut,
  body: LocalizedTextOut,
  edited: Type.Boolean({ description: 'False while the municipality has the shipped wording' }),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const NoticeTemplateListResponse = Type.Object({
  templates: Type.Array(NoticeTemplateResponse),
  placeholders: Type.Array(Type.String(), { description: 'Filled when a notice is made from a template' }),
});

export const NoticeTemplateBody = Type.Object(
  { title: TitleInput, body: BodyInput },
  {
    additionalProperties: false,
    description: 'Placeholders {area} {start} {end} are filled when a notice is made from the template',
  },
);
export type NoticeTemplateInput = Static<typeof NoticeTemplateBody>;

export const NoticeFromTemplateBody = Type.Object(
  {
    type: stringEnum(NOTICE_TYPES),
    areaName: Type.String({
      minLength: 1,
      maxLength: 100,
      format: 'single-line',
      description: 'Fills {area}: the streets or part of town, in words',
    }),
    area: AreaInput,
    startsAt: DateTime,
    expectedEndAt: Type.Optional(NullableDateTime),
  },
  { additionalProperties: false },
);
export type NoticeFromTemplate = Static<typeof NoticeFromTemplateBody>;

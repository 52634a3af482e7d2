import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { askedLanguage } from '../../http/language.ts';
import { stringEnum } from '../../http/schema-helpers.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { listCategoryTree } from './list-category-tree.ts';
import { QUESTION_TYPES } from './questions.ts';

const Question = Type.Object({
  code: Type.String(),
  type: stringEnum(QUESTION_TYPES),
  required: Type.Boolean(),
  label: Type.String(),
  help: Type.Optional(Type.String()),
  options: Type.Optional(
    Type.Array(Type.Object({ code: Type.String(), label: Type.String(), acute: Type.Boolean() })),
  ),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
});

const CategoryTreeResponse = Type.Object({
  municipality: Type.Object({
    kommunenummer: Type.String(),
    name: Type.String(),
    onCallPhone: Type.Union([Type.String(), Type.Null()], {
      description: 'Vakttelefon, for acute categories',
    }),
  }),
  language: stringEnum(LANGUAGES),
  groups: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      categories: Type.Array(
        Type.Object({
          id: Type.String({ format: 'uuid', description: 'For the staff API, which names categories by id' }),
          code: Type.String({ description: 'Stable code; the Open311 service_code' }),
          name: Type.String(),
          help: Type.Optional(Type.String()),
          acute: Type.Boolean({ description: 'Tell the reporter to phone the on-call number too' }),
          contactRequired: Type.Boolean(),
          deadlineHours: Type.Union([Type.Integer(), Type.Null()]),
          questions: Type.Array(Question),
        }),
      ),
    }),
  ),
});

export const categoryRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/v1/municipalities/:kommunenummer/categories',
    {
      schema: {
        tags: ['categories'],
        summary: "A municipality's active category tree",
        description:
          "Names in the language of `?lang=` or `Accept-Language` (nb, nn or en); otherwise in the municipality's own language.",
        params: Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) }),
        querystring: Type.Object({ lang: Type.Optional(stringEnum(LANGUAGES)) }),
        response: {
          200: CategoryTreeResponse,
          400: errorResponseRef,
          404: errorResponseRef,
          410: errorResponseRef,
        },
      },
    },
    async (request) => listCategoryTree(ctx.db.db, request.params.kommunenummer, askedLanguage(request)),
  );
};

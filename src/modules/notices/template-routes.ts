// Notice templates for staff: read them (whoever reads notices), change one (whoever publishes:
// the wording is what residents are told), and start a draft notice from one.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { createNoticeFromTemplate } from './create-from-template.ts';
import { NOTICE_TEMPLATE_PLACEHOLDERS } from './default-notice-templates.ts';
import {
  KommunenummerParams,
  NOTICE_BODY_LIMIT,
  NOTICE_TAGS,
  NOTICES_PREFIX,
  StaffNoticeResponse,
} from './http-schemas.ts';
import { listNoticeTemplates, saveNoticeTemplate } from './notice-templates.ts';
import {
  NOTICE_TEMPLATES_PREFIX,
  NoticeFromTemplateBody,
  NoticeTemplateBody,
  NoticeTemplateListResponse,
  NoticeTemplateParams,
  NoticeTemplateResponse,
} from './template-schemas.ts';

const tags = NOTICE_TAGS;
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };
const changeErrors = { ...errors, 409: errorResponseRef, 413: errorResponseRef, 422: errorResponseRef };

export const noticeTemplateRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;

  app.get(
    NOTICE_TEMPLATES_PREFIX,
    {
      config: { policy: 'notice.read' },
      schema: {
        tags,
        summary: "The municipality's notice template of every type",
        params: KommunenummerParams,
        response: { 200: NoticeTemplateListResponse, ...errors },
      },
    },
    async (request) => ({
      templates: await listNoticeTemplates(db, request.params.kommunenummer),
      placeholders: NOTICE_TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`),
    }),
  );

  app.put(
    `${NOTICE_TEMPLATES_PREFIX}/:type`,
    {
      config: { policy: 'notice.publish' },
      schema: {
        tags,
        summary: "Change the municipality's template of one notice type",
        params: NoticeTemplateParams,
        body: NoticeTemplateBody,
        response: { 200: NoticeTemplateResponse, ...changeErrors },
      },
    },
    async (request) =>
      saveNoticeTemplate(
        db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.params.type,
        request.body,
      ),
  );

  app.post(
    `${NOTICES_PREFIX}/from-template`,
    {
      bodyLimit: NOTICE_BODY_LIMIT,
      config: { policy: 'notice.draft' },
      schema: {
        tags,
        summary: "Create a draft notice from the type's template, {area} {start} {end} filled",
        params: KommunenummerParams,
        body: NoticeFromTemplateBody,
        response: { 201: StaffNoticeResponse, ...changeErrors },
      },
    },
    async (request, reply) => {
      const notice = await createNoticeFromTemplate(
        db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.body,
      );
      return reply.code(201).send(notice);
    },
  );
};

// Notices for staff: list, read with every version, create a draft, change, publish, end.
// Who may do what is in accounts/policies.ts (notice.read, notice.draft, notice.publish).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { createNotice } from './create-notice.ts';
import { endNotice } from './end-notice.ts';
import {
  KommunenummerParams,
  NOTICE_BODY_LIMIT,
  NOTICE_TAGS,
  NOTICES_PREFIX,
  NoticeCreateBody,
  NoticeEndBody,
  NoticeParams,
  NoticeUpdateBody,
  StaffNoticeResponse,
} from './http-schemas.ts';
import { getNotice, listStaffNotices } from './notice-queries.ts';
import { publishNotice } from './publish-notice.ts';
import { updateNotice } from './update-notice.ts';

const tags = NOTICE_TAGS;
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };
const changeErrors = { ...errors, 409: errorResponseRef, 413: errorResponseRef, 422: errorResponseRef };

export const noticeStaffRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;

  app.get(
    NOTICES_PREFIX,
    {
      config: { policy: 'notice.read' },
      schema: {
        tags,
        summary: "The municipality's notices, drafts included, the last changed first (at most 200)",
        params: KommunenummerParams,
        response: { 200: Type.Object({ notices: Type.Array(StaffNoticeResponse) }), ...errors },
      },
    },
    async (request) => ({ notices: await listStaffNotices(db, request.params.kommunenummer) }),
  );

  app.get(
    `${NOTICES_PREFIX}/:id`,
    {
      config: { policy: 'notice.read' },
      schema: {
        tags,
        summary: 'A notice with every version, oldest first',
        params: NoticeParams,
        response: { 200: StaffNoticeResponse, ...errors },
      },
    },
    async (request) => getNotice(db, request.params.kommunenummer, request.params.id),
  );

  app.post(
    NOTICES_PREFIX,
    {
      bodyLimit: NOTICE_BODY_LIMIT,
      config: { policy: 'notice.draft' },
      schema: {
        tags,
        summary: 'Create a notice as a draft (version 1)',
        params: KommunenummerParams,
        body: NoticeCreateBody,
        response: { 201: StaffNoticeResponse, ...changeErrors },
      },
    },
    async (request, reply) => {
      const notice = await createNotice(
        db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.body,
      );
      return reply.code(201).send(notice);
    },
  );

  app.put(
    `${NOTICES_PREFIX}/:id`,
    {
      bodyLimit: NOTICE_BODY_LIMIT,
      config: { policy: 'notice.publish' },
      schema: {
        tags,
        summary: 'Change a draft or a published notice: a new version',
        params: NoticeParams,
        body: NoticeUpdateBody,
        response: { 200: StaffNoticeResponse, ...changeErrors },
      },
    },
    async (request) =>
      updateNotice(
        db,
        staffOf(request).userId,
        request.params.kommunenummer,
        request.params.id,
        request.body,
      ),
  );

  app.post(
    `${NOTICES_PREFIX}/:id/publish`,
    {
      config: { policy: 'notice.publish' },
      schema: {
        tags,
        summary: 'Publish a draft: a new version, shown to the public',
        params: NoticeParams,
        response: { 200: StaffNoticeResponse, ...changeErrors },
      },
    },
    async (request) =>
      publishNotice(db, staffOf(request).userId, request.params.kommunenummer, request.params.id),
  );

  app.post(
    `${NOTICES_PREFIX}/:id/end`,
    {
      config: { policy: 'notice.publish' },
      schema: {
        tags,
        summary: 'End a published notice (a boil-water advice: lifted)',
        description: 'The body may be empty or `{}`; `body` replaces the text of the last version.',
        params: NoticeParams,
        body: Type.Optional(NoticeEndBody),
        response: { 200: StaffNoticeResponse, ...changeErrors },
      },
    },
    async (request) =>
      endNotice(db, staffOf(request).userId, request.params.kommunenummer, request.params.id, request.body),
  );
};

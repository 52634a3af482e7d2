// How a notice reached its subscribers, for staff: the counts per version (notice.read), and the
// vulnerable call list with names and phone numbers (case.read_contact, every look audited).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { stringEnum } from '../../http/schema-helpers.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { NOTICE_TAGS, NOTICES_PREFIX, NoticeParams } from './http-schemas.ts';
import { getNoticeDelivery, viewCallList } from './notice-delivery.ts';

const tags = NOTICE_TAGS;
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };

const Count = Type.Integer({ minimum: 0 });

export const NoticeDeliveryResponse = Type.Object({
  versions: Type.Array(
    Type.Object({
      version: Type.Integer({ minimum: 1 }),
      state: stringEnum(['pending', 'running', 'finished'] as const, {
        description: 'pending: no batch yet; running: messages being written; finished: all written',
      }),
      createdAt: Type.String({ format: 'date-time' }),
      finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      targeted: Type.Integer({
        minimum: 0,
        description: 'Messages written (subscriber × confirmed channel)',
      }),
      queued: Count,
      sent: Count,
      delivered: Count,
      failed: Count,
      outbox: Type.Integer({ minimum: 0, description: 'No provider configured: kept in the outbox' }),
    }),
    { description: 'Every version that went to subscribers, newest first' },
  ),
  inProgress: Type.Boolean({ description: 'Messages are still being written or sent' }),
  callAfterMinutes: Type.Integer({ minimum: 0 }),
});

export const NoticeCallListResponse = Type.Object({
  version: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  callAfterMinutes: Type.Integer({ minimum: 0 }),
  waiting: Type.Integer({ minimum: 0, description: 'Unconfirmed vulnerable subscribers not yet due' }),
  calls: Type.Array(
    Type.Object({
      subscriberId: Type.String({ format: 'uuid' }),
      name: Type.Union([Type.String(), Type.Null()]),
      phone: Type.Union([Type.String(), Type.Null()]),
      address: Type.Union([Type.String(), Type.Null()]),
      note: Type.Union([Type.String(), Type.Null()]),
      messages: Type.Array(
        Type.Object({
          channel: stringEnum(['email', 'sms'] as const),
          status: stringEnum(['queued', 'sent', 'delivered', 'failed', 'outbox'] as const),
        }),
      ),
    }),
  ),
});

export const noticeDeliveryRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;
  const minutes = ctx.config.vulnerableCallAfterMinutes;

  app.get(
    `${NOTICES_PREFIX}/:id/delivery`,
    {
      config: { policy: 'notice.read' },
      schema: {
        tags,
        summary: "How the notice reached its subscribers: each version's messages by status",
        params: NoticeParams,
        response: { 200: NoticeDeliveryResponse, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getNoticeDelivery(db, request.params.kommunenummer, request.params.id, minutes);
    },
  );

  app.get(
    `${NOTICES_PREFIX}/:id/call-list`,
    {
      config: { policy: 'case.read_contact' },
      schema: {
        tags,
        summary:
          'Vulnerable subscribers of the latest version without a delivery confirmation, to call (every look is audited)',
        description:
          'Listed once CALL_LIST_AFTER_MINUTES have passed since their messages were written. Only an SMS delivery report confirms delivery; an email that was sent does not.',
        params: NoticeParams,
        response: { 200: NoticeCallListResponse, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return db.transaction((tx) =>
        viewCallList(tx, staffOf(request).userId, request.params.kommunenummer, request.params.id, minutes),
      );
    },
  );
};

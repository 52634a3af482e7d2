// Back office: the messages a municipality sent or would have sent. In demo mode (no SMTP or SMS
// gateway) they wait here with status `outbox`; `status=failed` is the failed list with reasons.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { listOutbox } from './list-outbox.ts';

const STATUSES = ['queued', 'sent', 'delivered', 'failed', 'outbox'] as const;
const Nullable = (type: 'string') => Type.Unsafe<string | null>({ type, nullable: true });
const Time = Type.String({ format: 'date-time' });
const NullableTime = Type.Unsafe<string | null>({ type: 'string', format: 'date-time', nullable: true });

const OutboxMessage = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String({
    description: 'receipt, status_changed, public_reply, merged, merged_into, forwarded, done',
  }),
  channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]),
  recipient: Type.String(),
  language: Type.String(),
  subject: Nullable('string'),
  bodyText: Type.String(),
  bodyHtml: Nullable('string'),
  status: Type.Union(STATUSES.map((s) => Type.Literal(s))),
  attempts: Type.Integer(),
  lastError: Nullable('string'),
  report: Type.Unsafe<{ id: string; ref: string } | null>({
    type: 'object',
    nullable: true,
    properties: { id: { type: 'string' }, ref: { type: 'string' } },
  }),
  createdAt: Time,
  sendAfter: Time,
  sentAt: NullableTime,
  deliveredAt: NullableTime,
  failedAt: NullableTime,
});

export const notificationStaffRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/api/v1/staff/m/:kommunenummer/admin/outbox',
    {
      config: { policy: 'admin.outbox' },
      schema: {
        tags: ['staff: administration'],
        summary:
          'Messages to residents, newest first (the outbox in demo mode; status=failed for the failed list)',
        params: Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) }),
        querystring: Type.Object({
          status: Type.Optional(Type.Union(STATUSES.map((s) => Type.Literal(s)))),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          // Optional with a default: a caller may leave it out (the OpenAPI document says so).
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: {
          200: Type.Object({ messages: Type.Array(OutboxMessage), nextCursor: Nullable('string') }),
          400: errorResponseRef,
          401: errorResponseRef,
          403: errorResponseRef,
        },
      },
    },
    async (request) => {
      const { limit = 50, ...query } = request.query;
      const page = await listOutbox(ctx.db.db, request.params.kommunenummer, { ...query, limit });
      return {
        nextCursor: page.nextCursor,
        messages: page.messages.map((m) => ({
          id: m.id,
          kind: m.kind,
          channel: m.channel,
          recipient: m.recipient,
          language: m.language,
          subject: m.subject,
          bodyText: m.body_text,
          bodyHtml: m.body_html,
          status: m.status,
          attempts: m.attempts,
          lastError: m.last_error,
          report: m.report_id && m.report_ref ? { id: m.report_id, ref: m.report_ref } : null,
          createdAt: m.created_at,
          sendAfter: m.send_after,
          sentAt: m.sent_at,
          deliveredAt: m.delivered_at,
          failedAt: m.failed_at,
        })),
      };
    },
  );
};

// Reports linked to a notice, for staff: the list on the notice page, and closing the open ones
// together once the notice has ended. Reading needs notice.read; closing changes cases and sends
// a public reply to every reporter and follower, so it takes notice.publish (case workers).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { askedLanguage } from '../../http/language.ts';
import { stringEnum } from '../../http/schema-helpers.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { REPORT_STATUSES } from '../reports/statuses.ts';
import { closeLinkedReports } from './close-linked-reports.ts';
import { BodyInput, NOTICE_TAGS, NOTICES_PREFIX, NoticeParams } from './http-schemas.ts';
import { listLinkedReports } from './linked-reports.ts';

const tags = NOTICE_TAGS;
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };

const LinkedReportsResponse = Type.Object({
  total: Type.Integer({ description: 'Linked reports in all' }),
  open: Type.Integer({ description: 'Linked reports still open' }),
  reports: Type.Array(
    Type.Object({
      id: Type.String(),
      ref: Type.String(),
      status: stringEnum(REPORT_STATUSES),
      open: Type.Boolean(),
      category: Type.String(),
      address: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String({ format: 'date-time' }),
      linkedAt: Type.String({ format: 'date-time' }),
      automatic: Type.Boolean({ description: 'Linked by the system at intake, not by staff' }),
    }),
    { description: 'Newest link first, at most 500' },
  ),
});

const CloseLinkedBody = Type.Object(
  { reply: BodyInput },
  { additionalProperties: false, description: 'The public reply every closed report gets' },
);

const CloseLinkedResponse = Type.Object({
  closed: Type.Integer({ description: 'Reports closed now, each with the reply' }),
  alreadyClosed: Type.Integer({ description: 'Linked reports that were closed already' }),
  failed: Type.Integer({ description: 'Reports a handler changed at the same moment; try again' }),
});

export const linkedReportRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;

  app.get(
    `${NOTICES_PREFIX}/:id/linked-reports`,
    {
      config: { policy: 'notice.read' },
      schema: {
        tags,
        summary: 'The reports linked to a notice (explained by it)',
        params: NoticeParams,
        response: { 200: LinkedReportsResponse, ...errors },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      return listLinkedReports(
        db,
        request.params.kommunenummer,
        request.params.id,
        askedLanguage(request) ?? staff.language,
      );
    },
  );

  app.post(
    `${NOTICES_PREFIX}/:id/close-linked-reports`,
    {
      config: { policy: 'notice.publish' },
      schema: {
        tags,
        summary: "Close an ended notice's open linked reports, each with one public reply",
        description:
          'Only after the notice has ended (409 before). Each open linked report moves to "work done" ' +
          "with the reply in its reporter's language (bokmål where not given); its reporter and followers are told.",
        params: NoticeParams,
        body: CloseLinkedBody,
        response: { 200: CloseLinkedResponse, ...errors, 409: errorResponseRef, 422: errorResponseRef },
      },
    },
    async (request) =>
      closeLinkedReports(
        db,
        { userId: staffOf(request).userId, kommunenummer: request.params.kommunenummer },
        request.params.id,
        request.body,
      ),
  );
};

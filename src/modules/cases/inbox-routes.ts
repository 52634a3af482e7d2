// The inbox: list, counts, saved filters, live updates (SSE), CSV export.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { stringEnum } from '../../http/schema-helpers.ts';
import { AppError } from '../../shared/errors.ts';
import { may } from '../accounts/policies.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { REPORT_STATUSES } from '../reports/statuses.ts';
import { COUNT_ACCURACIES, countInbox } from './count-inbox.ts';
import { exportInboxCsv } from './export-inbox-csv.ts';
import {
  INBOX_SORTS,
  InboxFilterQuery,
  InboxListQuery,
  inboxFilterProperties,
  resolveFilter,
} from './inbox-filters.ts';
import { INBOX_BASE, INBOX_TAG, inboxLanguage, MunicipalityParams } from './inbox-http.ts';
import { inboxMessages } from './inbox-messages.ts';
import { listInbox } from './list-inbox.ts';
import { liveInboxRoutes } from './live-inbox-routes.ts';
import { InboxItemSchema } from './present-inbox-item.ts';
import { savedFilterRoutes } from './saved-filter-routes.ts';

const InboxPageSchema = Type.Object({
  items: Type.Array(InboxItemSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page' }),
});

/** One count and how exact it is (count-inbox.ts). */
const countSchema = (description?: string) =>
  Type.Object(
    {
      count: Type.Integer({ minimum: 0 }),
      accuracy: stringEnum(COUNT_ACCURACIES, {
        description:
          "`exact`: the count. `moreThan`: there are more than `count`, the limit of exact counting (INBOX_EXACT_COUNT_LIMIT). `about`: an estimate from PostgreSQL's statistics, rounded to two digits.",
      }),
    },
    { additionalProperties: false, ...(description ? { description } : {}) },
  );

const CountsSchema = Type.Object({
  counts: Type.Object(Object.fromEntries(REPORT_STATUSES.map((s) => [s, countSchema()]))),
  total: countSchema(
    'All matching reports except duplicates: the sum of the other counts, as exact as the least exact of them',
  ),
});

const ExportQuery = Type.Object({
  ...inboxFilterProperties,
  sort: Type.Optional(stringEnum(INBOX_SORTS)),
  personal: Type.Optional(
    Type.Boolean({ description: 'Add name, email and phone (needs case.export_personal; logged)' }),
  ),
});

export const inboxRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = INBOX_BASE;

  app.get(
    `${base}/reports`,
    {
      config: { policy: 'inbox.read' },
      schema: {
        tags: [INBOX_TAG],
        summary: "The municipality's reports, filtered and sorted, one page at a time",
        params: MunicipalityParams,
        querystring: InboxListQuery,
        response: {
          200: InboxPageSchema,
          400: errorResponseRef,
          401: errorResponseRef,
          403: errorResponseRef,
        },
      },
    },
    async (request, reply) => {
      const { kommunenummer } = request.params;
      const filter = resolveFilter(request.query, kommunenummer, staffOf(request));
      reply.header('cache-control', 'no-store');
      return listInbox(
        ctx.db.db,
        filter,
        {
          sort: request.query.sort ?? '-created',
          limit: request.query.limit ?? 50,
          cursor: request.query.cursor,
        },
        inboxLanguage(request),
      );
    },
  );

  app.get(
    `${base}/reports/counts`,
    {
      config: { policy: 'inbox.read' },
      schema: {
        tags: [INBOX_TAG],
        summary: 'How many reports per status match the filters (all but status)',
        description:
          "Exact up to INBOX_EXACT_COUNT_LIMIT (10,000) reports a status; above it a count is `moreThan` the limit. Where no index leads from the filters to each status (free text, channel, acute, overdue, or two of team, assignee and category), the counts are exact while all the matches together are within the limit, and otherwise each is `about`: the query planner's estimate. See docs/staff-api.md.",
        params: MunicipalityParams,
        querystring: InboxFilterQuery,
        response: { 200: CountsSchema, 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef },
      },
    },
    async (request, reply) => {
      const filter = resolveFilter(request.query, request.params.kommunenummer, staffOf(request));
      reply.header('cache-control', 'no-store');
      return countInbox(ctx.db.db, filter, ctx.config.inboxExactCountLimit);
    },
  );

  app.get(
    `${base}/reports/export.csv`,
    {
      config: { policy: 'case.export' },
      schema: {
        tags: [INBOX_TAG],
        summary: 'Every report matching the filters as CSV (UTF-8 with BOM, `;` separated)',
        description:
          "With `personal=true` the reporter's name, email and phone are added; that needs the case.export_personal policy and is written to the audit log.",
        params: MunicipalityParams,
        querystring: ExportQuery,
        produces: ['text/csv'],
        response: {
          200: Type.String({ description: 'CSV' }),
          400: errorResponseRef,
          401: errorResponseRef,
          403: errorResponseRef,
        },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const { kommunenummer } = request.params;
      const personal = request.query.personal === true;
      if (personal && !may(staff, 'case.export_personal', kommunenummer)) {
        throw new AppError(403, 'forbidden', inboxMessages.exportPersonalForbidden());
      }
      const filter = resolveFilter(request.query, kommunenummer, staff);
      if (personal) {
        const { lang: _lang, personal: _personal, ...query } = request.query;
        await recordAudit(ctx.db.db, {
          kommunenummer,
          actorId: staff.userId,
          action: 'report.export_personal',
          entityType: 'municipality',
          entityId: kommunenummer,
          after: { query },
        });
      }
      const day = new Date().toISOString().slice(0, 10);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="meldinger-${kommunenummer}-${day}.csv"`)
        .header('cache-control', 'no-store');
      const rows = exportInboxCsv(ctx.db.db, filter, {
        sort: request.query.sort ?? '-created',
        personal,
        language: inboxLanguage(request),
      });
      return reply.send(Readable.from(rows));
    },
  );

  await app.register(savedFilterRoutes, { ctx });
  await app.register(liveInboxRoutes, { ctx });
};

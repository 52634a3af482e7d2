// Incidents for staff: the open ones (the inbox panel), one with its reports, dismissing it, and
// creating a draft notice from it. Reading follows the inbox (inbox.read); dismissing and creating
// the notice follow drafting a notice (notice.draft).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { errorResponseRef } from '../../http/errors.ts';
import { askedLanguage } from '../../http/language.ts';
import { stringEnum } from '../../http/schema-helpers.ts';
import { staffOf } from '../accounts/staff-auth.ts';
import { StaffNoticeResponse } from '../notices/http-schemas.ts';
import { REPORT_STATUSES } from '../reports/statuses.ts';
import { createNoticeFromIncident } from './create-notice-from-incident.ts';
import { dismissIncident } from './dismiss-incident.ts';
import { getIncident, listIncidents } from './incident-queries.ts';

const PREFIX = '/api/v1/staff/m/:kommunenummer/incidents';
const tags = ['staff: incidents'];
const errors = { 400: errorResponseRef, 401: errorResponseRef, 403: errorResponseRef, 404: errorResponseRef };
const Params = Type.Object({ kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }) });
const IdParams = Type.Object({
  kommunenummer: Type.String({ pattern: '^[0-9]{4}$' }),
  id: Type.String({ format: 'uuid' }),
});

const IncidentSummary = Type.Object({
  id: Type.String(),
  status: stringEnum(['open', 'noticed', 'dismissed'] as const),
  categoryId: Type.String(),
  category: Type.String(),
  reportCount: Type.Integer(),
  radiusMeters: Type.Integer(),
  windowMinutes: Type.Integer(),
  center: Type.Object({ lat: Type.Number(), lon: Type.Number() }),
  noticeId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const IncidentDetail = Type.Object({
  ...IncidentSummary.properties,
  noticeTypes: Type.Array(Type.String()),
  reports: Type.Array(
    Type.Object({
      id: Type.String(),
      ref: Type.String(),
      status: stringEnum(REPORT_STATUSES),
      address: Type.Union([Type.String(), Type.Null()]),
      lat: Type.Number(),
      lon: Type.Number(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const incidentRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.db.db;

  app.get(
    PREFIX,
    {
      config: { policy: 'inbox.read' },
      schema: {
        tags,
        summary: 'Open incidents, newest first (`?all=true`: the last 100 of any status)',
        params: Params,
        querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ incidents: Type.Array(IncidentSummary) }), ...errors },
      },
    },
    async (request) => ({
      incidents: await listIncidents(
        db,
        request.params.kommunenummer,
        askedLanguage(request) ?? staffOf(request).language,
        request.query.all ?? false,
      ),
    }),
  );

  app.get(
    `${PREFIX}/:id`,
    {
      config: { policy: 'inbox.read' },
      schema: {
        tags,
        summary: 'An incident with its reports',
        params: IdParams,
        response: { 200: IncidentDetail, ...errors },
      },
    },
    async (request) =>
      getIncident(
        db,
        request.params.kommunenummer,
        request.params.id,
        askedLanguage(request) ?? staffOf(request).language,
      ),
  );

  app.post(
    `${PREFIX}/:id/dismiss`,
    {
      config: { policy: 'notice.draft' },
      schema: {
        tags,
        summary: 'Dismiss an open incident (noise)',
        params: IdParams,
        response: { 200: IncidentDetail, ...errors, 409: errorResponseRef },
      },
    },
    async (request) =>
      dismissIncident(
        db,
        { userId: staffOf(request).userId, kommunenummer: request.params.kommunenummer },
        request.params.id,
        askedLanguage(request) ?? staffOf(request).language,
      ),
  );

  app.post(
    `${PREFIX}/:id/create-notice`,
    {
      config: { policy: 'notice.draft' },
      schema: {
        tags,
        summary: 'Create a draft notice from an open incident',
        description:
          "The type is the category's first notice type (else other), the text the municipality's template for it, " +
          'the area the convex hull of the reports buffered by 150 m. The reports are linked to the notice; the incident is closed as noticed.',
        params: IdParams,
        response: {
          201: Type.Object({ incidentId: Type.String(), notice: StaffNoticeResponse }),
          ...errors,
          409: errorResponseRef,
          422: errorResponseRef,
        },
      },
    },
    async (request, reply) => {
      const result = await createNoticeFromIncident(
        db,
        { userId: staffOf(request).userId, kommunenummer: request.params.kommunenummer },
        request.params.id,
        askedLanguage(request) ?? staffOf(request).language,
      );
      return reply.code(201).send(result);
    },
  );
};
